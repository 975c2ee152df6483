using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>The report lists findings by file, line, rule and subject, each finding once, ties in the order found.</summary>
public sealed class FindingOrderTests
{
    private static Finding At(string file, int line, string rule, string? subject = null, string message = "m") => new()
    {
        RuleId = rule,
        Severity = Severity.Medium,
        Title = rule,
        Message = message,
        Remediation = "r",
        Location = new SourceLocation(file, line),
        Subject = subject,
    };

    private static string Shown(Finding f) => $"{f.Location}/{f.RuleId}/{f.Subject}/{f.Message}";

    [Theory]
    [InlineData(3)]
    [InlineData(40)] // past the small-list sort
    public void Findings_sort_by_file_line_rule_and_subject_keeping_ties_in_the_order_found(int copies)
    {
        var findings = new List<Finding>();
        for (var i = 0; i < copies; i++)
        {
            findings.AddRange([At("b.yaml", 2, "r1", "x", $"second {i}"), At("a.yaml", 9, "r2"), At("a.yaml", 10, "r1"), At("b.yaml", 2, "r1", "x", $"first {i}")]);
        }

        findings.Add(At("a.yaml", 9, "r1", null));
        var sorted = FindingOrder.Sorted([.. findings]);

        var expected = findings.OrderBy(f => f.Location!.File, StringComparer.Ordinal).ThenBy(f => f.Location!.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal).Select(Shown);
        Assert.Equal(expected, sorted.Select(Shown));
        Assert.Equal("a.yaml:9/r1//m", Shown(sorted[0]));
        Assert.Equal("b.yaml:2/r1/x/second 0", Shown(sorted[2 * copies + 1]));
    }

    [Fact]
    public void A_finding_repeated_by_two_stacks_is_listed_once_and_one_differing_only_in_its_message_stays()
    {
        var first = At("shared.yaml", 4, "r1", "provider:p", "from the first stack");
        var findings = new[] { first, At("shared.yaml", 4, "r1", "provider:p", "from the first stack"), At("shared.yaml", 4, "r1", "provider:p", "other words") };

        var distinct = FindingOrder.Distinct(findings).ToList();

        Assert.Equal(2, distinct.Count);
        Assert.Same(first, distinct[0]);
        Assert.Equal("other words", distinct[1].Message);
    }
}
