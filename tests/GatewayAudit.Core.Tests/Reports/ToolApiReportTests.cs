using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>
/// A tool API in the report: role <c>tool-api</c>, the annex's purpose in the tool's own words (never "LLM inference"),
/// what it receives said as text built from prompts, and a box in the diagram; Inngest's purpose is its run history.
/// </summary>
public sealed class ToolApiReportTests
{
    private static Report Scan(params (string Path, string Text)[] files)
    {
        using var folder = new TemporaryFolder();
        foreach (var (path, text) in files)
        {
            folder.Write("repo/" + path, text);
        }

        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["repo"], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) });
        Assert.True(audit.Complete, string.Join("\n", audit.Diagnostics.Select(d => d.Message)));
        return ReportBuilder.Build(audit);
    }

    [Fact]
    public void A_tool_api_is_a_sub_processor_whose_purpose_is_its_own_and_not_llm_inference()
    {
        var report = Scan(
            ("app/search.py", """
                import os

                from tavily import TavilyClient


                def search(query):
                    return TavilyClient(api_key=os.environ["TAVILY_API_KEY"]).search(query)

                """),
            ("src/inngest/client.ts", """
                import { Inngest } from "inngest";

                export const inngest = new Inngest({ id: "app" });

                """));

        var row = Assert.Single(report.Subprocessors, s => s.Id == "tool:tavily");
        Assert.Equal("tool-api", row.Role);
        Assert.True(row.ThirdParty);

        var annex = Assert.Single(report.Annex.Subprocessors, s => s.Id == "tool:tavily");
        Assert.Equal("web search on queries built from prompts", annex.Purpose);
        Assert.StartsWith("text built from prompts", annex.DataReceived, StringComparison.Ordinal);
        Assert.DoesNotContain("inference", annex.Purpose, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("AlphaAI Technologies Inc. (dba Tavily)", annex.LegalEntity);

        var inngest = Assert.Single(report.Annex.Subprocessors, s => s.Id == "exporter:inngest");
        Assert.StartsWith("durable workflow runs", inngest.Purpose, StringComparison.Ordinal);

        Assert.Contains("Tavily", report.Mermaid, StringComparison.Ordinal);
        Assert.Contains(report.Components, c => c.Id == "tool:tavily" && c.Role == "tool-api");
    }
}
