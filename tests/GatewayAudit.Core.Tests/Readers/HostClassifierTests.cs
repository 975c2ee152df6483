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

    // Both sides of every boundary of every range, so that an off-by-one or a dropped range fails here.
    [Theory]
    [InlineData("9.255.255.255", false)]
    [InlineData("10.0.0.0", true)]
    [InlineData("10.255.255.255", true)]
    [InlineData("11.0.0.0", false)]
    [InlineData("172.15.255.255", false)]
    [InlineData("172.16.0.0", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.0", false)]
    [InlineData("192.167.255.255", false)]
    [InlineData("192.168.0.0", true)]
    [InlineData("192.168.255.255", true)]
    [InlineData("192.169.0.0", false)]
    [InlineData("100.63.255.255", false)]
    [InlineData("100.64.0.0", true)]
    [InlineData("100.127.255.255", true)]
    [InlineData("100.128.0.0", false)]
    [InlineData("126.255.255.255", false)]
    [InlineData("127.0.0.0", true)]
    [InlineData("127.255.255.255", true)]
    [InlineData("128.0.0.0", false)]
    [InlineData("169.253.255.255", false)]
    [InlineData("169.254.0.0", true)]
    [InlineData("169.254.255.255", true)]
    [InlineData("169.255.0.0", false)]
    [InlineData("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("fc00::", true)]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("fe00::", false)]
    [InlineData("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("fe80::", true)]
    [InlineData("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("fec0::", false)]
    [InlineData("::", false)]
    [InlineData("::1", true)]
    [InlineData("::2", false)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("2001:db8::1", false)]
    public void Private_range_boundaries(string address, bool expected) => Assert.Equal(expected, HostClassifier.IsOperatorNetwork(address));

    [Theory]
    [InlineData("http://[fe80::1]:8000/v1", true)]
    [InlineData("http://100.101.102.103:4000", true)]
    [InlineData("http://169.254.169.254/latest", true)]
    [InlineData("http://[2606:4700::1]/v1", false)]
    public void Private_ranges_through_a_url(string url, bool expected) => Assert.Equal(expected, HostClassifier.IsOperatorNetwork(HostClassifier.HostOf(url)!));

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
    [InlineData("us-central1-aiplatform.googleapis.com", "us-central1")]
    [InlineData("europe-west4-aiplatform.googleapis.com", "europe-west4")]
    [InlineData("aiplatform.googleapis.com", null)]
    [InlineData("contoso-aiplatform.googleapis.com", null)]
    [InlineData("dashscope-intl.aliyuncs.com", "Singapore")]
    [InlineData("dashscope-us.aliyuncs.com", "US (Virginia)")]
    [InlineData("dashscope.aliyuncs.com", "China (Beijing)")]
    [InlineData("cn-hongkong.dashscope.aliyuncs.com", "China (Hong Kong)")]
    [InlineData("ws-123.ap-southeast-1.maas.aliyuncs.com", null)]
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
