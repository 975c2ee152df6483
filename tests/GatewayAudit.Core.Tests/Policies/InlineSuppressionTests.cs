using GatewayAudit.Core.Model;
using GatewayAudit.Core.Suppressions;

namespace GatewayAudit.Core.Tests.Policies;

public sealed class InlineSuppressionTests
{
    private static (List<InlineSuppression> Found, List<Diagnostic> Diagnostics) Parse(string text)
    {
        var diagnostics = new List<Diagnostic>();
        return (InlineSuppression.Parse("f.yaml", text, diagnostics), diagnostics);
    }

    [Theory]
    [InlineData("a: 1  # gateway-audit:ignore x-rule reason=\"why\"", 1)]
    [InlineData("# gateway-audit:ignore x-rule reason=\"why\"\na: 1", 2)]
    [InlineData("# gateway-audit:ignore x-rule reason=\"why\"\n\n# another comment\n  a: 1", 4)]
    [InlineData("a: 1 #gateway-audit:ignore x-rule reason='single quotes'", 1)]
    public void Target_line_is_own_line_or_next_content_line(string text, int target)
    {
        var (found, diagnostics) = Parse(text);
        Assert.Empty(diagnostics);
        Assert.Equal(target, Assert.Single(found).TargetLine);
    }

    [Fact]
    public void Several_rules_reason_and_until_are_read()
    {
        var (found, _) = Parse("a: 1  # gateway-audit:ignore one-rule, two-rule reason=\"both accepted\" until=2027-02-28\n");
        var suppression = Assert.Single(found);
        Assert.Equal(["one-rule", "two-rule"], suppression.RuleIds);
        Assert.Equal("both accepted", suppression.Reason);
        Assert.Equal(new DateOnly(2027, 2, 28), suppression.Until);
        Assert.Equal(new SourceLocation("f.yaml", 1, 7), suppression.Comment);
    }

    [Theory]
    [InlineData("a: 1 # gateway-audit:ignore x-rule", "suppression-no-reason")]
    [InlineData("a: 1 # gateway-audit:ignore x-rule reason=\"  \"", "suppression-no-reason")]
    [InlineData("a: 1 # gateway-audit:ignore x-rule reason=\"r\" until=2027-13-01", "suppression-invalid")]
    [InlineData("a: 1 # gateway-audit:ignore reason=\"r\"", "suppression-invalid")]
    [InlineData("a: 1 # gateway-audit:ignore", "suppression-invalid")]
    public void Malformed_suppressions_are_errors_at_their_line(string text, string code)
    {
        var (found, diagnostics) = Parse("first: line\n" + text);
        Assert.Empty(found);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, code, 2), (error.Severity, error.Code, error.Location.Line));
    }

    [Fact]
    public void The_marker_inside_a_value_is_not_a_suppression()
    {
        var (found, diagnostics) = Parse("note: \"gateway-audit:ignore x-rule reason=r\"\n");
        Assert.Empty(found);
        Assert.Empty(diagnostics);
    }
}

/// <summary>The scan drops each file's text once its readers are done; its suppression comments must outlive it.</summary>
public sealed class ReleasedTextSuppressionTests
{
    [Fact]
    public void Suppression_comments_and_their_problems_outlive_the_released_text()
    {
        var file = new GatewayAudit.Core.Readers.InputFile("svc/config.yaml", "/repo/svc/config.yaml",
            "model_list: []  # gateway-audit:ignore x-rule reason=\"accepted\"\nb: 2  # gateway-audit:ignore y-rule\n", namedExplicitly: false);

        file.ReleaseText();

        Assert.Throws<InvalidOperationException>(() => file.Text);
        var first = new List<Diagnostic>();
        var found = file.Suppressions(first);
        Assert.Equal(1, Assert.Single(found).TargetLine);
        Assert.Equal("suppression-no-reason", Assert.Single(first).Code);

        // A file in two stacks reports its malformed comment for each, as when the text was parsed per stack.
        var second = new List<Diagnostic>();
        Assert.Same(found, file.Suppressions(second));
        Assert.Equal(new SourceLocation("svc/config.yaml", 2, 7), Assert.Single(second).Location);
    }
}
