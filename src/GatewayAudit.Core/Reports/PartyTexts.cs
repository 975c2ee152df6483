using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// The texts of a party's row that depend only on its vendor's catalog facts or on the gateway whose sub-processor it
/// is, and the data category lists, made once per report and shared by every row that shows them. A scan of 10,000
/// stacks wrote each stack's rows with these texts formatted anew (a fact's text is itself joined on every read): 37 MiB
/// of equal strings, each then hashed and compared in full by the JSON writer's memory of cleaned strings instead of
/// found by reference (bench/SCALE.md round 14). Single-threaded, as the report's building and writing are.
/// </summary>
internal sealed class PartyTexts
{
    private readonly Dictionary<Vendor, (ZdrStatus Status, string Detail)> _zdr = [];
    private readonly Dictionary<Vendor, (string Text, string Basis)?> _retention = [];
    private readonly Dictionary<Vendor, string> _region = [];
    private readonly Dictionary<Vendor, string> _legalEntity = [];
    private readonly Dictionary<string, string> _gatewayZdr = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _gatewayRetention = new(StringComparer.Ordinal);
    private readonly List<string>?[] _categories = new List<string>?[1 << Categories.Length];

    private static readonly DataCategory[] Categories = Enum.GetValues<DataCategory>();

    /// <summary>ZDR as the vendor's catalog entry states it, for a party that receives text and sets none in config.</summary>
    public (ZdrStatus Status, string Detail) Zdr(Vendor vendor) => Made(_zdr, vendor, static vendor =>
    {
        var fact = vendor.Fact(Vendor.Zdr);
        return fact.Text switch
        {
            "no" => (ZdrStatus.No, $"{vendor.Name} offers no zero data retention (catalog, checked {fact.Checked:yyyy-MM-dd})"),
            "yes" or "partial" => (ZdrStatus.Unknown,
                $"{vendor.Name} offers ZDR{(fact.Text == "partial" ? " for part of its service" : "")}{(fact.HowToEnable is { } how ? $" ({how})" : "")}; whether it is in force for this account is not visible in config"),
            _ => (ZdrStatus.Unknown, $"the catalog does not know whether {vendor.Name} offers ZDR"),
        };
    });

    /// <summary>The vendor's default retention and its source; null when the catalog does not know it.</summary>
    public (string Text, string Basis)? DefaultRetention(Vendor vendor) => Made(_retention, vendor, static vendor =>
        vendor.Fact(Vendor.DefaultRetention) is { Known: true } fact
            ? ($"{fact.Text} (vendor default)", $"catalog: {fact.Source} (checked {fact.Checked:yyyy-MM-dd})")
            : ((string, string)?)null);

    public string DefaultRegion(Vendor vendor) => Made(_region, vendor, static vendor =>
        vendor.Fact(Vendor.DataRegions) is { Known: true } fact ? $"{fact.Text} (vendor default)" : "unknown");

    public string LegalEntity(Vendor vendor) => Made(_legalEntity, vendor, static vendor =>
        vendor.Fact(Vendor.LegalEntity) is { Known: true } fact ? fact.Text : $"{vendor.Name} (entity unknown)");

    public string GatewayZdr(string gateway) => Made(_gatewayZdr, gateway, static gateway =>
        $"depends on {gateway}'s routing: this deployment does not set provider.zdr, and an account-wide ZDR setting at {gateway} is not visible in config");

    public string GatewayRetention(string gateway) => Made(_gatewayRetention, gateway, static gateway =>
        $"{gateway}'s sub-processor: retention follows {gateway}'s agreement with whichever provider serves the request");

    /// <summary>The categories' texts in category order, one shared list per set of categories (never changed once made).</summary>
    public IReadOnlyList<string> CategoryTexts(DataCategorySet categories, DataCategory? except = null)
    {
        var mask = 0;
        foreach (var category in Categories)
        {
            if (category != except && categories.Contains(category))
            {
                mask |= 1 << (int)category;
            }
        }

        return _categories[mask] ??= TextsOf(mask);
    }

    private static List<string> TextsOf(int mask) => [.. Categories.Where(c => (mask & (1 << (int)c)) != 0).Select(EnumText.Of)];

    private static TValue Made<TKey, TValue>(Dictionary<TKey, TValue> made, TKey key, Func<TKey, TValue> make)
        where TKey : notnull
    {
        if (!made.TryGetValue(key, out var value))
        {
            value = make(key);
            made[key] = value;
        }

        return value;
    }
}
