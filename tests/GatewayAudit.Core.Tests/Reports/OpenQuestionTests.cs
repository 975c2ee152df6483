using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// The open questions name what no config can show. A provider's retention agreement (ZDR or otherwise) is one:
/// the report used to mention it only inside the ZDR-gaps table, so the reviewer's question list for Anthropic and
/// OpenAI asked about the DPA and nothing else.
/// </summary>
public sealed class OpenQuestionTests
{
    private static Report Build(string config)
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", config);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 25) });
        Assert.True(audit.Complete);
        return ReportBuilder.Build(audit);
    }

    private static bool AsksAboutRetentionAgreement(OpenQuestionRow q) => q.Question.Contains("retention agreement", StringComparison.Ordinal);

    [Fact]
    public void A_provider_offering_zdr_gets_a_question_about_this_accounts_retention_agreement()
    {
        var report = Build("""
            model_list:
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
            """);
        var question = Assert.Single(report.OpenQuestions, AsksAboutRetentionAgreement);
        Assert.Equal("Anthropic", question.Subject);
        Assert.Equal(3, question.Line);
    }

    [Fact]
    public void OpenRouter_keeps_its_own_account_wide_question_and_no_duplicate()
    {
        var report = Build("""
            model_list:
              - model_name: llama
                litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct, api_key: os.environ/OPENROUTER_API_KEY}
            """);
        Assert.DoesNotContain(report.OpenQuestions, q => q.Subject == "OpenRouter" && AsksAboutRetentionAgreement(q));
        Assert.Contains(report.OpenQuestions, q => q.Subject == "OpenRouter" && q.Question.Contains("account-wide", StringComparison.Ordinal));
    }

    [Fact]
    public void Self_hosted_inference_gets_no_retention_agreement_question()
    {
        var report = Build("""
            model_list:
              - model_name: local
                litellm_params: {model: hosted_vllm/meta-llama/Llama-3.1-8B-Instruct, api_base: http://vllm.internal:8000/v1}
            """);
        Assert.DoesNotContain(report.OpenQuestions, AsksAboutRetentionAgreement);
    }
}
