using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// The order of findings in a stack and in the report: by file, line, rule id and subject (ordinal), findings equal in
/// all four keeping the order they came in. One comparer instead of four key selectors: the sort of each of 10,000
/// stacks' findings built four key arrays (bench/SCALE.md round 13).
/// </summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        var byFile = StringComparer.Ordinal.Compare(x!.Location?.File ?? "", y!.Location?.File ?? "");
        if (byFile != 0)
        {
            return byFile;
        }

        var byLine = (x.Location?.Line ?? 0).CompareTo(y.Location?.Line ?? 0);
        if (byLine != 0)
        {
            return byLine;
        }

        var byRule = StringComparer.Ordinal.Compare(x.RuleId, y.RuleId);
        return byRule != 0 ? byRule : StringComparer.Ordinal.Compare(x.Subject, y.Subject);
    }

    /// <summary>The findings in this order; a sort that keeps equal findings in their order (as OrderBy does).</summary>
    public static List<Finding> Sorted(List<Finding> findings)
    {
        // A stack has a handful of findings: an insertion sort, stable and in place, is all they need.
        if (findings.Count <= 16)
        {
            for (var i = 1; i < findings.Count; i++)
            {
                var item = findings[i];
                var at = i - 1;
                while (at >= 0 && Instance.Compare(findings[at], item) > 0)
                {
                    findings[at + 1] = findings[at];
                    at--;
                }

                findings[at + 1] = item;
            }

            return findings;
        }

        // The roll-up's findings are each stack's, already in order, one stack after another: when no stack's come
        // before the one's before it, the whole is in order too, and a stable sort would leave it as it is.
        for (var i = 1; i < findings.Count; i++)
        {
            if (Instance.Compare(findings[i - 1], findings[i]) > 0)
            {
                return findings.Order(Instance).ToList();
            }
        }

        return findings;
    }

    /// <summary>
    /// Findings that are the same finding (rule, location, subject and message all equal) once each, the first kept,
    /// as a stack's findings repeat in the roll-up when two stacks share a file.
    /// </summary>
    public static IEnumerable<Finding> Distinct(IEnumerable<Finding> findings) => Enumerable.Distinct(findings, SameFinding.Instance);

    // Equal when the four are; the hash leaves out the message, the longest of them, which the others nearly always settle.
    private sealed class SameFinding : IEqualityComparer<Finding>
    {
        public static SameFinding Instance { get; } = new();

        public bool Equals(Finding? x, Finding? y) =>
            string.Equals(x!.RuleId, y!.RuleId, StringComparison.Ordinal) && EqualityComparer<SourceLocation>.Default.Equals(x.Location, y.Location)
            && string.Equals(x.Subject, y.Subject, StringComparison.Ordinal) && string.Equals(x.Message, y.Message, StringComparison.Ordinal);

        public int GetHashCode(Finding finding) => HashCode.Combine(finding.RuleId, finding.Location, finding.Subject);
    }
}
