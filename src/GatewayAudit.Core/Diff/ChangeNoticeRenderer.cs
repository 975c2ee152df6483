using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Diff;

/// <summary>Renders a <see cref="SubprocessorDiff"/> in one output format of <c>gateway-audit diff</c>.</summary>
public interface IDiffRenderer
{
    string Format { get; }

    string Render(SubprocessorDiff diff);
}

/// <summary>The diff's renderers, one per <c>--format</c>.</summary>
public static class DiffRenderers
{
    public static IReadOnlyList<IDiffRenderer> All { get; } = [new ChangeNoticeRenderer(), new DiffJsonRenderer()];

    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(r => r.Format)];
}

/// <summary>The diff as JSON, camelCase like the scan result; <c>kind</c> says it is a diff, not a scan.</summary>
public sealed class DiffJsonRenderer : IDiffRenderer
{
    // Generated metadata (DiffJsonContext), not reflection: the same contract, and it runs in a Native AOT build.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = DiffJsonContext.Default,
        WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonTypeInfo<SubprocessorDiff> DiffType = (JsonTypeInfo<SubprocessorDiff>)Options.GetTypeInfo(typeof(SubprocessorDiff));

    public string Format => "json";

    public string Render(SubprocessorDiff diff) => JsonSerializer.Serialize(diff, DiffType) + "\n";
}

/// <summary>The diff's JSON metadata, generated at build time (the web defaults: camelCase keys).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SubprocessorDiff))]
internal sealed partial class DiffJsonContext : JsonSerializerContext;

/// <summary>
/// A sub-processor change notice in Markdown: the notice a processor relying on a general written authorisation
/// must send its controllers before it adds or replaces a sub-processor, so that they can object (GDPR Art. 28(2),
/// https://gdpr-info.eu/art-28-gdpr/). The effective date, the objection deadline and the parties' names are left as
/// bracketed placeholders: they are contract facts no scan shows. A technical appendix (not for sending) gives the
/// two scans compared and the file:line evidence of each new party.
/// </summary>
public sealed class ChangeNoticeRenderer : IDiffRenderer
{
    public string Format => "md";

    public string Render(SubprocessorDiff diff)
    {
        var text = new StringBuilder();
        text.Append("# Sub-processor change notice\n\n");
        if (!diff.AnyChange)
        {
            text.Append($"No sub-processor changes between {Code(diff.Old.File)} and {Code(diff.New.File)}: no notice is needed.\n");
            return text.ToString();
        }

        text.Append("**Effective date: [YYYY-MM-DD: fill in before sending]**\n\n");
        text.Append("To: [customer name]  \nFrom: [your company], processor under the data processing agreement between us\n\n");
        text.Append("Under our data processing agreement and Article 28(2) of the GDPR, we tell you in advance of the following changes to the " +
            "sub-processors that process personal data on your behalf. They take effect on the date above. If you object to a change, " +
            "please tell us by [objection deadline, as the agreement sets it] at [contact address].\n");

        if (diff.Added.Count > 0)
        {
            text.Append("\n## New sub-processors\n\n");
            text.Append("| Sub-processor | Legal entity | Purpose | Data it receives | Processing location | Zero data retention |\n");
            text.Append("|---|---|---|---|---|---|\n");
            foreach (var party in diff.Added)
            {
                text.Append($"| {Cell(party.Name)}{Marker(party)} | {Cell(party.LegalEntity)} | {Cell(Purpose(party))} " +
                    $"| {Cell(string.Join(", ", party.DataCategories.Where(c => c != SubprocessorDiff.Credentials)))} | {Cell(string.Join("; ", party.Regions))} | {Cell(party.Zdr)} |\n");
            }

            if (diff.Added.Any(p => p.Hosting == "unknown"))
            {
                text.Append("\nA party marked \"hosting not confirmed\" may run on your own infrastructure, which needs no notice: confirm who runs it before sending.\n");
            }
        }

        if (diff.Changed.Count > 0)
        {
            text.Append("\n## Changes to existing sub-processors\n\n");
            foreach (var changed in diff.Changed)
            {
                text.Append($"- **{Inline(changed.Party.Name)}**: {Inline(string.Join("; ", changed.Changes.Select(c => c.Text)))}\n");
            }
        }

        if (diff.Removed.Count > 0)
        {
            text.Append("\n## Sub-processors no longer used\n\n");
            foreach (var party in diff.Removed)
            {
                text.Append($"- {Inline(party.Name)}{Marker(party)}{(Known(party.LegalEntity) ? $" ({Inline(party.LegalEntity)})" : "")}: {Inline(Purpose(party))}\n");
            }
        }

        text.Append("\n---\n\n## Technical details (not part of the notice)\n\n");
        text.Append($"Compared {Code(diff.Old.File)} (gateway-audit {Inline(diff.Old.ToolVersion ?? "unknown")}) with {Code(diff.New.File)} " +
            $"(gateway-audit {Inline(diff.New.ToolVersion ?? "unknown")}): {diff.Summary.Added} added, {diff.Summary.Removed} removed, {diff.Summary.Changed} changed.\n");
        foreach (var party in diff.Added)
        {
            var evidence = string.Join("; ", party.Evidence.GroupBy(e => e.File).Select(g => $"{g.Key}:{string.Join(", ", g.Select(e => e.Line))}"));
            text.Append($"\n- {Inline(party.Name)}: {Inline(string.Join(", ", party.Services))}; evidence {Code(evidence.Length > 0 ? evidence : "none recorded")}");
        }

        return text.Append(diff.Added.Count > 0 ? "\n" : "").ToString();
    }

    private static string Marker(PartyRow party) => party.Hosting == "unknown" ? " (hosting not confirmed)" : "";

    private static bool Known(string fact) => !fact.Contains("unknown", StringComparison.Ordinal);

    /// <summary>The scan's own purpose when it gives one, else what the party is in plain words.</summary>
    private static string Purpose(PartyRow party) =>
        party.Purpose ?? string.Join(", ", party.Roles.Select(r => r.Replace('-', ' ')));

    private static string Cell(string text) => Plain(ReportTemplateFilters.MarkdownCell(text));

    private static string Inline(string text) => Plain(ReportTemplateFilters.MarkdownText(text));

    /// <summary>
    /// A value from a scan never becomes a link or emphasis: the report filters escape brackets, backslashes and
    /// underscores that could open emphasis; a notice also escapes every asterisk.
    /// </summary>
    private static string Plain(string text) => text.Replace("*", "\\*", StringComparison.Ordinal);

    private static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal).ReplaceLineEndings(" ") + "`";
}
