using CsvHelper;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// <c>--format annex</c>: only the sub-processor annex in Markdown (the parties, the operator's own systems, facts to
/// confirm, evidence), from templates/annex.md.liquid, for pasting into a DPA.
/// </summary>
public sealed class AnnexMarkdownRenderer(string templatePath) : IReportRenderer
{
    public string Format => "annex";

    /// <summary>The rendered template, run by <see cref="ReportTemplate"/> like the full report, ending in exactly one newline.</summary>
    public string Render(Report report) => ReportTemplate.Load(templatePath).Render(report).TrimEnd('\n', ' ') + "\n";
}

/// <summary>
/// <c>--format csv</c>: the sub-processor annex as CSV (RFC 4180, one row per sub-processor, the columns of the
/// Markdown annex plus hosting, via and evidence) for the spreadsheets procurement and counsel keep. A cell that a
/// spreadsheet would run as a formula (starting with = + - @, tab or CR) is escaped with a leading apostrophe by
/// CsvHelper's injection protection, so a hostile value from a config stays text.
/// </summary>
public sealed class AnnexCsvRenderer : IReportRenderer
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Sub-processor", "Hosting", "Via gateway", "Legal entity", "Legal entity in the EEA", "Country", "Processing location",
        "Purpose", "Data", "Transfer mechanism", "Retention", "Safeguards", "Evidence",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public string Format => "csv";

    public string Render(Report report)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            var evidence = report.Annex.Evidence.ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var row in report.Annex.Subprocessors)
            {
                string[] fields =
                [
                    row.Name, row.Hosting, row.Via ?? "", row.LegalEntity, row.EeaLegalEntity ?? "", row.Country, row.Locations,
                    row.Purpose, row.DataReceived, row.TransferMechanism, row.Retention, row.Safeguards,
                    evidence.TryGetValue(row.Id, out var where) ? EvidenceText(where) : "",
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static string EvidenceText(AnnexEvidenceRow row)
    {
        var shown = string.Join("; ", row.Evidence.Select(e => $"{e.File}:{e.Line}"));
        return row.Total > row.Evidence.Count ? $"{shown} (and {row.Total - row.Evidence.Count} more)" : shown;
    }
}
