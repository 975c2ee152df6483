using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Tests.Readers;

public sealed class HostClassifierTests
{
    [Theory]
    [InlineData("https://api.openai.com/v1", "api.openai.com")]
    [InlineData("redis://:pw@Redis.Example.com:6379/0", "redis.example.com")]
    [InlineData("postgresql://u:p@db:5432/x", "db")]
    [InlineData("db.internal:5432", "db.internal")]
    [InlineData("user@host.example", "host.example")]
    [InlineData("http://[fd00::1]:8000/v1", "fd00::1")]
    [InlineData("", null)]
    [InlineData("two words", null)]
    [InlineData("postgresql://u:${PG_PASSWORD}@db:5432/x", "db")]
    [InlineData("${AZURE_API_BASE}", null)]
    [InlineData("http://${LLM_HOST}:8000/v1", null)]
    [InlineData("https://${RESOURCE}.openai.azure.com", null)]
    public void Host_of_urls_and_bare_hosts(string text, string? host) => Assert.Equal(host, HostClassifier.HostOf(text));

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.10", true)]
    [InlineData("fd12::1", true)]
    [InlineData("redis", true)]
    [InlineData("vllm.inference.svc.cluster.local", true)]
    [InlineData("db.corp.internal", true)]
    [InlineData("host.docker.internal", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("api.groq.com", false)]
    [InlineData("llm.example.com", false)]
    public void Operator_network(string host, bool expected) => Assert.Equal(expected, HostClassifier.IsOperatorNetwork(host));

    [Theory]
    [InlineData("claims-db.c9akciq32.eu-central-1.rds.amazonaws.com", "eu-central-1")]
    [InlineData("bedrock-runtime.us-east-1.amazonaws.com", "us-east-1")]
    [InlineData("db.us-gov-west-1.rds.amazonaws.com", "us-gov-west-1")]
    [InlineData("s3.amazonaws.com", null)]
    [InlineData("db.eu-central-1.example.com", null)]
    [InlineData("ep-cool-darkness-a1b2c3d4-pooler.us-east-2.aws.neon.tech", "us-east-2")]
    [InlineData("ep-cool-darkness-a1b2c3d4.eu-central-1.aws.neon.tech", "eu-central-1")]
    [InlineData("aws-0-eu-central-1.pooler.supabase.com", "eu-central-1")]
    [InlineData("db.abcdefghijkl.supabase.co", null)]
    [InlineData("cloud.langfuse.com", "EU")]
    [InlineData("us.cloud.langfuse.com", "US")]
    [InlineData("jp.cloud.langfuse.com", "JP")]
    [InlineData("hipaa.cloud.langfuse.com", "US")]
    [InlineData("langfuse.example.com", null)]
    [InlineData("datadoghq.eu", "EU")]
    [InlineData("http-intake.logs.datadoghq.eu", "EU")]
    [InlineData("us3.datadoghq.com", "US")]
    [InlineData("api.us5.datadoghq.com", "US")]
    [InlineData("ap1.datadoghq.com", "JP")]
    [InlineData("ap2.datadoghq.com", "AU")]
    [InlineData("datadoghq.com", "US")]
    [InlineData("ddog-gov.com", "US")]
    [InlineData("contoso-eastus.openai.azure.com", null)]
    [InlineData("api.openai.com", null)]
    public void Region_from_host(string host, string? region) => Assert.Equal(region, HostClassifier.RegionOf(host)?.Region);

    [Theory]
    [InlineData("my-app-production.up.railway.app", "Railway")]
    [InlineData("gateway.fly.dev", "Fly.io")]
    [InlineData("svc-abc123-ew.a.run.app", "Google Cloud Run")]
    [InlineData("railway.app", null)]
    [InlineData("notfly.dev", null)]
    [InlineData("api.openai.com", null)]
    public void Hosting_platform_from_an_app_subdomain(string host, string? platform) => Assert.Equal(platform, HostClassifier.HostingPlatformOf(host));

    [Fact]
    public void Any_reader_s_endpoint_on_a_hosting_platform_becomes_a_third_party_at_catalog_enrichment()
    {
        // A code reader's endpoint, not only a LiteLLM api_base: the platform is decided once, where public hosts are.
        var model = new GatewayAudit.Core.Model.StackModel();
        var endpoint = model.Add(new GatewayAudit.Core.Model.Component
        {
            Id = "provider:host:agent-api.onrender.com",
            Name = "OpenAI-compatible endpoint at agent-api.onrender.com",
            Role = GatewayAudit.Core.Model.ComponentRole.ModelProvider,
        });
        endpoint.Attributes.Set("host", "agent-api.onrender.com");

        GatewayAudit.Core.Catalog.CatalogEnrichment.Apply(model, ReaderHarness.ShippedCatalog);

        Assert.Equal((GatewayAudit.Core.Model.Hosting.ThirdParty, "Render"), (endpoint.Hosting, endpoint.Attributes["hostingPlatform"] as string));
        Assert.Contains(model.OpenQuestions, q => q.Question.Contains("agent-api.onrender.com", StringComparison.Ordinal));
    }

    [Fact]
    public void A_region_from_a_host_cites_the_vendor_page_that_documents_the_pattern()
    {
        var region = HostClassifier.RegionOf("ep-x.eu-west-2.aws.neon.tech")!;
        Assert.StartsWith("https://neon.com/", region.Source, StringComparison.Ordinal);
    }
}
