using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Organisation;

/// <summary>
/// <c>gateway-audit merge</c>: per-repository scan results into one organisation-wide report of the same model, so
/// every renderer and template (md, json, sarif, html, annex, csv) prints it with the same annex shape as a scan.
/// Each repository becomes one stack row (one per stack for a multi-stack scan), every file path is prefixed with the
/// repository's name, and <see cref="Report.Organisation"/> says which repositories and stacks use each party.
/// Nothing is recomputed from the catalog or the rules: the merge combines what the scans stated.
/// </summary>
public static class OrganisationMerge
{
    public static Report Merge(IReadOnlyList<RepositoryResult> results)
    {
        var repositories = results.Select(r => r with { Report = RepositoryPaths.Rebase(r.Report, r.Name) }).ToList();
        IEnumerable<Use<T>> All<T>(Func<Report, IEnumerable<T>> rows) => repositories.SelectMany(r => rows(r.Report).Select(row => new Use<T>(r.Name, row)));

        var subprocessors = Uses.ByKey(All(r => r.Subprocessors), s => s.Id).Select(PartyMerge.Subprocessor)
            .OrderBy(s => Uses.RoleOrder(s.Role)).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var order = subprocessors.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        int Order(string id) => order.GetValueOrDefault(id, int.MaxValue);

        var annex = new AnnexSection(
            [.. Uses.ByKey(All(r => r.Annex.Subprocessors), a => a.Id).Select(PartyMerge.Annex).OrderBy(a => Order(a.Id)).ThenBy(a => a.Name, StringComparer.Ordinal)],
            [.. Uses.ByKey(All(r => r.Annex.OperatorSystems), o => o.Id).Select(PartyMerge.OperatorSystem).OrderBy(o => Order(o.Id)).ThenBy(o => o.Name, StringComparer.Ordinal)],
            [.. Uses.ByKey(All(r => r.Annex.Evidence), e => e.Id).Select(PartyMerge.AnnexEvidence)]);
        var findings = repositories.SelectMany(r => r.Report.Findings).ToList();
        var surfaces = SectionMerge.RetentionSurfaces(All(r => r.RetentionSurfaces), Order);
        var gaps = SectionMerge.ZdrGaps(All(r => r.ZdrGaps), Order);
        var questions = repositories.SelectMany(r => r.Report.OpenQuestions).Distinct().ToList();
        var facts = Uses.ByKey(All(r => r.FactsToConfirm), f => (f.Party, f.Vendor)).Select(PartyMerge.FactToConfirm).ToList();
        var components = Uses.ByKey(All(r => r.Components), c => c.Id).Select(PartyMerge.Component).ToList();
        var flows = Uses.ByKey(All(r => r.Flows), f => (f.From, f.To)).Select(PartyMerge.Flow).ToList();
        var summary = ReportBuilder.Summary(subprocessors, surfaces, gaps, findings, questions, annex, facts);
        var tools = repositories.Select(r => r.Report.Tool).ToList();

        return new Report(
            new ToolSection(ToolInfo.Name, ToolInfo.Version,
                tools.Select(t => t.CatalogCheckedFrom).OfType<string>().Min(StringComparer.Ordinal),
                tools.Select(t => t.CatalogCheckedTo).OfType<string>().Max(StringComparer.Ordinal),
                tools.Max(t => t.CatalogVendors)),
            [.. repositories.SelectMany(r => r.Report.Inputs)],
            subprocessors,
            components,
            flows,
            findings,
            [.. repositories.SelectMany(r => r.Report.Diagnostics)],
            surfaces,
            gaps,
            questions,
            [.. repositories.SelectMany(r => r.Report.Vendors).DistinctBy(v => v.Id).OrderBy(v => v.Id, StringComparer.Ordinal)],
            summary,
            MermaidDiagram.Render(components, flows),
            annex,
            facts,
            SectionMerge.Availability(repositories),
            [.. Uses.ByKey(All(r => r.LockIn), l => (l.Gateway, l.Surface)).Select(PartyMerge.LockIn)],
            [.. All(r => r.Advisories).Select(u => u.Row with { Observation = $"{u.Repository}: {u.Row.Observation}" })],
            [.. repositories.SelectMany(StacksOf)],
            Organisation: new OrganisationSection(
                [.. repositories.Select(RepositoryRowOf)],
                [.. subprocessors.Select(s => PartyRowOf(s, repositories))]),
            Locations: Locations(repositories));
    }

    /// <summary>
    /// Every location once, as in a scan: a party's locations in all repositories under its id (paths already carry the
    /// repository). Absent when the results are of schema version 1, which has none.
    /// </summary>
    private static SortedDictionary<string, IReadOnlyList<EvidenceRow>>? Locations(IReadOnlyList<RepositoryResult> repositories) =>
        repositories.Any(r => r.Report.Locations is null) ? null : new(repositories.SelectMany(r => r.Report.Locations ?? new Dictionary<string, IReadOnlyList<EvidenceRow>>())
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceRow>)Uses.Evidence(g.SelectMany(p => p.Value)), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>A repository's stacks as the merged report lists them: its own stacks, or the repository as one stack.</summary>
    private static IEnumerable<StackRow> StacksOf(RepositoryResult repository)
    {
        var report = repository.Report;
        return report.Stacks is { } stacks
            ? stacks.Select(s => s with { Id = $"{repository.Name}/{s.Id}", Name = $"{repository.Name}: {s.Name}" })
            :
            [
                new StackRow(repository.Name, repository.Name,
                    [.. report.Inputs.Where(i => i.Skipped is null).Select(i => new StackFileRow(i.File, $"read by the scan of {repository.Name} ({i.Reader})"))],
                    report.Subprocessors, report.Findings, report.ZdrGaps, report.OpenQuestions, report.Summary),
            ];
    }

    private static RepositoryRow RepositoryRowOf(RepositoryResult repository) => new(
        repository.Name,
        repository.File,
        repository.Report.Tool.Version,
        [.. repository.Report.Stacks?.Select(s => s.Name) ?? []],
        repository.Report.Summary.Subprocessors,
        repository.Report.Summary.Findings,
        repository.Report.Summary.SuppressedFindings);

    private static OrganisationPartyRow PartyRowOf(SubProcessorRow party, IReadOnlyList<RepositoryResult> repositories)
    {
        var uses = repositories
            .Select(r => (Repository: r, Row: r.Report.Subprocessors.FirstOrDefault(s => s.Id == party.Id)))
            .Where(u => u.Row is not null)
            .Select(u => new PartyUseRow(
                u.Repository.Name,
                [.. u.Repository.Report.Stacks?.Where(st => st.Subprocessors.Any(s => s.Id == party.Id)).Select(st => st.Name) ?? []],
                u.Row!.Hosting,
                u.Row.DataCategories,
                u.Row.Region,
                u.Row.Zdr))
            .ToList();
        return new OrganisationPartyRow(
            party.Id,
            party.Name,
            party.Role,
            party.Hosting,
            party.DataCategories,
            [.. uses.Select(u => u.Region).Distinct(StringComparer.Ordinal)],
            party.Zdr,
            [.. uses.Where(u => u.Zdr == party.Zdr).Select(u => u.Repository)],
            uses);
    }
}
