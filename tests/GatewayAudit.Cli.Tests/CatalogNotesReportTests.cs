namespace GatewayAudit.Cli.Tests;

/// <summary>
/// A catalog fact's reader-facing note reaches the report's facts appendix; its maintainer note (research notes such
/// as "not in the stored copies") never reaches any output format.
/// </summary>
public sealed class CatalogNotesReportTests : IDisposable
{
    private const string ReaderNote = "Groq keeps no inference data by default.";
    private const string MaintainerNote = "Data Location section not in the stored copies; re-read before the next release.";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteStack()
    {
        _dir.Write("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: groq/llama-3.3-70b\n");
        var facts = string.Join("", new[] { "legalEntity", "country", "dataRegions", "defaultRetention", "trainsOnApiData", "certifications", "dpaUrl", "subprocessorListUrl" }
            .Select(f => $"  {f}:\n    value: unknown\n"));
        var zdr = $"  zdr:\n    value: unknown\n    note: \"{ReaderNote}\"\n    maintainerNote: \"{MaintainerNote}\"\n";
        _dir.Write("our-catalog/groq.yaml", $"id: groq\nname: Groq\nkind: model-provider\nhosts: [api.groq.com]\nfacts:\n{facts}{zdr}");
    }

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    public void The_reader_note_is_shown_and_the_maintainer_note_is_not(string format)
    {
        WriteStack();
        var report = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--catalog", "our-catalog", "--format", format).AssertNoStackTrace().AssertExit(0).Stdout;
        Assert.Contains(ReaderNote, report, StringComparison.Ordinal);
        Assert.DoesNotContain("stored copies", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("json")]
    public void Where_the_vendors_own_pages_disagree_the_report_shows_both_with_their_sources(string format)
    {
        // Together's ZDR page says prompts are stored unless ZDR is on; its privacy page says they are not stored.
        _dir.Write("config.yaml", "model_list:\n  - model_name: m\n    litellm_params:\n      model: together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo\n");
        var report = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--format", format).AssertNoStackTrace().AssertExit(0).Stdout;
        Assert.Contains("docs.together.ai/docs/zero-data-retention", report, StringComparison.Ordinal);
        Assert.Contains("docs.together.ai/docs/privacy-and-security", report, StringComparison.Ordinal);
        Assert.Contains("does not store inputs or outputs by default", report, StringComparison.Ordinal);
        if (format == "md")
        {
            Assert.Contains("| Default retention: another page of the vendor says | Together does not store inputs or outputs by default", report, StringComparison.Ordinal);
        }
    }
}
