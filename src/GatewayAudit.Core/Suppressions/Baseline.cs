using System.Globalization;
using System.Text;
using System.Text.Json;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Suppressions;

/// <summary>One accepted finding: rule id + file + fingerprint (the finding's subject, which survives line shifts).</summary>
public sealed record BaselineEntry(string RuleId, string File, string Fingerprint, string Reason, DateOnly? Until, SourceLocation Location);

/// <summary>
/// Findings a team has accepted, kept in a YAML file beside the code (<c>--baseline FILE</c>). Each entry needs a
/// reason; <c>until</c> is optional. Written by <c>gateway-audit baseline write</c>.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    public Baseline(IReadOnlyList<BaselineEntry> entries) => Entries = entries;

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>The key that ties a finding to a baseline entry. Subjects are stable ids; without one the line is used.</summary>
    public static string FingerprintOf(Finding finding) =>
        finding.Subject ?? $"line:{(finding.Location?.Line ?? 0).ToString(CultureInfo.InvariantCulture)}";

    public BaselineEntry? Match(Finding finding) =>
        Entries.FirstOrDefault(e => e.RuleId == finding.RuleId && e.File == (finding.Location?.File ?? "") && e.Fingerprint == FingerprintOf(finding));

    public static Baseline Load(string fullPath, string shownPath, List<Diagnostic> diagnostics)
    {
        var text = InputText.Read(fullPath, shownPath, diagnostics);
        if (text is null)
        {
            return new Baseline([]);
        }

        var (document, yamlDiagnostics) = new SafeYamlLoader().Load(shownPath, text);
        diagnostics.AddRange(yamlDiagnostics);
        if (document?.Root is not YamlMapping root || root["findings"] is not YamlSequence list)
        {
            if (document is not null)
            {
                diagnostics.Add(Diagnostic.Error("baseline-invalid", "a baseline is a mapping with 'version: 1' and 'findings:' (a list of accepted findings)",
                    new SourceLocation(shownPath, document.Root?.Line ?? 1)));
            }

            return new Baseline([]);
        }

        // A baseline states its format version; one this build does not know is refused rather than half-understood.
        var version = root["version"] is YamlScalar { IsNull: false } stated ? stated.Value.Trim() : null;
        if (version != FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            var shown = version is { Length: <= 16 } && version.All(char.IsAsciiLetterOrDigit) ? $"version {version}" : "this version";
            diagnostics.Add(Diagnostic.Error("baseline-version", version is null
                    ? $"a baseline states its format version: add 'version: {FormatVersion}' at the top"
                    : $"baseline format {shown} is not one this gateway-audit reads (it reads version {FormatVersion}); upgrade gateway-audit or write the baseline again with 'gateway-audit baseline write'",
                root["version"] is { } node ? document.At(node) : new SourceLocation(shownPath, root.Line)));
            return new Baseline([]);
        }

        var entries = new List<BaselineEntry>();
        foreach (var item in list.Items)
        {
            var at = document.At(item);
            if (item is not YamlMapping entry)
            {
                diagnostics.Add(Diagnostic.Error("baseline-invalid", "each baseline entry is a mapping with rule, file, fingerprint and reason", at));
                continue;
            }

            string? Text(string key) => entry[key] is YamlScalar { IsNull: false } s ? s.Value.Trim() : null;
            var (rule, file, fingerprint, reason) = (Text("rule"), Text("file"), Text("fingerprint"), Text("reason"));
            if (rule is null || file is null || fingerprint is null)
            {
                diagnostics.Add(Diagnostic.Error("baseline-invalid", "a baseline entry needs rule, file and fingerprint", at));
                continue;
            }

            if (string.IsNullOrEmpty(reason))
            {
                diagnostics.Add(Diagnostic.Error("suppression-no-reason", $"baseline entry for {rule} ({fingerprint}) has no reason; say why the finding is accepted", at));
                continue;
            }

            DateOnly? until = null;
            if (Text("until") is { } untilText)
            {
                if (!DateOnly.TryParseExact(untilText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    diagnostics.Add(Diagnostic.Error("baseline-invalid", "until must be a date written YYYY-MM-DD", document.At(entry["until"]!)));
                    continue;
                }

                until = date;
            }

            entries.Add(new BaselineEntry(rule, file, fingerprint, reason, until, at));
        }

        return new Baseline(entries);
    }

    /// <summary>A baseline accepting every given finding with one reason; deterministic (sorted, no timestamps).</summary>
    public static string Write(IEnumerable<Finding> findings, string reason, DateOnly? until)
    {
        var text = new StringBuilder();
        text.Append("# gateway-audit baseline: findings accepted on purpose. Each entry needs a reason; 'until' (YYYY-MM-DD) is optional.\n");
        text.Append("# Entries match by rule + file + fingerprint (the finding's subject), so they survive line shifts.\n");
        text.Append(CultureInfo.InvariantCulture, $"version: {FormatVersion}\n");
        var rows = findings
            .Select(f => (Rule: f.RuleId, File: f.Location?.File ?? "", Fingerprint: FingerprintOf(f)))
            .Distinct()
            .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Rule, StringComparer.Ordinal).ThenBy(r => r.Fingerprint, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            text.Append("findings: []\n");
            return text.ToString();
        }

        text.Append("findings:\n");
        foreach (var (rule, file, fingerprint) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - rule: {rule}\n");
            text.Append(CultureInfo.InvariantCulture, $"    file: {Quote(file)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    fingerprint: {Quote(fingerprint)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    reason: {Quote(reason)}\n");
            if (until is { } date)
            {
                text.Append(CultureInfo.InvariantCulture, $"    until: {date:yyyy-MM-dd}\n");
            }
        }

        return text.ToString();
    }

    // A JSON string is a valid YAML double-quoted scalar (written from generated metadata: no reflection, AOT-safe).
    private static string Quote(string value) => JsonSerializer.Serialize(value, ReportJsonContext.Default.String);
}
