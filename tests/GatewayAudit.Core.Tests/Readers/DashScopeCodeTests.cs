using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// Code that points an OpenAI SDK at Alibaba Cloud Model Studio's OpenAI-compatible mode
/// (<c>https://dashscope-intl.aliyuncs.com/compatible-mode/v1</c>) reaches Alibaba Cloud, named as Alibaba names the
/// service and with the region its host documents; not OpenAI, and not an anonymous OpenAI-compatible endpoint.
/// </summary>
public sealed class DashScopeCodeTests
{
    [Theory]
    [InlineData("https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "Singapore")]
    [InlineData("https://dashscope.aliyuncs.com/compatible-mode/v1", "China (Beijing)")]
    public void An_openai_client_on_the_compatible_mode_is_model_studio_with_the_hosts_region(string baseUrl, string region)
    {
        var code = $$"""
            import os
            from openai import OpenAI

            client = OpenAI(api_key=os.getenv("DASHSCOPE_API_KEY"), base_url="{{baseUrl}}")
            reply = client.chat.completions.create(model="qwen-plus", messages=[{"role": "user", "content": "hi"}])
            """;

        var result = AuditFiles(("app/chat.py", code));

        var party = result.Model.Find("provider:alibaba-dashscope")!;
        Assert.Equal(("Alibaba Cloud Model Studio (DashScope)", Hosting.ThirdParty), (party.Name, party.Hosting));
        Assert.Equal(region, party.Region?.Value);
        Assert.Null(result.Model.Find("provider:openai"));
        Assert.DoesNotContain(result.Model.Components, c => c.Name.StartsWith("OpenAI-compatible endpoint", StringComparison.Ordinal));
    }
}
