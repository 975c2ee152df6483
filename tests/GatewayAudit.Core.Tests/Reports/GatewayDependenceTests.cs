namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// Availability of the request path, lock-in surfaces and decision advisories, each from facts the config shows:
/// a published figure only where the catalog has one, the database's place on the path set by
/// allow_requests_on_db_unavailable, counts with locations, and observations with their inputs.
/// </summary>
public sealed class GatewayDependenceTests
{
    private const string ProxyWithDatabase = """
        model_list:
          - model_name: gpt
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: postgresql://litellm@litellm.c1a2b3.eu-central-1.rds.amazonaws.com:5432/litellm
        """;

    private const string RdsWithSla = """
        id: aws-rds
        name: Amazon RDS
        kind: datastore
        hosts: [.rds.amazonaws.com]
        facts:
          legalEntity: {value: unknown}
          country: {value: unknown}
          dataRegions: {value: unknown}
          defaultRetention: {value: unknown}
          zdr: {value: unknown}
          trainsOnApiData: {value: unknown}
          certifications: {value: unknown}
          dpaUrl: {value: unknown}
          subprocessorListUrl: {value: unknown}
          sla: {value: "99.95", source: "https://example.com/rds/sla", checked: "2026-11-30"}
        """;

    [Fact]
    public void Without_allow_requests_on_db_unavailable_the_database_is_a_hard_dependency_of_every_request()
    {
        var report = AnnexTests.Build(ProxyWithDatabase);
        var database = Assert.Single(report.Availability.Dependencies, d => d.Id == "datastore:litellm-postgres");
        Assert.StartsWith("every request", database.Scope, StringComparison.Ordinal);
        Assert.Equal("99.5% monthly uptime (published SLA)", database.Figure); // the shipped catalog's RDS figure (Single-DB instance)
        Assert.Contains(report.Availability.Notes, n => n.Contains("allow_requests_on_db_unavailable is not on", StringComparison.Ordinal));
    }

    [Fact]
    public void With_allow_requests_on_db_unavailable_the_database_leaves_the_path_and_the_note_cites_the_line()
    {
        var report = AnnexTests.Build(ProxyWithDatabase + "\n  allow_requests_on_db_unavailable: true\n");
        Assert.DoesNotContain(report.Availability.Dependencies, d => d.Id == "datastore:litellm-postgres");
        Assert.Contains(report.Availability.Notes, n => n.StartsWith("allow_requests_on_db_unavailable is on (stack/config.yaml:7)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_published_sla_gives_a_figure_and_the_composite_is_an_upper_bound_while_others_have_none()
    {
        var report = AnnexTests.Build(ProxyWithDatabase, ("aws-rds", RdsWithSla));
        var database = report.Availability.Dependencies.Single(d => d.Id == "datastore:litellm-postgres");
        Assert.Equal(99.95, database.Percent);
        Assert.Equal("99.95% monthly uptime (published SLA)", database.Figure);
        Assert.Equal("https://example.com/rds/sla", database.Source);

        Assert.Null(report.Availability.CompositePercent);
        Assert.Equal("at most 99.95% (the published figures multiplied); no figure for LiteLLM proxy, Proxy host (process memory and logs)",
            report.Availability.Composite);
        Assert.Equal("no published figure", report.Availability.Dependencies.Single(d => d.Id == "provider:openai").Figure);
    }

    [Fact]
    public void Fallbacks_are_explained_as_parallel_not_serial()
    {
        var report = AnnexTests.Build("""
            model_list:
              - model_name: gpt
                litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
            router_settings:
              fallbacks: [{gpt: [claude]}]
            """);
        Assert.Contains(report.Availability.Notes, n => n.StartsWith("Fallbacks (gpt -> claude)", StringComparison.Ordinal));
        Assert.Equal("requests to model group gpt", report.Availability.Dependencies.Single(d => d.Id == "provider:openai").Scope);
    }

    [Fact]
    public void Lock_in_counts_gateway_slugs_callbacks_and_the_budget_database_with_locations()
    {
        var report = AnnexTests.Build("""
            model_list:
              - model_name: llama
                litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct, api_key: os.environ/OPENROUTER_API_KEY}
              - model_name: qwen
                litellm_params: {model: openrouter/qwen/qwen3-235b-a22b, api_key: os.environ/OPENROUTER_API_KEY}
            litellm_settings:
              success_callback: [langfuse]
            general_settings:
              database_url: os.environ/DATABASE_URL
            """);
        var slugs = Assert.Single(report.LockIn, l => l.Surface == "gateway model slugs in config");
        Assert.Equal("OpenRouter", slugs.Gateway);
        Assert.Equal(2, slugs.Count);
        Assert.Equal([3, 5], slugs.Locations.Select(l => l.Line));

        var wiring = Assert.Single(report.LockIn, l => l.Surface.StartsWith("callback and alerting wiring", StringComparison.Ordinal));
        Assert.Equal(["Langfuse (success_callback)"], wiring.Items);
        Assert.Single(report.LockIn, l => l.Surface.StartsWith("budget database", StringComparison.Ordinal));
        Assert.Equal(1, report.LockIn.Single(l => l.Surface == "files in the gateway's own config format").Count);
    }

    [Fact]
    public void A_gateway_in_front_of_one_provider_is_an_observation_with_its_inputs()
    {
        var single = AnnexTests.Build(ProxyWithDatabase);
        var advisory = Assert.Single(single.Advisories, a => a.Topic == "Single provider behind a gateway");
        Assert.Contains("goes to OpenAI", advisory.Observation, StringComparison.Ordinal);
        Assert.Contains("provider: OpenAI", advisory.Inputs);
        Assert.Contains("where: stack/config.yaml:3", advisory.Inputs);

        var two = AnnexTests.Build("""
            model_list:
              - model_name: gpt
                litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
            """);
        Assert.DoesNotContain(two.Advisories, a => a.Topic == "Single provider behind a gateway");
    }

    [Fact]
    public void Several_keys_of_one_provider_in_a_group_note_the_shared_rate_limit_but_regional_clouds_do_not()
    {
        var report = AnnexTests.Build("""
            model_list:
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_KEY_A}
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_KEY_B}
            """);
        var advisory = Assert.Single(report.Advisories, a => a.Topic == "Several keys, one rate limit");
        Assert.Contains("model groups with several deployments: claude", advisory.Inputs);
        Assert.Contains("deployments per model group: up to 2", advisory.Inputs);

        var azure = AnnexTests.Build("""
            model_list:
              - model_name: gpt
                litellm_params: {model: azure/gpt-4o-a, api_base: https://a.openai.azure.com, api_key: os.environ/AZURE_A}
              - model_name: gpt
                litellm_params: {model: azure/gpt-4o-b, api_base: https://b.openai.azure.com, api_key: os.environ/AZURE_B}
            """);
        Assert.DoesNotContain(azure.Advisories, a => a.Topic == "Several keys, one rate limit");
    }

    [Fact]
    public void The_break_even_advisory_lists_inputs_and_gives_no_figure()
    {
        var report = AnnexTests.Build(ProxyWithDatabase);
        var advisory = Assert.Single(report.Advisories, a => a.Topic == "Hosted gateway or self-hosted proxy");
        Assert.Contains("monthly model spend through the gateway: not in the inputs", advisory.Inputs);
        Assert.Contains("LiteLLM Postgres (keys, budgets, spend logs): hosted by Amazon RDS", advisory.Inputs);
        Assert.DoesNotContain(advisory.Inputs.Append(advisory.Observation), t => t.Contains('$', StringComparison.Ordinal));
    }
}
