using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// A <see cref="ComponentFilter"/> made ready once per rule: its roles and hostings as one bit per enum value, tested
/// with a mask instead of a search of the list through its interface (Enumerable.Contains for every component of every
/// rule of every stack). A value outside the mask's 64 bits keeps the list search.
/// </summary>
internal sealed class ComponentMatch(ComponentFilter filter)
{
    private readonly ulong? _roles = Mask(filter.Roles, static r => (int)r);
    private readonly ulong? _hostings = Mask(filter.Hostings, static h => (int)h);

    public bool Matches(Component component, PolicyContext context) =>
        (filter.Ids is null || RuleEngine.AnyGlob(filter.Ids, component.Id))
        && (filter.Roles is null || Has(_roles, (int)component.Role, filter.Roles, component.Role))
        && (filter.Vendors is null || (component.Vendor is { } v && RuleEngine.AnyGlob(filter.Vendors, v)))
        && (filter.Hostings is null || Has(_hostings, (int)component.Hosting, filter.Hostings, component.Hosting))
        && (filter.Receives is null || context.Graph.ReceivesAny(component.Id, filter.Receives));

    private static bool Has<T>(ulong? mask, int value, IReadOnlyList<T> values, T item) =>
        mask is { } bits ? value is >= 0 and < 64 && (bits & (1UL << value)) != 0 : values.Contains(item);

    private static ulong? Mask<T>(IReadOnlyList<T>? values, Func<T, int> number)
    {
        if (values is null)
        {
            return null;
        }

        var mask = 0UL;
        foreach (var value in values)
        {
            var n = number(value);
            if (n is < 0 or >= 64)
            {
                return null;
            }

            mask |= 1UL << n;
        }

        return mask;
    }
}
