using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Organisation;

/// <summary>
/// One repository's scan result, read by <see cref="Diff.ScanResultReader.ReadReport"/>, with the name the merged
/// report gives it.
/// </summary>
public sealed record RepositoryResult(string Name, string File, Report Report);

/// <summary>
/// Puts the repository's name in front of every file path of its report (<c>config.yaml:3</c> becomes
/// <c>payments-api/config.yaml:3</c>), so that evidence, findings and questions keep their repository once merged.
/// A result whose every input already starts with that folder (<c>gateway-audit scan payments-api</c> run beside the
/// checkout) keeps its paths as they are rather than reading <c>payments-api/payments-api/...</c>.
/// Every evidence-bearing part of the report model is rebased here and nowhere else: a change to the evidence shape
/// is adapted in this one file.
/// </summary>
internal static class RepositoryPaths
{
    public static Report Rebase(Report report, string repository)
    {
        var prefix = $"{repository}/";
        var rooted = report.Inputs.Count > 0 && report.Inputs.All(i => i.File.StartsWith(prefix, StringComparison.Ordinal));
        string At(string file) => rooted ? file : prefix + file.TrimStart('/');
        List<EvidenceRow> Evidence(IEnumerable<EvidenceRow> rows) => [.. rows.Select(e => e with { File = At(e.File) })];
        string Located(string text) => ReportBuilder.ConfigLocated(text) is { } said ? $"{said.Stem} ({At(said.Location)})" : text;
        FindingRow Finding(FindingRow f) => f with
        {
            File = f.File is { } file ? At(file) : null,
            Suppression = f.Suppression is { File: { } where } s ? s with { File = At(where) } : f.Suppression,
            Repository = repository,
        };
        SubProcessorRow Party(SubProcessorRow s) => s with { Evidence = Evidence(s.Evidence), ZdrDetail = Located(s.ZdrDetail) };
        ZdrGapRow Gap(ZdrGapRow g) => g with { Evidence = Evidence(g.Evidence), Detail = Located(g.Detail) };
        OpenQuestionRow Question(OpenQuestionRow q) => q with { File = q.File is { } file ? At(file) : null };

        return report with
        {
            Inputs = [.. report.Inputs.Select(i => i with { File = At(i.File) })],
            Subprocessors = [.. report.Subprocessors.Select(Party)],
            Components = [.. report.Components.Select(c => c with { Evidence = Evidence(c.Evidence) })],
            Flows = [.. report.Flows.Select(f => f with { Evidence = Evidence(f.Evidence) })],
            Findings = [.. report.Findings.Select(Finding)],
            Diagnostics = [.. report.Diagnostics.Select(d => d with { File = At(d.File) })],
            RetentionSurfaces = [.. report.RetentionSurfaces.Select(r => r with { Evidence = Evidence(r.Evidence), Basis = Located(r.Basis) })],
            ZdrGaps = [.. report.ZdrGaps.Select(Gap)],
            OpenQuestions = [.. report.OpenQuestions.Select(Question)],
            Annex = report.Annex with { Evidence = [.. report.Annex.Evidence.Select(e => e with { Evidence = Evidence(e.Evidence) })] },
            Availability = report.Availability with { Dependencies = [.. report.Availability.Dependencies.Select(d => d with { Evidence = Evidence(d.Evidence) })] },
            LockIn = [.. report.LockIn.Select(l => l with { Locations = Evidence(l.Locations) })],
            Locations = report.Locations?.ToDictionary(p => p.Key, p => (IReadOnlyList<EvidenceRow>)Evidence(p.Value), StringComparer.Ordinal),
            Stacks = report.Stacks is { } stacks
                ? [.. stacks.Select(s => s with
                {
                    Files = [.. s.Files.Select(f => f with { File = At(f.File) })],
                    Subprocessors = [.. s.Subprocessors.Select(Party)],
                    Findings = [.. s.Findings.Select(Finding)],
                    ZdrGaps = [.. s.ZdrGaps.Select(Gap)],
                    OpenQuestions = [.. s.OpenQuestions.Select(Question)],
                })]
                : null,
        };
    }
}
