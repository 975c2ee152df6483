namespace GatewayAudit.Cli.Tests;

/// <summary>
/// `catalog check` tells a team which vendor facts are due for re-verification before an annex quoting them is
/// signed: sourced facts (and disagreeing alternatives) older than --max-age, oldest first, exit 1 when any.
/// </summary>
public sealed class CatalogCheckTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteVendor()
    {
        const string unknownFacts = "  legalEntity:\n    value: unknown\n  country:\n    value: unknown\n  dataRegions:\n    value: unknown\n" +
            "  trainsOnApiData:\n    value: unknown\n  certifications:\n    value: unknown\n  dpaUrl:\n    value: unknown\n  subprocessorListUrl:\n    value: unknown\n";
        _dir.Write("our-catalog/acme-llm.yaml",
            "id: acme-llm\nname: Acme LLM\nkind: model-provider\nhosts: [api.acme-llm.example]\nfacts:\n" + unknownFacts +
            "  defaultRetention:\n    value: \"30 days\"\n    days: 30\n    source: https://acme-llm.example/retention\n    checked: \"2025-01-10\"\n" +
            "    alternatives:\n      - value: \"not stored\"\n        source: https://acme-llm.example/privacy\n        checked: \"2026-06-01\"\n" +
            "  zdr:\n    value: \"yes\"\n    source: https://acme-llm.example/zdr\n    checked: \"2026-01-01\"\n");
    }

    [Fact]
    public void Facts_older_than_the_period_are_listed_oldest_first_with_the_page_to_reread_and_exit_1()
    {
        WriteVendor();
        var run = CliRunner.Run(_dir.Path, "catalog", "check", "--catalog", "our-catalog", "--as-of", "2026-07-01", "--max-age", "180")
            .AssertNoStackTrace().AssertExit(1);
        var ours = run.Stdout.Split('\n').Where(l => l.StartsWith("acme-llm", StringComparison.Ordinal)).ToList();
        // 2025-01-10 is 537 days before, 2026-01-01 is 181; the alternative of 2026-06-01 (30 days) is fresh.
        Assert.Equal(2, ours.Count);
        Assert.Contains("defaultRetention", ours[0], StringComparison.Ordinal);
        Assert.Contains("2025-01-10   537d  https://acme-llm.example/retention", ours[0], StringComparison.Ordinal);
        Assert.Contains("zdr", ours[1], StringComparison.Ordinal);
        Assert.Contains("181d  https://acme-llm.example/zdr", ours[1], StringComparison.Ordinal);
        Assert.DoesNotContain("acme-llm.example/privacy", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disagreeing_page_past_the_period_is_listed_as_well()
    {
        WriteVendor();
        var run = CliRunner.Run(_dir.Path, "catalog", "check", "--catalog", "our-catalog", "--as-of", "2026-12-01", "--max-age", "100")
            .AssertNoStackTrace().AssertExit(1);
        Assert.Contains("https://acme-llm.example/privacy", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_exactly_at_the_limit_is_not_yet_due()
    {
        WriteVendor();
        var run = CliRunner.Run(_dir.Path, "catalog", "check", "--catalog", "our-catalog", "--as-of", "2026-06-30", "--max-age", "180");
        Assert.DoesNotContain("acme-llm.example/zdr", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_catalog_read_on_its_checked_dates_is_current()
    {
        CliRunner.Run(_dir.Path, "catalog", "check", "--as-of", "2026-11-30").AssertNoStackTrace().AssertExit(0);
    }

    [Theory]
    [InlineData("--as-of", "2026-13-01", "--as-of must be a date written YYYY-MM-DD, not '2026-13-01'.")]
    [InlineData("--max-age", "-1", "--max-age must be 0 or more days, not -1.")]
    public void Bad_options_are_refused_with_the_reason(string option, string value, string message)
    {
        var run = CliRunner.Run(_dir.Path, "catalog", "check", option, value).AssertNoStackTrace().AssertExit(2);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }
}
