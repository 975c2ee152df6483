using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Organisation;

/// <summary>
/// The retention surfaces, ZDR gaps and availability of an organisation, rolled up as the inventory is: one row per
/// party (per party and retention, per dependency and figure) naming the repositories it holds for, not one row per
/// repository. Each merged row carries every repository in <c>repositories</c> (the Markdown shows the first five and a
/// count), its evidence capped at <see cref="EvidenceRows.Cap"/> with the total in <c>evidenceCount</c>, and texts the
/// repositories disagree on keep each value with where it comes from.
/// </summary>
internal static class SectionMerge
{
    /// <summary>
    /// One row per party, data kept and retention: a reviewer acts on "Postgres keeps spend logs without a bound in these
    /// repositories", so repositories that keep the same data for as long are one row, and a different retention (or
    /// different data: Langfuse with message logging off keeps no prompts) of the same party is a row of its own.
    /// </summary>
    public static List<RetentionSurfaceRow> RetentionSurfaces(IEnumerable<Use<RetentionSurfaceRow>> uses, Func<string, int> order) =>
    [
        .. Uses.ByKey(uses, r => (r.Subprocessor, r.Retention, string.Join(",", r.Keeps))).Select(group => group[0].Row with
            {
                Surface = Uses.Agreed(group, r => r.Surface),
                Basis = FromEach(group, r => r.Basis),
                Evidence = FirstEvidence(group, r => r.Evidence),
                EvidenceCount = group.Sum(u => Math.Max(u.Row.EvidenceCount, u.Row.Evidence.Count)),
                Repositories = Repositories(group),
            })
            .OrderBy(r => order(r.Subprocessor)),
    ];

    /// <summary>
    /// One row per party: its weakest ZDR among the repositories where it is a gap, and each distinct reason with the
    /// repositories it holds for (weakest first).
    /// </summary>
    public static List<ZdrGapRow> ZdrGaps(IEnumerable<Use<ZdrGapRow>> uses, Func<string, int> order) =>
    [
        .. Uses.ByKey(uses, g => g.Subprocessor).Select(group =>
            {
                var zdr = Uses.WeakestZdr(group.Select(u => u.Row.Zdr));
                var reasons = group.GroupBy(u => u.Row.Zdr, StringComparer.Ordinal).OrderBy(g => Uses.ZdrRank(g.Key))
                    .Select(g => (Zdr: g.Key, Detail: FromEach([.. g], r => r.Detail), Repositories: g.Select(u => u.Repository).Distinct().ToList()))
                    .ToList();
                return group[0].Row with
                {
                    Name = Uses.Agreed(group, r => r.Name),
                    Zdr = zdr,
                    Detail = reasons.Count == 1
                        ? reasons[0].Detail
                        : string.Join("; ", reasons.Select(r => $"{r.Zdr} in {PartyRollUp.FirstNames(r.Repositories)}: {r.Detail}")),
                    Evidence = FirstEvidence(group, g => g.Evidence),
                    EvidenceCount = group.Sum(u => Math.Max(u.Row.EvidenceCount, u.Row.Evidence.Count)),
                    Repositories = Repositories(group),
                };
            })
            .OrderBy(g => order(g.Subprocessor)),
    ];

    /// <summary>
    /// Request paths of different repositories are independent, so no figure is multiplied across them. What a reader
    /// can act on is per dependency: which repositories need it, for which requests, and the figure its vendor
    /// publishes (ask for an SLA, add a fallback where one party is on every request of many repositories). A range of
    /// composites would mostly be empty, since an operator-run proxy never has a published figure; instead each
    /// distinct composite statement (which names the dependencies without a figure) is one note with its repositories,
    /// and the lowest and highest computed composite are named where there are any.
    /// </summary>
    public static AvailabilitySection Availability(IReadOnlyList<RepositoryResult> repositories)
    {
        var dependencies = Uses.ByKey(
                repositories.SelectMany(r => r.Report.Availability.Dependencies.Select(d => new Use<DependencyRow>(r.Name, d))),
                d => (d.Id, d.Figure))
            .Select(group => group[0].Row with
            {
                Name = Uses.Agreed(group, d => d.Name),
                Scope = Uses.Agreed(group, d => d.Scope),
                Source = Uses.AgreedOrNull(group, d => d.Source),
                Evidence = FirstEvidence(group, d => d.Evidence),
                Repositories = Repositories(group),
            })
            .ToList();

        var composites = repositories.Select(r => new Use<AvailabilitySection>(r.Name, r.Report.Availability)).ToList();
        var notes = Uses.ByKey(composites, a => a.Composite)
            .Select(g => $"{PartyRollUp.FirstNames(g.Select(u => u.Repository))}: composite {g[0].Row.Composite}")
            .ToList();
        var computed = composites.Where(c => c.Row.CompositePercent is not null).OrderBy(c => c.Row.CompositePercent).ToList();
        if (computed.Count > 1)
        {
            notes.Add(FormattableString.Invariant(
                $"computed composites range from {computed[0].Row.CompositePercent:0.###}% in {computed[0].Repository} to {computed[^1].Row.CompositePercent:0.###}% in {computed[^1].Repository}"));
        }

        notes.AddRange(composites.SelectMany(c => c.Row.Notes.Select(n => (Note: n, c.Repository)))
            .GroupBy(n => n.Note, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({PartyRollUp.FirstNames(g.Select(n => n.Repository).Distinct())})"));
        return new AvailabilitySection(
            dependencies,
            "not combined across repositories: each repository's request path is its own (its composite is in the notes, with the repositories that share it)",
            null,
            notes);
    }

    /// <summary>
    /// A text the repositories agree on as it is; the same kind of config location from several repositories as "in
    /// each repository's config" (the evidence says where); anything else each value with its repositories.
    /// </summary>
    private static string FromEach<T>(List<Use<T>> uses, Func<T, string> text)
    {
        var values = uses.Select(u => text(u.Row)).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count > 1 && values.Select(ReportBuilder.ConfigLocated).Select(c => c?.Stem).Distinct().ToList() is [{ } stem])
        {
            return $"{stem} of each repository (the evidence shows where)";
        }

        return Uses.Agreed(uses, text);
    }

    private static List<EvidenceRow> FirstEvidence<T>(List<Use<T>> uses, Func<T, IReadOnlyList<EvidenceRow>> evidence) =>
        Uses.FirstEvidence(uses.SelectMany(u => evidence(u.Row)));

    private static List<string> Repositories<T>(List<Use<T>> uses) => [.. uses.Select(u => u.Repository).Distinct(StringComparer.Ordinal)];
}
