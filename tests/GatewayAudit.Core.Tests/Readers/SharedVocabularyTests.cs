using GatewayAudit.Analyzers;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// The analyzer (GW001-GW004) and the code readers read one vocabulary (src/Shared): what the analyzer calls
/// gateway-specific, a scan lists as that gateway's lock-in, and the other way round.
/// </summary>
public sealed class SharedVocabularyTests
{
    private static readonly GatewayVocabulary Analyzer = new();

    [Fact]
    public void Every_gateway_header_the_readers_know_is_a_GW001_header()
    {
        foreach (var term in GatewayTerms.Headers)
        {
            var name = term.IsPrefix ? term.Name.TrimEnd('*') + "Team" : term.Name;
            Assert.Equal(name, GatewayHeaderRule.Match(name, Analyzer));
        }

        Assert.Equal(GatewayTerms.Headers.Select(h => h.Name), GatewayHeaderRule.DefaultHeaderNames);
    }

    [Fact]
    public void GW003_hosts_are_exactly_the_gateway_rows_of_the_host_table()
    {
        foreach (var term in GatewayTerms.Hosts)
        {
            var host = Sample(term.Pattern);
            var gw003 = GatewayEndpointRule.Match($"https://{host}/v1", Analyzer);
            Assert.True((gw003 is not null) == (term.Kind == PartyKind.Gateway), $"{host}: GW003 {gw003 ?? "none"}, table {term.Kind}");
        }

        Assert.Equal(GatewayTerms.Hosts.Where(h => h.Kind == PartyKind.Gateway).Select(h => h.Pattern), GatewayEndpointRule.DefaultHosts);
    }

    [Theory]
    [InlineData("anthropic/claude-sonnet-4.6")]
    [InlineData("openai/gpt-4o:free")]
    [InlineData("openrouter/auto")]
    [InlineData("meta-llama/llama-3.3-70b-instruct")]
    [InlineData("google/gemini-2.5-pro")]
    [InlineData("google/go-github")]
    [InlineData("microsoft/vscode")]
    [InlineData("meta-llama/Llama-2-7b-hf")]
    [InlineData("openai/v1")]
    [InlineData("docs/setup.md")]
    public void The_CSharp_reader_and_GW002_agree_on_what_a_slug_is(string text)
    {
        var source = $"class C {{ const string Base = \"https://openrouter.ai/api/v1\"; const string Model = \"{text}\"; }}";
        var model = CSharpSourceReaderTests.Read("src/C.cs", source);
        var lockIn = (string[]?)model.Find("provider:openrouter")!.Attributes["lockIn"] ?? [];
        var readerSaysSlug = lockIn.Any(l => l.EndsWith(" slug " + text, StringComparison.Ordinal));
        Assert.Equal(GatewayModelSlugRule.Match(text, Analyzer) is not null, readerSaysSlug);
    }

    [Fact]
    public void Every_host_row_names_a_catalog_vendor_that_claims_the_same_host()
    {
        var catalog = ReaderHarness.ShippedCatalog;
        foreach (var term in GatewayTerms.Hosts)
        {
            Assert.True(catalog.Find(term.Vendor) is not null, $"{term.Pattern}: no policies/catalog/{term.Vendor}.yaml");
            var host = Sample(term.Pattern);
            // The catalog lists gateway.ai.cloudflare.com under cloudflare-workers-ai too (LiteLLM's cloudflare/ prefix);
            // a call to that host is the AI Gateway, as policies/catalog/cloudflare-ai-gateway.yaml notes.
            if (catalog.FindByHost(host) is { } vendor && term.Vendor != GatewayTerms.CloudflareAiGateway)
            {
                Assert.Equal(term.Vendor, vendor.Id);
            }
        }

        // Hosts the catalog lists by name (checked both ways, so a row can never point at the wrong vendor).
        foreach (var host in new[] { "eu.openrouter.ai", "oai.helicone.ai", "api.portkey.ai", "api.anthropic.com", "us.cloud.langfuse.com", "o1.ingest.de.sentry.io", "us5.datadoghq.com", "europe-west4-aiplatform.googleapis.com" })
        {
            Assert.Equal(catalog.FindByHost(host)?.Id, GatewayTerms.FindHost(host)?.Vendor);
        }
    }

    [Fact]
    public void Code_and_gateway_files_name_a_gateway_host_by_one_table()
    {
        // The Cloudflare AI Gateway file reader and the C# reader give one component id; Helicone's provider host names
        // its upstream and OpenRouter's regional host its region for every reader.
        var source = "class C { const string Url = \"https://gateway.ai.cloudflare.com/v1/acct/gw/openai/chat/completions\"; }";
        var model = CSharpSourceReaderTests.Read("src/C.cs", source);
        Assert.Equal(GatewayAudit.Core.Model.ComponentRole.Gateway, model.Find("provider:cloudflare-ai-gateway")?.Role);
        Assert.Equal(("openai", null), (GatewayTerms.FindHost("oai.helicone.ai")?.Upstream, GatewayTerms.FindHost("oai.helicone.ai")?.Region));
        Assert.Equal(("EU", "openrouter"), (GatewayTerms.FindHost("eu.openrouter.ai")?.Region, GatewayTerms.FindHost("eu.openrouter.ai")?.Vendor));
        Assert.Equal(HeaderKind.Credential, GatewayTerms.FindHeader("cf-aig-authorization")?.Kind);
    }

    /// <summary>A real host a pattern matches: '*' filled with a region.</summary>
    private static string Sample(string pattern) => pattern.Replace("*", "europe-west4", StringComparison.Ordinal);
}
