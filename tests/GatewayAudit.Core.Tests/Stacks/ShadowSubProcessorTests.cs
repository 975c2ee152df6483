using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A direct provider call in code beside a gateway the same checkout runs (the shadow-sub-processor rule): the finding
/// points at the direct call and names the gateway with its file:line, also when the code and the gateway's config
/// are in different folders or stacks. Fixtures imitate an agent repository with a proxy folder and a worker folder.
/// </summary>
public sealed class ShadowSubProcessorTests
{
    private const string ProxyConfig = """
        model_list:
          - model_name: claude
            litellm_params: {model: anthropic/claude-sonnet-4-5, api_key: os.environ/ANTHROPIC_API_KEY}

        """;

    private const string DirectWorker = """
        import anthropic

        client = anthropic.Anthropic()


        def summarise(text: str) -> str:
            reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=256, messages=[{"role": "user", "content": text}])
            return reply.content[0].text

        """;

    private const string ProxiedWorker = """
        from openai import OpenAI

        client = OpenAI(base_url="http://litellm:4000/v1")
        reply = client.chat.completions.create(model="claude", messages=[{"role": "user", "content": "hi"}])

        """;

    [Fact]
    public void A_worker_calling_Anthropic_beside_the_proxy_is_a_finding_at_the_call_naming_the_proxy_config()
    {
        var folder = Folder(("proxy/config.yaml", ProxyConfig), ("worker/summarize.py", DirectWorker));
        try
        {
            var finding = Assert.Single(Audit(folder).Findings, f => f.RuleId == "shadow-sub-processor");
            Assert.Equal("worker/summarize.py", finding.Location!.File);
            Assert.Equal(3, finding.Location.Line); // the client; the call at line 7 is evidence too
            Assert.Contains("Anthropic is called directly from code", finding.Message, StringComparison.Ordinal);
            Assert.Contains("LiteLLM proxy at proxy/config.yaml:", finding.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Code_that_calls_the_proxy_or_only_imports_a_provider_is_no_finding()
    {
        var folder = Folder(("proxy/config.yaml", ProxyConfig), ("worker/app.py", "import anthropic\n" + ProxiedWorker));
        try
        {
            Assert.DoesNotContain(Audit(folder).Findings, f => f.RuleId == "shadow-sub-processor");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_direct_call_in_a_checkout_without_a_gateway_is_no_finding()
    {
        var folder = Folder(("worker/summarize.py", DirectWorker));
        try
        {
            Assert.DoesNotContain(Audit(folder).Findings, f => f.RuleId == "shadow-sub-processor");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AuditResult Audit(string folder) => Auditor.Default.Run(new AuditOptions
    {
        Paths = ["."],
        WorkingDirectory = folder,
        Today = new DateOnly(2026, 11, 30),
    });
}
