using CsvHelper;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Dpa;

/// <summary>
/// A sub-processor annex kept as a spreadsheet export: CSV with a header row, columns in any order, separated by
/// comma, semicolon (European Excel), tab or pipe (detected by CsvHelper from the first lines). The columns that name
/// the party are found by their headings (<see cref="AnnexColumns"/>); each data row is one entry, at the line it
/// starts on.
/// </summary>
public static class CsvAnnexReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        IncludeValuesInExceptions = false,
        SkipEmptyLines = true,
    };

    private const int MaxNameLength = 120;

    public static IReadOnlyList<DpaEntry>? Read(string text, string file, List<Diagnostic> diagnostics)
    {
        try
        {
            using var csv = CsvReader.Create(new StringReader(text), Options, leaveOpen: false);
            var headings = csv.Headers.Select(h => h.Trim()).ToList();
            var columns = AnnexColumns.NameColumns(headings);
            if (columns.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error("dpa-no-name-column",
                    $"no column of the header row names the sub-processor (its columns: {string.Join(", ", headings)}); call one {AnnexColumns.Describe}",
                    new SourceLocation(file, 1)));
                return null;
            }

            var entries = new List<DpaEntry>();
            while (csv.Read())
            {
                var names = columns.Where(c => c < csv.FieldCount).Select(c => csv.GetString(c).Trim())
                    .Where(n => PartyNames.Words(n).Count > 0).ToList();
                if (names.Count > 0)
                {
                    var name = names[0].ReplaceLineEndings(" ");
                    entries.Add(new DpaEntry(name.Length <= MaxNameLength ? name : name[..MaxNameLength] + "…", string.Join(" | ", names), (int)csv.LineNumber));
                }
            }

            if (entries.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error("dpa-no-annex", "the CSV has a header row but no sub-processor rows", new SourceLocation(file, 1)));
                return null;
            }

            return entries;
        }
        catch (CsvFormatException e)
        {
            diagnostics.Add(Diagnostic.Error("dpa-malformed-csv", $"malformed CSV: {e.Message}", new SourceLocation(file, (int)Math.Max(1, e.LineNumber))));
            return null;
        }
    }
}
