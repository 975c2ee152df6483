using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Tests.Policies;

public sealed class RuleEngineTests
{
    private static readonly SourceLocation At = new("config.yaml", 1);

    private static StackModel Stack()
    {
        var model = new StackModel();
        model.Add(new Component { Id = "app:clients", Name = "Clients", Role = ComponentRole.App, Hosting = Hosting.OperatorHosted });
        var gateway = model.Add(new Component { Id = "gateway:g", Name = "Gateway", Role = ComponentRole.Gateway, Hosting = Hosting.OperatorHosted, Evidence = { new SourceLocation("config.yaml", 3) } });
        gateway.Attributes.Set("replicas", 3L);
        gateway.Attributes.Set("fallbacks", new[] { "a -> b" });
        var exporter = model.Add(new Component { Id = "exporter:x", Name = "Exporter X", Role = ComponentRole.Exporter, Hosting = Hosting.Unknown, Evidence = { new SourceLocation("config.yaml", 9) } });
        exporter.Attributes.Set("ttlSeconds", 7200.0);
        model.Add(new Component { Id = "provider:p", Name = "Provider P", Role = ComponentRole.ModelProvider, Vendor = "p", Hosting = Hosting.ThirdParty, Evidence = { new SourceLocation("config.yaml", 5) } });
        model.Connect("app:clients", "gateway:g", [DataCategory.Prompt], At);
        model.Connect("gateway:g", "provider:p", [DataCategory.Prompt, DataCategory.Completion], At);
        model.Connect("gateway:g", "exporter:x", [DataCategory.Metadata], At).Attributes.Set("messageLogging", false);
        return model;
    }

    private static PolicyContext Context(StackModel? model = null, PolicySettings? settings = null) =>
        new(model ?? Stack(), VendorCatalog.Empty, settings ?? PolicySettings.Default);

    private static PolicyRule Rule(RuleSelector selector, RuleCondition? when, string message = "{{component.name}}") => new()
    {
        Id = "test-rule",
        Title = "Test",
        Severity = Severity.Medium,
        Message = message,
        Remediation = "fix",
        Selector = selector,
        When = when,
        Origin = At,
    };

    private static RuleSelector Components(ComponentFilter? filter = null) => new(SubjectKind.Component, filter ?? ComponentFilter.Any, [], null, null);

    private static FactCondition Fact(string path, string op, object? value) => new(At, path, [(op, Operand.Of(value))]);

    [Theory]
    [InlineData("equals", 3.0, true)]
    [InlineData("equals", 4.0, false)]
    [InlineData("greaterThan", 2.0, true)]
    [InlineData("greaterThan", 3.0, false)]
    [InlineData("atLeast", 3.0, true)]
    [InlineData("lessThan", 3.0, false)]
    [InlineData("atMost", 3.0, true)]
    [InlineData("notEquals", 3.0, false)]
    public void Numeric_operators_compare_long_attributes_as_numbers(string op, double operand, bool expected)
    {
        var findings = RuleEngine.Evaluate(Rule(Components(new ComponentFilter(Ids: ["gateway:g"])), Fact("attributes.replicas", op, operand)), Context()).ToList();
        Assert.Equal(expected, findings.Count == 1);
    }

    [Fact]
    public void Missing_facts_fail_every_operator_but_the_negations_and_exists_false()
    {
        Assert.False(RuleEngine.Test(null, "equals", "x"));
        Assert.False(RuleEngine.Test(null, "in", new[] { "x" }));
        Assert.False(RuleEngine.Test(null, "greaterThan", 1.0));
        Assert.False(RuleEngine.Test(null, "matches", "."));
        Assert.True(RuleEngine.Test(null, "notEquals", "x"));
        Assert.True(RuleEngine.Test(null, "notIn", new[] { "x" }));
        Assert.True(RuleEngine.Test(null, "exists", false));
        Assert.False(RuleEngine.Test(null, "exists", true));
    }

    [Fact]
    public void In_on_a_list_fact_needs_every_element_allowed_and_supports_globs()
    {
        Assert.True(RuleEngine.Test(new[] { "eu-west-1", "eu-central-1" }, "in", new[] { "eu-*" }));
        Assert.False(RuleEngine.Test(new[] { "eu-west-1", "us-east-1" }, "in", new[] { "eu-*" }));
        Assert.True(RuleEngine.Test(new[] { "eu-west-1", "us-east-1" }, "notIn", new[] { "eu-*" }));
        Assert.True(RuleEngine.Test("Anthropic", "in", new[] { "anthropic" }));
        Assert.True(RuleEngine.Test(new[] { "a", "b" }, "contains", "b"));
        Assert.True(RuleEngine.Test(new[] { "a", "b" }, "containsAny", new[] { "c", "b" }));
        Assert.False(RuleEngine.Test(new[] { "a", "b" }, "containsAny", new[] { "c" }));
        Assert.True(RuleEngine.Test(new[] { "US", "eu-west-1" }, "containsAny", new[] { "eu-*" }));
        Assert.True(RuleEngine.Test("1.80.0-nightly", "matches", "nightly$"));
    }

    [Fact]
    public void Matches_finds_a_plain_pattern_anywhere_in_the_value_with_case_and_keeps_regex_patterns_regexes()
    {
        Assert.True(RuleEngine.Test("1.80.0-nightly-2", "matches", "nightly"));
        Assert.False(RuleEngine.Test("1.80.0-Nightly", "matches", "nightly"));
        Assert.True(RuleEngine.Test("anything", "matches", ""));
        Assert.True(RuleEngine.Test(new[] { "v1", "main-latest" }, "matches", "latest"));
        Assert.False(RuleEngine.Test(new[] { "v1", "v2" }, "matches", "latest"));
        Assert.True(RuleEngine.Test("abc", "matches", "a.c"));
        Assert.False(RuleEngine.Test("a.c", "matches", "^b"));
        Assert.True(RuleEngine.Test("1.80.0-Nightly", "matches", "(?i)nightly"));
    }

    [Fact]
    public void Messages_fill_the_placeholders_a_subject_has_and_keep_the_others_as_written()
    {
        var rule = Rule(Components(new ComponentFilter(Ids: ["gateway:g"])), null,
            "{{ component.name }} runs {{component.attributes.replicas}} replicas; {{component.nothing}} {{flow.key}} {{component.attributes.missing}} {x}");
        var finding = Assert.Single(RuleEngine.Evaluate(rule, Context()));
        Assert.Equal("Gateway runs 3 replicas; {{component.nothing}} {{flow.key}} (not set) {x}", finding.Message);
    }

    [Fact]
    public void Selector_filters_by_role_hosting_and_received_categories()
    {
        var rule = Rule(Components(new ComponentFilter(Hostings: [Hosting.ThirdParty], Receives: [DataCategory.Prompt])), null);
        var findings = RuleEngine.Evaluate(rule, Context()).ToList();
        Assert.Equal(["provider:p"], findings.Select(f => f.Subject));
        Assert.Equal(5, findings[0].Location!.Line);
    }

    [Fact]
    public void A_role_filter_selects_components_of_any_role_listed_and_only_those()
    {
        var rule = Rule(Components(new ComponentFilter(Roles: [ComponentRole.Exporter, ComponentRole.App])), null);
        Assert.Equal(["app:clients", "exporter:x"], RuleEngine.Evaluate(rule, Context()).Select(f => f.Subject));

        var flowsToGateway = new RuleSelector(SubjectKind.Flow, ComponentFilter.Any, [], new ComponentFilter(Roles: [ComponentRole.App], Hostings: [Hosting.OperatorHosted]), null);
        Assert.Equal(["app:clients->gateway:g"], RuleEngine.Evaluate(Rule(flowsToGateway, null, "x"), Context()).Select(f => f.Subject));
    }

    [Fact]
    public void A_setting_read_by_a_rule_follows_the_settings_of_each_evaluation()
    {
        // The same rule under settings that differ and back again: a setting's value is remembered per settings, never across them.
        var when = new FactCondition(At, "settings.maxCacheTtlSeconds", [("lessThan", Operand.Of(7200.0))]);
        var rule = Rule(Components(new ComponentFilter(Ids: ["exporter:x"])), when, "{{settings.maxCacheTtlSeconds}}");
        var low = PolicySettings.Default with { MaxCacheTtlSeconds = 60 };
        Assert.Equal("60", Assert.Single(RuleEngine.Evaluate(rule, Context(settings: low))).Message);
        Assert.Empty(RuleEngine.Evaluate(rule, Context()));
        Assert.Equal("60", Assert.Single(RuleEngine.Evaluate(rule, Context(settings: low))).Message);
    }

    [Fact]
    public void An_unknown_operator_is_an_error_on_a_value_and_false_on_a_missing_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleEngine.Test("a", "resembles", "a"));
        Assert.False(RuleEngine.Test(null, "resembles", "a"));
    }

    [Fact]
    public void Flow_rules_see_both_ends_and_point_at_the_flow_evidence()
    {
        var selector = new RuleSelector(SubjectKind.Flow, ComponentFilter.Any, [], null, new ComponentFilter(Roles: [ComponentRole.Exporter]));
        var rule = Rule(selector, Fact("attributes.messageLogging", "equals", false), "to {{flow.to.name}} from {{flow.from.id}}");
        var finding = Assert.Single(RuleEngine.Evaluate(rule, Context()));
        Assert.Equal("gateway:g->exporter:x", finding.Subject);
        Assert.Equal("to Exporter X from gateway:g", finding.Message);
    }

    [Fact]
    public void Reaches_follows_flows_carrying_the_category_transitively()
    {
        var reachesProvider = new ReachCondition(At, true, [DataCategory.Prompt], Fact("role", "equals", "model-provider"));
        var fromApp = Rule(Components(new ComponentFilter(Ids: ["app:clients"])), reachesProvider);
        Assert.Single(RuleEngine.Evaluate(fromApp, Context()));

        var reachesExporterWithPrompts = new ReachCondition(At, true, [DataCategory.Prompt], Fact("role", "equals", "exporter"));
        Assert.Empty(RuleEngine.Evaluate(Rule(Components(new ComponentFilter(Ids: ["app:clients"])), reachesExporterWithPrompts), Context()));

        var reachedFromApp = new ReachCondition(At, false, [DataCategory.Prompt], Fact("role", "equals", "app"));
        var reached = RuleEngine.Evaluate(Rule(Components(), reachedFromApp), Context()).Select(f => f.Subject).ToList();
        Assert.Equal(["gateway:g", "provider:p"], reached);
    }

    [Fact]
    public void FlowsOut_tests_the_flows_leaving_a_component()
    {
        var toExporter = new FlowCondition(At, false, Fact("to.role", "equals", "exporter"));
        var subjects = RuleEngine.Evaluate(Rule(Components(), toExporter), Context()).Select(f => f.Subject).ToList();
        Assert.Equal(["gateway:g"], subjects);
    }

    [Fact]
    public void Operands_can_name_settings_and_messages_interpolate_them()
    {
        var settings = PolicySettings.Default with { MaxCacheTtlSeconds = 3600 };
        var when = new FactCondition(At, "attributes.ttlSeconds", [("greaterThan", new Operand(null, "maxCacheTtlSeconds"))]);
        var rule = Rule(Components(), when, "{{component.name}} keeps {{component.attributes.ttlSeconds}}s > {{settings.maxCacheTtlSeconds}}s; {{component.attributes.missing}}");
        var finding = Assert.Single(RuleEngine.Evaluate(rule, Context(settings: settings)));
        Assert.Equal("Exporter X keeps 7200s > 3600s; (not set)", finding.Message);
        Assert.Empty(RuleEngine.Evaluate(rule, Context()));
    }

    [Fact]
    public void All_any_and_not_combine()
    {
        var when = new AllCondition(At,
        [
            new AnyCondition(At, [Fact("role", "equals", "gateway"), Fact("role", "equals", "exporter")]),
            new NotCondition(At, Fact("hosting", "equals", "unknown")),
        ]);
        Assert.Equal(["gateway:g"], RuleEngine.Evaluate(Rule(Components(), when), Context()).Select(f => f.Subject));
    }

    [Fact]
    public void Declared_is_missing_without_a_declaration_and_matches_vendor_or_component_id()
    {
        var rule = Rule(Components(new ComponentFilter(Hostings: [Hosting.ThirdParty, Hosting.Unknown])), Fact("declared", "equals", false));
        Assert.Empty(RuleEngine.Evaluate(rule, Context()));
        var byVendor = PolicySettings.Default with { DeclaredSubprocessors = ["p"] };
        Assert.Equal(["exporter:x"], RuleEngine.Evaluate(rule, Context(settings: byVendor)).Select(f => f.Subject));
        var both = PolicySettings.Default with { DeclaredSubprocessors = ["p", "exporter:x"] };
        Assert.Empty(RuleEngine.Evaluate(rule, Context(settings: both)));
    }

    [Fact]
    public void Secret_rules_select_literal_secrets_and_show_them_redacted()
    {
        var model = Stack();
        model.Secrets.Add(new LiteralSecret(new SourceLocation("config.yaml", 7), "model_list[0].litellm_params.api_key", "sk-****"));
        var rule = Rule(new RuleSelector(SubjectKind.Secret, ComponentFilter.Any, [], null, null), null, "{{secret.key}} holds {{secret.redacted}}");
        var finding = Assert.Single(RuleEngine.Evaluate(rule, Context(model)));
        Assert.Equal("model_list[0].litellm_params.api_key holds sk-****", finding.Message);
        Assert.Equal(7, finding.Location!.Line);
    }

    [Fact]
    public void Catalog_facts_of_an_unlisted_vendor_are_unknown()
    {
        var rule = Rule(Components(new ComponentFilter(Ids: ["provider:p"])), Fact("catalog.zdr", "equals", "unknown"), "{{catalog.zdr}}");
        Assert.Equal("unknown", Assert.Single(RuleEngine.Evaluate(rule, Context())).Message);
    }

    [Fact]
    public void A_match_stalled_past_the_first_time_limit_gets_a_second_longer_one_before_it_counts_as_timed_out()
    {
        var limits = new List<TimeSpan>();
        var matched = RuleEngine.WithinTimeLimit("^x$", limit =>
        {
            limits.Add(limit);
            return limits.Count == 1 ? throw new System.Text.RegularExpressions.RegexMatchTimeoutException("x", "^x$", limit) : true;
        });

        Assert.True(matched);
        Assert.Equal(2, limits.Count);
        Assert.Equal(limits[0] * 10, limits[1]);
    }

    [Fact]
    public void A_match_past_both_time_limits_is_reported_as_a_timeout_not_as_no_match()
    {
        var calls = 0;
        var error = Assert.Throws<RuleRegexTimeoutException>(() => RuleEngine.WithinTimeLimit("^(a+)+$", limit =>
        {
            calls++;
            throw new System.Text.RegularExpressions.RegexMatchTimeoutException("aaaa!", "^(a+)+$", limit);
        }));

        Assert.Equal(2, calls);
        Assert.Contains("^(a+)+$", error.Message, StringComparison.Ordinal);
    }
}
