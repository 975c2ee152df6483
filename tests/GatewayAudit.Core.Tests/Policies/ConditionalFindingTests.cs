using System.Text.Json;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Suppressions;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// A finding about a party the code shows only as possible reads as a condition, not a fact, in every output: a
/// pydantic-ai agent module that keeps a table of model names (Gemini named only as data), a worker that imports the
/// Mistral SDK it no longer uses, beside a called Anthropic client and an OpenAI client built but not yet called.
/// </summary>
public sealed class ConditionalFindingTests
{
    private const string Models = """
        from pydantic_ai import Agent

        MODELS = {
            "fast": "google-gla:gemini-2.5-flash",
        }

        """;

    private const string Worker = """
        import anthropic
        from mistralai import Mistral
        from openai import OpenAI

        drafts = OpenAI()


        def summarise(text: str) -> str:
            client = anthropic.Anthropic()
            reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=200, messages=[{"role": "user", "content": text}])
            return reply.content[0].text

        """;

    private static AuditResult Audit()
    {
        using var folder = new TemporaryFolder();
        folder.Write("app/models.py", Models);
        folder.Write("app/worker.py", Worker);
        return Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 12, 1) });
    }

    [Fact]
    public void A_presumed_party_gets_a_conditional_finding_one_level_below_the_rule()
    {
        var audit = Audit();
        var finding = Assert.Single(audit.Findings, f => f.RuleId == "provider-without-zdr" && f.Subject == "provider:google-gemini-api");
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(Severity.High, finding.Condition!.RuleSeverity);
        Assert.Equal("presumed", finding.Condition.Basis.Confidence);
        Assert.StartsWith("If Google Gemini API receives prompts (it is only named as data at app/models.py:4,", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("First confirm whether Google Gemini API is used at all", finding.Remediation, StringComparison.Ordinal);
        Assert.Equal(("app/models.py", 4), (finding.Location!.File, finding.Location.Line));
    }

    [Fact]
    public void An_import_only_party_gets_a_conditional_finding()
    {
        var finding = Assert.Single(Audit().Findings, f => f.RuleId == "zdr-not-confirmed" && f.Subject == "provider:mistral");
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal("import-only", finding.Condition!.Basis.Confidence);
        Assert.StartsWith("If Mistral AI receives prompts (it is only imported at app/worker.py:2, with no client or call of it shown): Mistral AI offers", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("provider:anthropic")] // confidence: call
    [InlineData("provider:openai")] // confidence: client
    public void A_called_or_client_party_is_stated_as_a_fact(string id)
    {
        var finding = Assert.Single(Audit().Findings, f => f.RuleId == "zdr-not-confirmed" && f.Subject == id);
        Assert.Null(finding.Condition);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.DoesNotContain("If ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_sarif_markdown_and_the_annex_each_say_it_is_conditional()
    {
        var audit = Audit();
        var report = ReportBuilder.Build(audit);

        var json = JsonDocument.Parse(new JsonRenderer().Render(report)).RootElement;
        var gemini = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("subject").GetString() == "provider:google-gemini-api");
        Assert.Equal("high", gemini.GetProperty("conditional").GetProperty("ruleSeverity").GetString());
        Assert.Equal("presumed", gemini.GetProperty("conditional").GetProperty("confidence").GetString());
        var anthropic = json.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("subject").GetString() == "provider:anthropic");
        Assert.False(anthropic.TryGetProperty("conditional", out _)); // additive: absent where the party is shown

        var sarif = JsonDocument.Parse(new SarifRenderer(audit.Rules).Render(report)).RootElement.GetProperty("runs")[0].GetProperty("results");
        var result = sarif.EnumerateArray().Single(r => r.GetProperty("properties").GetProperty("subject").GetString() == "provider:google-gemini-api");
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.True(result.GetProperty("properties").GetProperty("conditional").GetBoolean());

        var markdown = new MarkdownRenderer(RepoPaths.Combine("templates", "report.md.liquid")).Render(report);
        Assert.Contains("| medium (conditional; rule: high) | `provider-without-zdr` |", markdown, StringComparison.Ordinal);
        Assert.Contains("Google Gemini API (Google AI Studio) (**possible**) |", markdown, StringComparison.Ordinal);

        var row = Assert.Single(report.Annex.Subprocessors, r => r.Id == "provider:mistral");
        Assert.StartsWith("Possible sub-processor, if it is used (it is only imported at app/worker.py:2", row.Purpose, StringComparison.Ordinal);
        Assert.Null(Assert.Single(report.Annex.Subprocessors, r => r.Id == "provider:anthropic").Possible);
        Assert.StartsWith("Possible party, if it is used", Assert.Single(report.ZdrGaps, g => g.Subprocessor == "provider:mistral").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_baseline_fingerprint_of_a_finding_is_its_subject_whether_conditional_or_not()
    {
        var audit = Audit();
        Assert.Equal("provider:google-gemini-api", Baseline.FingerprintOf(audit.Findings.Single(f => f.RuleId == "provider-without-zdr")));
        Assert.Equal("provider:anthropic", Baseline.FingerprintOf(audit.Findings.Single(f => f.RuleId == "zdr-not-confirmed" && f.Subject == "provider:anthropic")));
    }

    [Fact]
    public void A_rule_that_tests_possible_keeps_its_own_severity_and_can_select_only_shown_parties()
    {
        var model = new StackModel();
        model.Add(new Component { Id = "app:code", Name = "Application code", Role = ComponentRole.App, Hosting = Hosting.OperatorHosted });
        var at = new SourceLocation("worker.py", 2);
        foreach (var (id, confidence) in new[] { ("provider:mistral", "import-only"), ("provider:anthropic", "call") })
        {
            model.Add(new Component { Id = id, Name = id, Role = ComponentRole.ModelProvider, Hosting = Hosting.ThirdParty, Evidence = { at } });
            model.Connect("app:code", id, [DataCategory.Prompt], at).Attributes.Set("confidence", confidence);
        }

        var context = new PolicyContext(model, VendorCatalog.Empty, PolicySettings.Default);
        PolicyRule Rule(bool possible) => new()
        {
            Id = "imported-sdk",
            Title = "t",
            Severity = Severity.Medium,
            Message = "m",
            Remediation = "r",
            Selector = new RuleSelector(SubjectKind.Component, new ComponentFilter(Roles: [ComponentRole.ModelProvider]), [], null, null),
            When = new FactCondition(at, "possible", [("equals", Operand.Of(possible))]),
            Origin = at,
        };

        var possibleOnly = Assert.Single(RuleEngine.Evaluate(Rule(possible: true), context));
        Assert.Equal("provider:mistral", possibleOnly.Subject);
        Assert.Equal(Severity.Medium, possibleOnly.Severity); // the author judged certainty: no lowering
        Assert.NotNull(possibleOnly.Condition);
        Assert.Equal("provider:anthropic", Assert.Single(RuleEngine.Evaluate(Rule(possible: false), context)).Subject);
    }
}
