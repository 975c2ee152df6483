using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// A callback named only in failure_callback (Sentry, typically) gets failed requests: the prompt, metadata and the
/// error. Findings about it say what it receives and no longer claim it gets completions ("prompt and response text").
/// </summary>
public sealed class FailureCallbackFindingTests
{
    [Fact]
    public void Findings_about_a_failure_only_callback_name_what_it_receives_and_no_completions()
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", """
            model_list:
              - model_name: gpt
                litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
            litellm_settings:
              success_callback: [langfuse]
              failure_callback: [langfuse, sentry]
            """);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 25) });
        var messages = audit.Findings.Where(f => f.RuleId == "callback-logs-prompts").Select(f => f.Message).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "Langfuse (failure_callback, success_callback) receives prompt, completion, metadata, usage with message logging on, so prompt text is logged there.",
            "Sentry (failure_callback) receives prompt, metadata with message logging on, so prompt text is logged there.",
        ], messages);
        Assert.DoesNotContain(audit.Findings, f => f.Message.StartsWith("Sentry", StringComparison.Ordinal) && f.Message.Contains("completion", StringComparison.Ordinal));
    }
}
