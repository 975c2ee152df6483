using GatewayAudit.Core.Dpa;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Dpa;

/// <summary>
/// <c>scan --dpa ANNEX</c>: the signed DPA's sub-processor annex, in the shapes counsel keeps it (a Markdown table or
/// list, a spreadsheet export), against what the stack sends data to.
/// </summary>
public sealed class DpaDriftTests
{
    // OpenAI, Anthropic and OpenRouter (with its own upstream), a provider the user's catalog knows by host and by the
    // legal entity its contract names, Langfuse Cloud, and a Postgres whose hosting the inputs do not show.
    private const string Stack = """
        model_list:
          - model_name: gpt
            litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}
          - model_name: inferix
            litellm_params: {model: openai/inferix-large, api_base: "https://api.inferix.example/v1", api_key: os.environ/INFERIX_API_KEY}
          - model_name: llama
            litellm_params: {model: openrouter/meta-llama/llama-3.3-70b-instruct, api_key: os.environ/OPENROUTER_API_KEY}
        litellm_settings:
          success_callback: [langfuse]
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: os.environ/DATABASE_URL
        environment_variables:
          LANGFUSE_HOST: https://cloud.langfuse.com
        """;

    private const string InferixCatalog = """
        id: inferix
        name: Inferix
        kind: model-provider
        hosts: [api.inferix.example]
        aliases: [Inferix Europe B.V.]
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
        """;

    private static AuditResult Scan(TemporaryFolder folder, string dpaFile, string dpa, string stack = Stack)
    {
        folder.Write("stack/config.yaml", stack);
        folder.Write("catalog/inferix.yaml", InferixCatalog);
        folder.Write(dpaFile, dpa);
        return Auditor.Default.Run(new AuditOptions
        {
            Paths = ["stack"],
            WorkingDirectory = folder.Path,
            CatalogDirs = ["catalog"],
            DpaPath = dpaFile,
            Today = new DateOnly(2026, 11, 30),
        });
    }

    private static List<Finding> Drift(AuditResult audit) =>
        [.. audit.Findings.Where(f => f.RuleId.StartsWith("dpa-", StringComparison.Ordinal))];

    private static string Summary(AuditResult audit) =>
        string.Join("\n", Drift(audit).Select(f => $"{f.RuleId} {f.Subject} {f.Location}")) + "\n" + string.Join("\n", audit.Diagnostics);

    [Fact]
    public void Table_in_the_annex_declares_parties_by_legal_entity_spelling_and_alias()
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, "dpa.md", """
            # Annex 3: Sub-processors

            | Sub-processor | Purpose | Location |
            |---|---|---|
            | OpenAI, L.L.C. | LLM inference | USA |
            | Anthropic PBC | LLM inference | USA |
            | Inferix Europe B.V. | LLM inference | NL |
            | Open Router | model routing | USA |
            | **Langfuse** | tracing | EU |
            | Cohere Inc. | embeddings | Canada |
            | Acme Shredding Ltd | paper records | UK |
            """);
        Assert.True(audit.Complete, Summary(audit));
        var drift = Drift(audit);
        Assert.DoesNotContain(drift, f => f.RuleId == DpaDrift.UndeclaredId);
        var cohere = Assert.Single(drift, f => f.RuleId == DpaDrift.UnusedId);
        Assert.Equal(new SourceLocation("dpa.md", 10), cohere.Location);
        Assert.DoesNotContain("may still run", cohere.Message, StringComparison.Ordinal);
        var unmatched = Assert.Single(drift, f => f.RuleId == DpaDrift.UnmatchedId);
        Assert.Equal(new SourceLocation("dpa.md", 11), unmatched.Location);
        Assert.Contains("Acme Shredding Ltd", unmatched.Message, StringComparison.Ordinal);

        // Postgres from the environment: nobody knows who runs it, so it is to confirm, not a certain transfer.
        var postgres = Assert.Single(drift, f => f.RuleId == DpaDrift.UnconfirmedId);
        Assert.Equal("datastore:litellm-postgres", postgres.Subject);
        Assert.Equal(Severity.Medium, postgres.Severity);
        Assert.Equal(3, drift.Count);
    }

    [Fact]
    public void A_party_missing_from_the_annex_is_an_undeclared_transfer_at_its_config_line()
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, "annex.md", """
            Sub-processors engaged by Example Ltd:

            - **OpenAI** — LLM inference, United States
            - Anthropic: LLM inference
            - Inferix Europe B.V. - inference
            - OpenRouter (routing to model providers)
            - LiteLLM Postgres (Neon) - the proxy's database
            """);
        Assert.True(audit.Complete, Summary(audit));
        var undeclared = Assert.Single(Drift(audit), f => f.RuleId == DpaDrift.UndeclaredId);
        Assert.Equal("exporter:langfuse", undeclared.Subject);
        Assert.Equal(Severity.High, undeclared.Severity);
        Assert.Equal("stack/config.yaml", undeclared.Location!.File);
        Assert.Contains("undeclared transfer", undeclared.Message, StringComparison.Ordinal);

        // The Postgres row names the scanned party in the scan's own words; OpenRouter's upstream never needs a row.
        Assert.DoesNotContain(Drift(audit), f => f.RuleId == DpaDrift.UnconfirmedId);
        Assert.DoesNotContain(Drift(audit), f => f.Subject?.Contains("openrouter-upstream", StringComparison.Ordinal) == true);
        Assert.Single(Drift(audit));
    }

    [Fact]
    public void Only_the_lists_under_a_sub_processor_heading_are_the_annex()
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, "dpa.md", """
            # Data processing agreement

            ## Categories of data

            - Support conversations
            - Account metadata

            ## Annex 3: Approved sub-processors

            - OpenAI
            - Anthropic
            - Inferix
            - OpenRouter
            - Langfuse
            """);
        Assert.True(audit.Complete, Summary(audit));
        Assert.DoesNotContain(Drift(audit), f => f.RuleId is DpaDrift.UnmatchedId or DpaDrift.UndeclaredId);
    }

    [Fact]
    public void Csv_export_with_semicolons_quoted_names_and_columns_in_any_order()
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, "subprocessors.csv", """
            Purpose;Country;Vendor;Legal entity
            LLM inference;US;OpenAI;"OpenAI, L.L.C."
            LLM inference;US;;"Anthropic, PBC"
            Inference;NL;Inferix;
            Routing;US;OpenRouter;
            Trace storage;DE;Langfuse Cloud;
            Error tracking;US;Sentry;"Functional Software, Inc."
            """);
        Assert.True(audit.Complete, Summary(audit));
        Assert.DoesNotContain(Drift(audit), f => f.RuleId == DpaDrift.UndeclaredId);
        Assert.Equal(new SourceLocation("subprocessors.csv", 7), Assert.Single(Drift(audit), f => f.RuleId == DpaDrift.UnusedId).Location);
    }

    [Theory]
    [InlineData("Legal entity and address (country)")]
    [InlineData("Company")]
    [InlineData("Name of sub-processor")]
    [InlineData("Entity")]
    [InlineData("Provider")]
    public void Other_names_for_the_name_column(string heading)
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, "dpa.md", $"""
            | Processing activity | {heading} | Processing location(s) | Transfer mechanism |
            |---|---|---|---|
            | inference | OpenAI Ireland Ltd, Dublin | EU | n/a |
            | inference | Anthropic, PBC, San Francisco | US | EU SCCs |
            | inference | Inferix Europe B.V. | NL | n/a |
            | routing | OpenRouter, Inc. | US | EU SCCs |
            """);
        Assert.True(audit.Complete, Summary(audit));
        Assert.Equal("exporter:langfuse", Assert.Single(Drift(audit), f => f.RuleId == DpaDrift.UndeclaredId).Subject);
    }

    [Fact]
    public void Azure_OpenAI_in_the_annex_does_not_declare_OpenAI()
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, "dpa.md", """
            | Vendor | Service |
            |---|---|
            | Microsoft Corporation | Azure OpenAI Service |
            | Anthropic | Claude API |
            | Inferix | API |
            | OpenRouter | API |
            | Langfuse | Cloud |
            """);
        Assert.True(audit.Complete, Summary(audit));
        Assert.Equal("provider:openai", Assert.Single(Drift(audit), f => f.RuleId == DpaDrift.UndeclaredId).Subject);
    }

    [Fact]
    public void Operator_run_systems_need_no_row_and_a_row_for_a_self_hosted_vendor_is_unused()
    {
        using var folder = new TemporaryFolder();
        var selfHosted = Stack.Replace("https://cloud.langfuse.com", "http://10.0.4.2:3000", StringComparison.Ordinal);
        var audit = Scan(folder, "dpa.md", """
            ## Sub-processors

            | Sub-processor | Purpose |
            |---|---|
            | OpenAI | inference |
            | Anthropic | inference |
            | Inferix | inference |
            | OpenRouter | routing |
            | Langfuse | tracing |

            ## Operator-run systems that hold the data

            | Name | What it holds |
            |---|---|
            | LiteLLM Postgres | keys, spend logs |
            """, selfHosted);
        Assert.True(audit.Complete, Summary(audit));
        var unused = Assert.Single(Drift(audit), f => f.RuleId == DpaDrift.UnusedId);
        Assert.Equal(9, unused.Location!.Line);
        Assert.Contains("runs on your own infrastructure", unused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Drift(audit), f => f.RuleId == DpaDrift.UndeclaredId);

        // The operator section is not a declaration: the Postgres of unknown hosting is still to confirm.
        Assert.Single(Drift(audit), f => f.RuleId == DpaDrift.UnconfirmedId);
    }

    [Fact]
    public void A_declared_database_vendor_the_scan_cannot_place_may_be_where_the_unknown_Postgres_runs()
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, "dpa.md", "| Vendor |\n|---|\n| OpenAI |\n| Neon, Inc. |\n");
        var neon = Assert.Single(Drift(audit), f => f.RuleId == DpaDrift.UnusedId);
        Assert.Contains("may still run one of the parties whose hosting the inputs do not show (LiteLLM Postgres", neon.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Annex_findings_are_reported_once_for_a_scan_of_several_stacks()
    {
        using var folder = new TemporaryFolder();
        folder.Write("stack/other/config.yaml", "model_list:\n  - model_name: gpt\n    litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}\n");
        var audit = Scan(folder, "dpa.md", "| Vendor |\n|---|\n| OpenAI |\n| Cohere |\n");
        Assert.True(audit.Complete, Summary(audit));
        Assert.Equal(2, audit.Stacks.Count);
        Assert.Single(audit.Findings, f => f.RuleId == DpaDrift.UnusedId);
        Assert.All(audit.Stacks, s => Assert.DoesNotContain(s.Findings, f => f.RuleId == DpaDrift.UnusedId));
        Assert.Contains(audit.Findings, f => f.RuleId == DpaDrift.UndeclaredId && f.Subject == "provider:anthropic");
    }

    [Theory]
    [InlineData("dpa.md", "Our sub-processors are listed on our website.\n", "dpa-no-annex", 1)]
    [InlineData("dpa.md", "Intro\n\n| Purpose | Location |\n|---|---|\n| inference | US |\n", "dpa-no-name-column", 3)]
    [InlineData("dpa.csv", "Purpose,Location\ninference,US\n", "dpa-no-name-column", 1)]
    [InlineData("dpa.csv", "Vendor,Purpose\nOpenAI,inference\n\"Anthropic,inference\n", "dpa-malformed-csv", 3)]
    [InlineData("dpa.csv", "Vendor,Purpose\n", "dpa-no-annex", 1)]
    [InlineData("dpa.md", "   \n", "dpa-empty", 0)]
    public void A_bad_annex_stops_the_scan_with_file_and_line(string file, string text, string code, int line)
    {
        using var folder = new TemporaryFolder();
        var audit = Scan(folder, file, text);
        Assert.False(audit.Complete);
        var error = Assert.Single(audit.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourceLocation(file, line), error.Location);
    }

    [Fact]
    public void A_missing_annex_stops_the_scan()
    {
        using var folder = new TemporaryFolder();
        folder.Write("stack/config.yaml", Stack);
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["stack"], WorkingDirectory = folder.Path, DpaPath = "nowhere.md" });
        Assert.Equal("dpa-missing", Assert.Single(audit.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Code);
    }
}
