using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Catalog;

/// <summary>
/// What a fact carries besides its value: a reader-facing note, a maintainer-only note that never reaches a report,
/// and the other statements a vendor's own pages make when they disagree, each with its own source and date.
/// </summary>
public sealed class FactNotesTests
{
    /// <summary>Research wording that belongs in maintainerNote, never beside a fact in a report counsel reads.</summary>
    private static readonly string[] MaintainerPhrasing =
        ["not confirmed", "stored cop", "today", "third-party", "third party", "not read", "excerpt", "mirror"];

    /// <summary>
    /// Sites that summarise or review vendors' terms. They were once cited in the catalog; a third-party summary is
    /// never the source of a fact, least of all a legal one (the vendor's own page is).
    /// </summary>
    private static readonly string[] ThirdPartySummaries =
        ["conductatlas.com", "infercheck.eu", "meetily.ai", "tautoru.ai", "anteroom.so", "swanum.com", "discuss.ai.google.dev", "companyscope.io", "stav.ai"];

    /// <summary>A vendor whose facts are all unknown (as in <see cref="VendorCatalogTests"/>) but for a maintainer note and the zdr fact given.</summary>
    private static string Entry(string zdr) =>
        "id: acme-llm\nname: Acme LLM\nkind: model-provider\nhosts: []\n"
        + VendorCatalogTests.Facts
            .Replace("  legalEntity:\n    value: unknown", "  legalEntity:\n    value: unknown\n    maintainerNote: \"The imprint page was not in the stored copies.\"", StringComparison.Ordinal)
            .Replace("  zdr:\n    value: unknown", "  zdr:\n" + zdr.TrimEnd('\n'), StringComparison.Ordinal)
        + "\n";

    private const string ZdrWithAlternative = """
            value: "yes"
            source: https://docs.acme-llm.example/zdr
            checked: "2026-11-30"
            note: "Default for API traffic."
            maintainerNote: "Re-read both pages at the next check."
            alternatives:
              - value: "no"
                source: https://acme-llm.example/privacy
                checked: "2026-11-29"
                note: "The privacy policy says API inputs are kept for 30 days."
        """;

    private static (VendorCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) Load(string zdr)
    {
        using var dir = new TempDir();
        dir.Write("acme-llm.yaml", Entry(zdr));
        return ReaderHarness.LoadShippedCatalog(dir.Path);
    }

    [Fact]
    public void A_maintainer_note_is_kept_apart_from_the_reader_facing_note()
    {
        var (catalog, diagnostics) = Load(ZdrWithAlternative);
        Assert.Empty(diagnostics);
        var vendor = catalog.Find("acme-llm")!;
        var entity = vendor.Fact(Vendor.LegalEntity);
        Assert.Null(entity.Note);
        Assert.Equal("The imprint page was not in the stored copies.", entity.MaintainerNote);
        var zdr = vendor.Fact(Vendor.Zdr);
        Assert.Equal("Default for API traffic.", zdr.Note);
        Assert.Equal("Re-read both pages at the next check.", zdr.MaintainerNote);
    }

    [Fact]
    public void Where_the_vendors_pages_disagree_both_statements_keep_their_own_source_and_date()
    {
        var (catalog, diagnostics) = Load(ZdrWithAlternative);
        Assert.Empty(diagnostics);
        var zdr = catalog.Find("acme-llm")!.Fact(Vendor.Zdr);
        Assert.Equal("yes", zdr.Text);
        Assert.Equal("https://docs.acme-llm.example/zdr", zdr.Source!.ToString());
        var other = Assert.Single(zdr.Alternatives);
        Assert.Equal(("no", "https://acme-llm.example/privacy", new DateOnly(2026, 11, 29)), (other.Text, other.Source.ToString(), other.Checked));
        Assert.Equal("The privacy policy says API inputs are kept for 30 days.", other.Note);
    }

    [Theory]
    [InlineData("\n        source: https://acme-llm.example/privacy", "", "required key 'source' is missing")]
    [InlineData("\n        checked: \"2026-11-29\"", "", "required key 'checked' is missing")]
    [InlineData("- value: \"no\"", "- value: unknown", "'value' does not have the expected form")]
    public void An_alternative_needs_a_stated_value_a_source_and_a_date(string from, string to, string message)
    {
        var zdr = ZdrWithAlternative.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(ZdrWithAlternative, zdr);
        var (_, diagnostics) = Load(zdr);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains(message, StringComparison.Ordinal)
            && d.Location.File.EndsWith("acme-llm.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_fact_cannot_carry_alternatives()
    {
        var zdr = """
                value: unknown
                alternatives:
                  - value: "no"
                    source: https://acme-llm.example/privacy
                    checked: "2026-11-29"
            """;
        var (catalog, diagnostics) = Load(zdr);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, 16), (error.Severity, error.Location.Line));
        Assert.Contains("'alternatives'", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Find("acme-llm")!.Fact(Vendor.Zdr).Alternatives);
    }

    [Fact]
    public void No_shipped_reader_facing_note_is_written_for_maintainers()
    {
        var offending = ReaderHarness.ShippedCatalog.Vendors
            .SelectMany(v => v.Facts.Values.SelectMany(f => f.Alternatives.Select(a => a.Note).Prepend(f.Note))
                .OfType<string>()
                .Where(note => MaintainerPhrasing.Any(p => note.Contains(p, StringComparison.OrdinalIgnoreCase)))
                .Select(note => $"{v.Id}: {note}"))
            .ToList();
        Assert.True(offending.Count == 0, "move these to maintainerNote:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void Every_shipped_alternative_cites_a_page_of_its_own()
    {
        var facts = ReaderHarness.ShippedCatalog.Vendors.SelectMany(v => v.Facts.Values.Select(f => (v.Id, Fact: f))).Where(p => p.Fact.Alternatives.Count > 0).ToList();
        Assert.NotEmpty(facts);
        Assert.All(facts, p => Assert.All(p.Fact.Alternatives, a => Assert.NotEqual(p.Fact.Source, a.Source)));
    }

    [Fact]
    public void No_shipped_fact_cites_a_third_party_summary_of_a_vendor()
    {
        var cited = ReaderHarness.ShippedCatalog.Vendors
            .SelectMany(v => v.Facts.Values.SelectMany(f => f.Alternatives.Select(a => (Uri?)a.Source).Prepend(f.Source))
                .OfType<Uri>()
                .Where(source => ThirdPartySummaries.Any(site => source.Host == site || source.Host.EndsWith("." + site, StringComparison.Ordinal)))
                .Select(source => $"{v.Id}: {source}"))
            .ToList();
        Assert.True(cited.Count == 0, "cite the vendor's own page or leave the fact unknown:\n" + string.Join('\n', cited));
    }
}
