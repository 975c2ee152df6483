using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A Redis (or Valkey) run beside the proxy with persistence off keeps the cache or router data in memory only, a
/// retention fact rather than an unknown. Persistence is off when RDB snapshots are disabled (<c>--save ""</c>) and
/// the append-only file is not on: <c>appendonly</c> defaults to no, unless a config file given on the command line
/// may set it, so then only an explicit <c>--appendonly no</c> counts (https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/).
/// Applies to components that <see cref="CoLocation"/> placed on that service.
/// </summary>
public static class RedisPersistence
{
    public static void Apply(Stack stack, IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members)
    {
        // Loops, and the table made at the first service beside the proxy: most stacks have none.
        Dictionary<string, ServiceFacts>? services = null;
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var service in members[i].Facts.Services)
            {
                if (!service.RunsProxy)
                {
                    (services ??= new(StringComparer.OrdinalIgnoreCase)).TryAdd(service.Name, service);
                }
            }
        }

        if (services is null)
        {
            return;
        }

        foreach (var component in stack.Model.Components)
        {
            if (component.Attributes["colocatedService"] is not string name || !services.TryGetValue(name, out var service)
                || InMemoryOnly(service) is not var (written, at))
            {
                continue;
            }

            var what = $"in memory only: persistence off ({written})";
            component.Evidence.Add(at);
            component.Attributes.Set("persistence", "off", at);
            if (component.Retention is null)
            {
                component.Retention = new Sourced<Retention>(new Retention($"{what}; kept until evicted or the server restarts", null), at);
            }

            component.Notes.Add($"'{service.Name}' runs with {written} ({at}): it keeps its data in memory only, none on disk.");
        }
    }

    private static (string Written, SourceLocation At)? InMemoryOnly(ServiceFacts service)
    {
        var words = service.Command.ToList();
        var redis = (service.Image ?? "").Contains("redis", StringComparison.OrdinalIgnoreCase) || (service.Image ?? "").Contains("valkey", StringComparison.OrdinalIgnoreCase)
            || words.Any(w => w.Word.EndsWith("redis-server", StringComparison.Ordinal) || w.Word.EndsWith("valkey-server", StringComparison.Ordinal));
        var save = words.FindIndex(w => w.Word == "--save");
        if (!redis || save < 0 || save + 1 >= words.Count || words[save + 1].Word.Length > 0)
        {
            return null;
        }

        var aof = words.FindIndex(w => w.Word == "--appendonly");
        var appendOnly = aof >= 0 && aof + 1 < words.Count ? words[aof + 1].Word : null;
        var configFile = words.Any(w => w.Word.EndsWith(".conf", StringComparison.Ordinal));
        if (!(appendOnly == "no" || (appendOnly is null && !configFile)))
        {
            return null;
        }

        var written = string.Join(' ', words.Select(w => w.Word.Length == 0 ? "\"\"" : w.Word));
        return (written, words[save].At);
    }
}
