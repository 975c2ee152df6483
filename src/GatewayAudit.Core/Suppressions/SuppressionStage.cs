using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Suppressions;

/// <summary>
/// Applies inline suppressions and the baseline to findings. A suppressed finding stays in the results with its
/// <see cref="Suppression"/>; an expired one is kept active, marked expired, and reported as a warning.
/// </summary>
public static class SuppressionStage
{
    public const string InlineKind = "inline";
    public const string BaselineKind = "baseline";

    public static List<Finding> Apply(IReadOnlyList<Finding> findings, IEnumerable<InputFile> files, Baseline? baseline, DateOnly today, List<Diagnostic> diagnostics)
    {
        var inline = files.SelectMany(f => f.Suppressions(diagnostics)).ToList();
        if (inline.Count == 0 && baseline is null)
        {
            // Nothing to apply, nothing unused or stale to report: most stacks of a monorepo.
            return [.. findings];
        }

        var usedInline = new HashSet<InlineSuppression>(ReferenceEqualityComparer.Instance);
        var usedBaseline = new HashSet<BaselineEntry>(ReferenceEqualityComparer.Instance);
        var expiredReported = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var candidates = new List<(Suppression Suppression, object Source)>();
            foreach (var s in inline.Where(s => finding.Location is { } at && at.File == s.Comment.File && at.Line == s.TargetLine && s.RuleIds.Contains(finding.RuleId)))
            {
                usedInline.Add(s);
                candidates.Add((new Suppression(InlineKind, s.Reason, s.Until, s.Comment, s.Until < today), s));
            }

            if (baseline?.Match(finding) is { } entry)
            {
                usedBaseline.Add(entry);
                candidates.Add((new Suppression(BaselineKind, entry.Reason, entry.Until, entry.Location, entry.Until < today), entry));
            }

            foreach (var (suppression, source) in candidates.Where(c => c.Suppression.Expired))
            {
                if (expiredReported.Add(source))
                {
                    diagnostics.Add(Diagnostic.Warning("suppression-expired",
                        $"suppression of {finding.RuleId} expired on {suppression.Until:yyyy-MM-dd}; the finding is active again (renew it with a new date or fix the finding)",
                        suppression.Location!));
                }
            }

            var chosen = candidates.Select(c => c.Suppression).OrderBy(s => s.Expired).FirstOrDefault();
            result.Add(chosen is null ? finding : finding with { Suppression = chosen });
        }

        foreach (var s in inline.Where(s => !usedInline.Contains(s)))
        {
            diagnostics.Add(Diagnostic.Warning("suppression-unused",
                $"nothing on line {s.TargetLine} matches {string.Join(", ", s.RuleIds)}; remove the comment or point it at the finding's line", s.Comment));
        }

        foreach (var entry in baseline?.Entries.Where(e => !usedBaseline.Contains(e)) ?? [])
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, "baseline-stale",
                $"baseline entry {entry.RuleId} ({entry.Fingerprint}) matches no finding any more; it can be removed", entry.Location));
        }

        return result;
    }
}
