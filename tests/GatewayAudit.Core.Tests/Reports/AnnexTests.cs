using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// The annex as counsel signs it: third parties apart from the operator's own systems, DPA columns in plain words,
/// evidence in its own table, a stable order, and catalog gaps listed once as facts to confirm rather than as findings
/// and open questions.
/// </summary>
public sealed class AnnexTests
{
    internal const string MixedStack = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
          - model_name: llama
            litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct, api_key: os.environ/OPENROUTER_API_KEY}
        litellm_settings:
          success_callback: [langfuse]
          cache: true
          cache_params: {type: redis, host: cache.example.net, ttl: 600}
        environment_variables:
          LANGFUSE_HOST: https://cloud.langfuse.com
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: postgresql://litellm:os.environ/PGPASS@localhost:5432/litellm
        """;

    /// <summary>A catalog entry with every annex fact known, as a user's --catalog override would state it.</summary>
    internal const string CompleteAnthropic = """
        id: anthropic
        name: Anthropic
        kind: model-provider
        hosts: [api.anthropic.com]
        facts:
          legalEntity: {value: "Anthropic, PBC", source: "https://example.com/terms", checked: "2026-11-30"}
          eeaLegalEntity: {value: "Anthropic Ireland, Limited", source: "https://example.com/terms", checked: "2026-11-30"}
          country: {value: US, source: "https://example.com/terms", checked: "2026-11-30"}
          dataRegions: {value: [US, EU], source: "https://example.com/regions", checked: "2026-11-30"}
          defaultRetention: {value: "Deleted within 30 days; flagged content up to 2 years", days: 30, source: "https://example.com/retention", checked: "2026-11-30"}
          zdr: {value: "yes", howToEnable: "contact sales", source: "https://example.com/zdr", checked: "2026-11-30"}
          trainsOnApiData: {value: "no", source: "https://example.com/terms", checked: "2026-11-30"}
          certifications: {value: [SOC 2 Type II], source: "https://example.com/trust", checked: "2026-11-30"}
          dpaUrl: {value: "https://example.com/dpa", source: "https://example.com/dpa", checked: "2026-11-30"}
          subprocessorListUrl: {value: "https://example.com/subprocessors", source: "https://example.com/subprocessors", checked: "2026-11-30"}
          transferMechanisms: {value: [EU SCCs], source: "https://example.com/dpa", checked: "2026-11-30"}
        """;

    /// <summary>OpenAI called through Helicone with the operator's own key (with <see cref="OpenAiDirect"/>: one annex row, two paths).</summary>
    internal const string OpenAiThroughHelicone = """
        import OpenAI from "openai";
        const client = new OpenAI({
          apiKey: process.env.OPENAI_API_KEY,
          baseURL: "https://oai.helicone.ai/v1",
          defaultHeaders: { "Helicone-Auth": `Bearer ${process.env.HELICONE_API_KEY}` },
        });
        export const answer = (q: string) => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });
        """;

    internal const string OpenAiDirect = """
        from openai import OpenAI

        client = OpenAI()

        def summarize(text):
            return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}])
        """;

    internal static Report Build(string config, params (string Name, string Yaml)[] catalog)
    {
        using var folder = new TemporaryFolder();
        folder.Write("stack/config.yaml", config);
        foreach (var (name, yaml) in catalog)
        {
            folder.Write($"catalog/{name}.yaml", yaml);
        }

        var audit = Auditor.Default.Run(new AuditOptions
        {
            Paths = ["stack"],
            WorkingDirectory = folder.Path,
            CatalogDirs = catalog.Length > 0 ? [Path.Combine(folder.Path, "catalog")] : [],
            Today = new DateOnly(2026, 11, 30),
        });
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics.Select(d => d.Message)));
        return ReportBuilder.Build(audit);
    }

    [Fact]
    public void Third_parties_and_unknown_hosting_are_sub_processors_and_the_operators_systems_are_apart()
    {
        var report = Build(MixedStack);
        var annex = report.Annex.Subprocessors.Select(s => s.Id).ToList();
        var own = report.Annex.OperatorSystems.Select(o => o.Id).ToList();

        Assert.Equal(["provider:openrouter", "provider:anthropic", "provider:openrouter-upstream:any", "exporter:langfuse", "cache:response-cache"], annex);
        Assert.Equal("unknown", report.Annex.Subprocessors.Single(s => s.Id == "cache:response-cache").Hosting);
        Assert.Equal(["gateway:litellm-proxy", "datastore:litellm-postgres", "host:litellm-proxy-host"], own);
        Assert.Empty(annex.Intersect(own));

        Assert.Equal(annex.Count, report.Summary.AnnexSubprocessors);
        Assert.Equal(own.Count, report.Summary.OperatorSystems);
        Assert.Equal(report.Summary.ThirdParties + report.Summary.HostingUnknown, report.Summary.AnnexSubprocessors);
    }

    [Fact]
    public void A_sub_processor_row_has_the_columns_of_a_dpa_annex_in_plain_words()
    {
        var row = Build(MixedStack, ("anthropic", CompleteAnthropic)).Annex.Subprocessors.Single(s => s.Id == "provider:anthropic");

        Assert.Equal("Anthropic", row.Name);
        Assert.Equal("Anthropic, PBC", row.LegalEntity);
        Assert.Equal("Anthropic Ireland, Limited", row.EeaLegalEntity);
        Assert.Equal("US", row.Country);
        Assert.Equal("US; EU (the vendor's options; which applies to this account is not in the config)", row.Locations);
        Assert.Equal("LLM inference on prompts", row.Purpose);
        Assert.Equal("prompts, completions, request metadata, API keys", row.DataReceived);
        Assert.Equal("EU SCCs", row.TransferMechanism);
        Assert.Equal("30 days by default (exceptions: see the vendor facts)", row.Retention);
        Assert.Equal("ZDR available, not shown in force; SOC 2 Type II", row.Safeguards);
    }

    /// <summary>Anthropic with no region option sourced, but a sourced list of where it may process.</summary>
    private const string AnthropicWithProcessingLocations = """
        id: anthropic
        name: Anthropic
        kind: model-provider
        hosts: [api.anthropic.com]
        facts:
          legalEntity: {value: unknown}
          country: {value: unknown}
          dataRegions: {value: unknown}
          processingLocations: {value: [United States, Ireland], source: "https://example.com/subprocessors", checked: "2026-11-30"}
          defaultRetention: {value: unknown}
          zdr: {value: unknown}
          trainsOnApiData: {value: unknown}
          certifications: {value: unknown}
          dpaUrl: {value: unknown}
          subprocessorListUrl: {value: unknown}
        """;

    [Fact]
    public void Where_a_vendor_may_process_fills_the_location_column_as_its_list_not_as_a_choice()
    {
        var report = Build(MixedStack, ("anthropic", AnthropicWithProcessingLocations));

        var row = report.Annex.Subprocessors.Single(s => s.Id == "provider:anthropic");
        Assert.Equal("may be processed in any of: United States, Ireland (the vendor's list; which serves a request is not stated)", row.Locations);
        var toConfirm = Assert.Single(report.FactsToConfirm, f => f.Party == "Anthropic");
        Assert.DoesNotContain("processing locations", toConfirm.Facts);
        var fact = Assert.Single(report.Vendors.Single(v => v.Id == "anthropic").Facts, f => f.Name == "processingLocations");
        Assert.Equal("https://example.com/subprocessors", fact.Source);
    }

    [Fact]
    public void An_unknown_processing_location_list_adds_no_row_to_the_vendor_facts()
    {
        var report = Build(MixedStack, ("anthropic", CompleteAnthropic));

        // Anthropic (the override) and OpenRouter state no list; Langfuse's shipped entry does, from its sub-processor list.
        Assert.DoesNotContain(report.Vendors.Where(v => v.Id is "anthropic" or "openrouter").SelectMany(v => v.Facts), f => f.Name == "processingLocations");
        Assert.Contains(report.Vendors.Single(v => v.Id == "langfuse").Facts, f => f.Name == "processingLocations");
        Assert.Contains("processing locations", report.FactsToConfirm.Single(f => f.Party == "OpenRouter").Facts);
    }

    [Fact]
    public void A_vendor_reached_directly_and_through_a_gateway_on_the_operators_own_key_is_one_row()
    {
        using var folder = new TemporaryFolder();
        folder.Write("web/llm.ts", OpenAiThroughHelicone);
        folder.Write("worker/summarize.py", OpenAiDirect);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) });
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics.Select(d => d.Message)));
        var report = ReportBuilder.Build(audit);

        Assert.True(report.Subprocessors.Count(s => s.Vendor == "openai") >= 2, "the technical inventory keeps one row per path");
        var openai = Assert.Single(report.Annex.Subprocessors, s => s.Name == "OpenAI");
        Assert.Null(openai.Via);
        Assert.Equal("LLM inference on prompts (directly, and through Helicone)", openai.Purpose);
        var evidence = Assert.Single(report.Annex.Evidence, e => e.Id == openai.Id);
        Assert.Equal(["web/llm.ts", "worker/summarize.py"], evidence.Evidence.Select(e => e.File).Distinct().Order(StringComparer.Ordinal));
        Assert.Single(report.Annex.Subprocessors, s => s.Name == "Helicone");
    }

    [Fact]
    public void An_eea_entity_that_is_the_contracting_entity_is_not_repeated()
    {
        var euVendor = CompleteAnthropic.Replace("\"Anthropic Ireland, Limited\"", "\"Anthropic, PBC\"", StringComparison.Ordinal);
        var row = Build(MixedStack, ("anthropic", euVendor)).Annex.Subprocessors.Single(s => s.Id == "provider:anthropic");

        Assert.Equal("Anthropic, PBC", row.LegalEntity);
        Assert.Null(row.EeaLegalEntity);
    }

    [Fact]
    public void A_gateways_sub_processor_says_via_and_follows_the_gateways_terms()
    {
        var row = Build(MixedStack).Annex.Subprocessors.Single(s => s.Id == "provider:openrouter-upstream:any");

        Assert.Equal("OpenRouter", row.Via);
        Assert.Equal("chosen by OpenRouter per request", row.LegalEntity);
        Assert.Equal("under OpenRouter's terms with the provider", row.TransferMechanism);
        Assert.Equal("under OpenRouter's terms with the provider", row.Retention);
    }

    [Fact]
    public void No_raw_component_id_appears_in_the_annexs_prose()
    {
        var report = Build(MixedStack);
        var prose = report.Annex.Subprocessors.SelectMany(s => new[] { s.Name, s.LegalEntity, s.Locations, s.Purpose, s.TransferMechanism, s.Retention, s.Safeguards })
            .Concat(report.Annex.OperatorSystems.SelectMany(o => new[] { o.Name, o.Purpose, o.Location, o.Retention }));
        Assert.DoesNotContain(prose, text => report.Components.Any(c => text.Contains(c.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public void Evidence_sits_in_its_own_table_capped_with_the_full_count()
    {
        var deployments = string.Concat(Enumerable.Range(1, 7).Select(i => $"""

              - model_name: gpt
                litellm_params: {"{"}model: openai/gpt-4o, api_key: os.environ/OPENAI_KEY_{i}{"}"}
            """));
        var report = Build("model_list:" + deployments);
        var evidence = report.Annex.Evidence.Single(e => e.Id == "provider:openai");

        Assert.Equal(AnnexBuilder.EvidenceCap, evidence.Evidence.Count);
        Assert.Equal(7, evidence.Total);
        Assert.Equal(report.Annex.Subprocessors.Count + report.Annex.OperatorSystems.Count, report.Annex.Evidence.Count);
    }

    [Fact]
    public void The_order_is_stable_whatever_order_the_config_lists_parties_in()
    {
        const string reordered = """
            general_settings:
              database_url: postgresql://litellm:os.environ/PGPASS@localhost:5432/litellm
              master_key: os.environ/LITELLM_MASTER_KEY
            environment_variables:
              LANGFUSE_HOST: https://cloud.langfuse.com
            litellm_settings:
              cache_params: {ttl: 600, host: cache.example.net, type: redis}
              cache: true
              success_callback: [langfuse]
            model_list:
              - model_name: llama
                litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct, api_key: os.environ/OPENROUTER_API_KEY}
              - model_name: claude
                litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
            """;
        static string Names(Report r) => string.Join("|", r.Annex.Subprocessors.Select(s => s.Name).Concat(r.Annex.OperatorSystems.Select(o => o.Name)));

        Assert.Equal(Names(Build(MixedStack)), Names(Build(reordered)));
    }

    [Fact]
    public void A_catalog_gap_is_a_fact_to_confirm_once_not_a_finding_or_an_open_question()
    {
        var report = Build(MixedStack);

        var anthropic = Assert.Single(report.FactsToConfirm, f => f.Party == "Anthropic");
        Assert.Contains("DPA", anthropic.Facts);
        Assert.DoesNotContain(report.Findings, f => f.RuleId.StartsWith("vendor-unknown", StringComparison.Ordinal));
        Assert.DoesNotContain(report.OpenQuestions, q => q.Question.Contains("data processing agreement", StringComparison.Ordinal)
            || q.Question.Contains("The catalog", StringComparison.Ordinal));
        Assert.Equal(report.FactsToConfirm.Count, report.Summary.FactsToConfirm);

        // A gateway's sub-processor is covered by the gateway's contract; an unknown host is an open question first.
        Assert.DoesNotContain(report.FactsToConfirm, f => f.Party.Contains("routes", StringComparison.Ordinal));
        Assert.DoesNotContain(report.FactsToConfirm, f => f.Party.Contains("cache", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_vendor_whose_annex_facts_are_all_sourced_has_nothing_to_confirm()
    {
        var report = Build(MixedStack, ("anthropic", CompleteAnthropic));
        Assert.DoesNotContain(report.FactsToConfirm, f => f.Party == "Anthropic");
        Assert.Contains(report.FactsToConfirm, f => f.Party == "OpenRouter");
    }

    [Fact]
    public void The_zdr_in_force_question_stays_open_because_no_catalog_can_answer_it()
    {
        var report = Build(MixedStack, ("anthropic", CompleteAnthropic));
        Assert.Contains(report.OpenQuestions, q => q.Subject == "Anthropic" && q.Question.Contains("zero data retention", StringComparison.Ordinal));
    }
}
