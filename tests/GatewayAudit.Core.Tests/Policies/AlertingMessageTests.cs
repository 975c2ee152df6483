using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// alerting-receives-content says what the target is actually sent: the configured alert_types, or every type when
/// alert_types is absent. It used to append "not set means all types" even when alert_types was set, which read as
/// if the setting were missing.
/// </summary>
public sealed class AlertingMessageTests
{
    private const string Head = """
        model_list:
          - model_name: gpt
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}

        """;

    private static AuditResult Audit(string config)
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", Head + config);
        return Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 25) });
    }

    private static string MessageFor(string config) =>
        Assert.Single(Audit(config).Findings, f => f.RuleId == "alerting-receives-content").Message;

    private static string QuestionFor(string config) =>
        Assert.Single(Audit(config).Model.OpenQuestions, q => q.Subject == "Slack").Question;

    [Fact]
    public void Open_question_does_not_ask_which_alert_types_when_the_config_says()
    {
        var question = QuestionFor("general_settings:\n  alerting: [slack]\n  alert_types: [llm_exceptions, budget_alerts]\n");
        Assert.Equal("Can the alerts sent (budget_alerts, llm_exceptions) carry request content (error messages, model responses)? The config does not show what an alert contains.", question);
    }

    [Fact]
    public void Open_question_asks_which_alert_types_when_alert_types_is_absent()
    {
        var question = QuestionFor("general_settings:\n  alerting: [slack]\n");
        Assert.StartsWith("Which alert types are enabled, and can alert text carry request content", question, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_types_set_are_quoted_and_not_called_unset()
    {
        var message = MessageFor("general_settings:\n  alerting: [slack]\n  alert_types: [llm_exceptions, budget_alerts]\n");
        Assert.Equal("Slack receives proxy alerts (alert_types: budget_alerts, llm_exceptions), which can carry request content.", message);
    }

    [Fact]
    public void Alert_types_absent_means_every_type_and_says_so()
    {
        var message = MessageFor("general_settings:\n  alerting: [slack]\n");
        Assert.Equal("Slack receives proxy alerts (every alert type, since alert_types is not set), which can carry request content.", message);
    }

    [Fact]
    public void Alerting_named_as_a_callback_gets_the_same_wording()
    {
        var message = MessageFor("litellm_settings:\n  callbacks: [slack]\n");
        Assert.DoesNotContain("(not set)", message, StringComparison.Ordinal);
        Assert.Contains("(every alert type, since alert_types is not set)", message, StringComparison.Ordinal);
    }
}
