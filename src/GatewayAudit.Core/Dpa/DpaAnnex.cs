using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Dpa;

/// <summary>The sub-processors a signed DPA declares, as read from its annex (<c>scan --dpa FILE</c>).</summary>
public sealed record DpaAnnex(string File, IReadOnlyList<DpaEntry> Entries);

/// <summary>
/// One declared party: <see cref="Name"/> as the annex writes it (for messages), <see cref="Identity"/> the text that
/// names it (the name column and any legal-entity or service column; a list item's words before its description),
/// and the 1-based line it is on.
/// </summary>
public sealed record DpaEntry(string Name, string Identity, int Line);

/// <summary>
/// Reads a DPA file in the form its name says: <c>.csv</c> a spreadsheet export, <c>.yaml</c>/<c>.yml</c> the list of
/// ids the policy rules read (<see cref="Policies.DpaDeclaration"/>, not an annex), anything else Markdown (a table or
/// a list). Problems are error diagnostics with file:line; nothing here throws on bad input.
/// </summary>
public static class DpaAnnexFile
{
    /// <summary>Whether <paramref name="path"/> is the YAML id list the declaration rules read rather than an annex.</summary>
    public static bool IsIdList(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml";

    public static DpaAnnex? Load(string fullPath, string shownPath, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(fullPath))
        {
            diagnostics.Add(Diagnostic.Error("dpa-missing", "DPA file not found", new SourceLocation(shownPath, 0)));
            return null;
        }

        var text = InputText.Read(fullPath, shownPath, diagnostics);
        if (text is null)
        {
            return null;
        }

        if (text.Trim().Length == 0)
        {
            diagnostics.Add(Diagnostic.Error("dpa-empty", "the DPA file is empty", new SourceLocation(shownPath, 0)));
            return null;
        }

        var entries = Path.GetExtension(fullPath).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? CsvAnnexReader.Read(text, shownPath, diagnostics)
            : MarkdownAnnexReader.Read(text, shownPath, diagnostics);
        return entries is null ? null : new DpaAnnex(shownPath, entries);
    }
}
