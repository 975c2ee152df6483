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

        return findings.Order(Instance).ToList();
    }
}
