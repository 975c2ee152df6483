using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>The annex a reviewer reads for real-shaped model lists: the host decides, unknown stays unknown.</summary>
public sealed class ModelRoutingScanTests
{
    private static Report Scan(string config)
    {
        using var folder = new TemporaryFolder();
        folder.Write("config.yaml", config);
        return ReportBuilder.Build(Auditor.Default.Run(new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) }));
    }

    [Fact]
    public void Homelab_lan_vllm_is_the_operators_and_no_openai_appears()
    {
        var report = Scan(ModelRoutingFixtures.Homelab);
        Assert.DoesNotContain(report.Subprocessors, s => s.Vendor == "openai");
        var vllm = Assert.Single(report.Subprocessors, s => s.Id == "inference:10.0.3.7");
        Assert.Equal(("operator-hosted", "n/a"), (vllm.Hosting, vllm.Zdr));
        Assert.Equal("operator-hosted", Assert.Single(report.Subprocessors, s => s.Id == "inference:ollama").Hosting);
        var groq = Assert.Single(report.Subprocessors, s => s.Id == "provider:groq");
        Assert.Equal(("groq", "third-party"), (groq.Vendor, groq.Hosting));

        var unresolved = Assert.Single(report.Subprocessors, s => s.Id == "provider:env:LOCAL_LLM_URL");
        Assert.Equal(("unknown", null, "unknown"), (unresolved.Hosting, unresolved.Vendor, unresolved.LegalEntity));
        Assert.Single(report.OpenQuestions, q => q.Question.Contains("LOCAL_LLM_URL", StringComparison.Ordinal));
        Assert.DoesNotContain(report.OpenQuestions, q => q.Subject.Contains("Groq", StringComparison.Ordinal) && q.Question.Contains("Who runs", StringComparison.Ordinal));
    }

    [Fact]
    public void Company_gemini_on_vertex_is_vertex_claude_on_azure_is_azure_and_bedrock_eu_profile_is_eu()
    {
        var report = Scan(ModelRoutingFixtures.Company);
        Assert.DoesNotContain(report.Subprocessors, s => s.Vendor is "google-gemini-api" or "anthropic");
        var vertex = Assert.Single(report.Subprocessors, s => s.Vendor == "google-vertex-ai");
        Assert.Contains(vertex.Evidence, e => e.Line == 5);
        var azure = Assert.Single(report.Subprocessors, s => s.Vendor == "azure-openai");
        Assert.Contains(azure.Evidence, e => e.Line == 10);
        var bedrock = Assert.Single(report.Subprocessors, s => s.Vendor == "aws-bedrock");
        Assert.Equal("EU (config: cross-Region inference profile: any EU Region of the profile)", bedrock.Region);
        Assert.Contains(bedrock.Evidence, e => e.Line == 14);
    }
}
