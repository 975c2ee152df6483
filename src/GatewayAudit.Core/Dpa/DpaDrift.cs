using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Dpa;

/// <summary>
/// Drift between the stack and the DPA it runs under (<c>scan --dpa ANNEX</c>): every party that receives data and is
/// not in the annex (an undeclared transfer), every party of unknown hosting that is not (to confirm), every declared
/// party the scan shows no data going to, and every annex row that names nothing the scan or the catalog knows.
/// Operator-run systems are not sub-processors and never need declaring; a gateway's own sub-processors (the
/// providers OpenRouter routes to) are covered by the gateway's entry, unless the gateway calls them with the
/// operator's own account (a Portkey target).
/// </summary>
public sealed class DpaDrift
{
    public const string UndeclaredId = "dpa-undeclared-subprocessor";
    public const string UnconfirmedId = "dpa-unconfirmed-subprocessor";
    public const string UnusedId = "dpa-unused-subprocessor";
    public const string UnmatchedId = "dpa-unmatched-entry";

    private readonly DpaAnnex _annex;
    private readonly IReadOnlyList<StackModel> _models;
    private readonly VendorCatalog _catalog;
    private readonly IReadOnlyList<(DpaEntry Entry, IReadOnlyList<string> Keys)> _matches;

    /// <param name="models">Every stack of the scan: the annex covers them all, so a party is unused only when no stack uses it.</param>
    public DpaDrift(DpaAnnex annex, VendorCatalog catalog, IReadOnlyList<StackModel> models)
    {
        _annex = annex;
        _models = models;
        _catalog = catalog;
        var names = new PartyNames();
        foreach (var vendor in catalog.Vendors.OrderBy(v => v.Id, StringComparer.Ordinal))
        {
            names.Add(VendorKey(vendor.Id), [vendor.Id, vendor.Name, .. vendor.Aliases, .. vendor.Fact(Vendor.LegalEntity).Values,
                .. vendor.Fact(Vendor.EeaLegalEntity).Values, .. vendor.Hosts.Select(h => h.TrimStart('*', '.'))]);
        }

        foreach (var component in models.SelectMany(m => m.Components).Where(c => c.Role != ComponentRole.App).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            // A party the catalog does not know is matched by what the scan calls it: its id, its name without the
            // description in brackets, its host.
            var unknownVendor = catalog.Find(component.Vendor) is null;
            names.Add(ComponentKey(component.Id), unknownVendor
                ? [component.Id, component.Name, component.Name.Split(" (")[0], component.Attributes["host"] as string, component.Vendor]
                : [component.Id]);
        }

        _matches = annex.Entries.Select(e => (e, names.Match(e.Identity))).ToList();
    }

    /// <summary>Whether a finding is about the annex as a whole (its location is the DPA file), not about one stack.</summary>
    public static bool IsAboutAnnex(Finding finding) => finding.RuleId is UnusedId or UnmatchedId;

    /// <summary>The parties of one stack that receive data and that the annex does not declare.</summary>
    public IEnumerable<Finding> Undeclared(StackModel model)
    {
        foreach (var component in model.Components.Where(c => NeedsDeclaring(c, model) && !Declared(c)).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var receives = string.Join(", ", model.Receives(component.Id).Select(EnumText.Of));
            var at = component.Evidence.FirstOrDefault();
            yield return component.Hosting == Hosting.ThirdParty
                ? new Finding
                {
                    RuleId = UndeclaredId,
                    Severity = DpaCheck.Undeclared.Severity,
                    Title = DpaCheck.Undeclared.Title,
                    Message = $"{component.Name} receives {receives}, but the DPA ({_annex.File}) does not declare it as a sub-processor: an undeclared transfer.",
                    Remediation = $"Add {component.Name}{LegalEntityText(component)} to the DPA's sub-processor annex and notify customers before the change " +
                        "('gateway-audit diff' drafts the notice), or stop sending data to it. If the annex already names it in other words, " +
                        "add those words to the vendor's aliases in a --catalog folder.",
                    Location = at,
                    Subject = component.Id,
                    References = DpaCheck.References,
                }
                : new Finding
                {
                    RuleId = UnconfirmedId,
                    Severity = DpaCheck.Unconfirmed.Severity,
                    Title = DpaCheck.Unconfirmed.Title,
                    Message = $"{component.Name} receives {receives}; the inputs do not show who runs it, and the DPA ({_annex.File}) does not declare it. " +
                        "If a third party runs it, this is an undeclared transfer.",
                    Remediation = DpaCheck.Unconfirmed.Remediation,
                    Location = at,
                    Subject = component.Id,
                    References = DpaCheck.References,
                };
        }
    }

    /// <summary>The annex rows no stack sends data to, and the rows that name nothing the scan or the catalog knows.</summary>
    public IEnumerable<Finding> AnnexFindings()
    {
        foreach (var (entry, keys) in _matches)
        {
            var at = new SourceLocation(_annex.File, entry.Line);
            var subject = $"dpa-entry:{entry.Name}";
            if (keys.Count == 0)
            {
                yield return new Finding
                {
                    RuleId = UnmatchedId,
                    Severity = DpaCheck.Unmatched.Severity,
                    Title = DpaCheck.Unmatched.Title,
                    Message = $"The DPA declares {entry.Name}, which matches no vendor in the catalog and no party in the scan, so the scan cannot tell whether the stack uses it.",
                    Remediation = DpaCheck.Unmatched.Remediation,
                    Location = at,
                    Subject = subject,
                    References = DpaCheck.References,
                };
                continue;
            }

            var matched = _models.SelectMany(m => m.Components).Where(c => c.Role != ComponentRole.App && IsNamedBy(c, keys)).ToList();
            if (matched.Any(c => c.Hosting != Hosting.OperatorHosted))
            {
                continue;
            }

            var selfRun = matched.Select(c => c.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            // A declared cloud or database vendor may be where a Postgres or Redis of unknown hosting runs; a model provider is not.
            var mayHost = keys.Select(k => _catalog.Find(k.StartsWith("vendor:", StringComparison.Ordinal) ? k["vendor:".Length..] : null))
                .Any(v => v is null || v.Kind is "storage" or "datastore" or "cloud" or "other");
            var unknownHosting = !mayHost ? [] : _models.SelectMany(m => m.Components.Where(c => NeedsDeclaring(c, m) && c.Hosting == Hosting.Unknown))
                .Select(c => c.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            yield return new Finding
            {
                RuleId = UnusedId,
                Severity = DpaCheck.Unused.Severity,
                Title = DpaCheck.Unused.Title,
                Message = $"The DPA declares {entry.Name}, but the scan shows no data going to it" +
                    (selfRun.Count > 0 ? $": {string.Join(", ", selfRun)} runs on your own infrastructure, which needs no sub-processor." : ".") +
                    (unknownHosting.Count > 0 ? $" It may still run one of the parties whose hosting the inputs do not show ({string.Join(", ", unknownHosting)})." : ""),
                Remediation = DpaCheck.Unused.Remediation,
                Location = at,
                Subject = subject,
                References = DpaCheck.References,
            };
        }
    }

    private static bool NeedsDeclaring(Component component, StackModel model) =>
        component.Role != ComponentRole.App && component.Hosting != Hosting.OperatorHosted && model.Receives(component.Id).Count > 0
        && (component.SubProcessorOf is null || component.Attributes["providerAccount"] is "operator");

    private bool Declared(Component component) => _matches.Any(m => IsNamedBy(component, m.Keys));

    private static bool IsNamedBy(Component component, IReadOnlyList<string> keys) =>
        keys.Contains(ComponentKey(component.Id)) || (component.Vendor is { } vendor && keys.Contains(VendorKey(vendor)));

    private string LegalEntityText(Component component) =>
        _catalog.Find(component.Vendor)?.Fact(Vendor.LegalEntity) is { Known: true } entity ? $" ({entity.Text})" : "";

    private static string VendorKey(string id) => "vendor:" + id;

    private static string ComponentKey(string id) => "component:" + id;
}
