using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Catalog;

/// <summary>The vendor catalog: the shipped data is clean, and bad entries are refused with file, line and key.</summary>
public sealed class VendorCatalogTests
{
    internal const string Facts = """
        facts:
          legalEntity:
            value: unknown
          country:
            value: unknown
          dataRegions:
            value: unknown
          defaultRetention:
            value: unknown
          zdr:
            value: unknown
          trainsOnApiData:
            value: unknown
          certifications:
            value: unknown
          dpaUrl:
            value: unknown
          subprocessorListUrl:
            value: unknown
        """;

    private static string Vendor(string id, string name, string hosts = "[]", string facts = Facts) =>
        $"id: {id}\nname: {name}\nkind: model-provider\nhosts: {hosts}\n{facts}\n";

    private static (VendorCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) LoadWith(TempDir dir) =>
        ReaderHarness.LoadShippedCatalog(dir.Path);

    [Fact]
    public void Shipped_catalog_loads_with_zero_diagnostics()
    {
        var (catalog, diagnostics) = ReaderHarness.LoadShippedCatalog();
        Assert.True(diagnostics.Count == 0, string.Join('\n', diagnostics));
        Assert.True(catalog.Vendors.Count() >= 70, $"only {catalog.Vendors.Count()} vendors");
    }

    [Fact]
    public void Every_known_shipped_fact_has_an_https_source_and_a_check_date()
    {
        var facts = ReaderHarness.ShippedCatalog.Vendors.SelectMany(v => v.Facts.Values.Select(f => (v.Id, Fact: f))).Where(p => p.Fact.Known).ToList();
        Assert.NotEmpty(facts);
        Assert.All(facts, p =>
        {
            Assert.True(p.Fact.Source is { Scheme: "https" }, $"{p.Id}.{p.Fact.Name} has no https source");
            Assert.True(p.Fact.Checked is not null, $"{p.Id}.{p.Fact.Name} has no check date");
        });
    }

    [Fact]
    public void Every_shipped_file_is_named_after_its_vendor_id()
    {
        foreach (var vendor in ReaderHarness.ShippedCatalog.Vendors)
        {
            Assert.Equal($"{vendor.Id}.yaml", Path.GetFileName(vendor.Origin));
        }
    }

    [Fact]
    public void A_fact_with_a_value_but_no_source_is_rejected_at_its_line()
    {
        using var dir = new TempDir();
        var facts = Facts.Replace("  zdr:\n    value: unknown", "  zdr:\n    value: \"yes\"", StringComparison.Ordinal);
        dir.Write("acme.yaml", Vendor("acme", "Acme AI", facts: facts));
        var (catalog, diagnostics) = LoadWith(dir);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.EndsWith("acme.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Equal(15, error.Location.Line);
        Assert.Contains("source", error.Message, StringComparison.Ordinal);
        Assert.False(catalog.Find("acme")!.Fact(Core.Catalog.Vendor.Zdr).Known, "an unsourced fact must not be used");
    }

    [Fact]
    public void A_user_catalog_overrides_a_shipped_vendor_by_id_and_keeps_the_rest()
    {
        using var dir = new TempDir();
        dir.Write("groq.yaml", Vendor("groq", "Groq (our reviewed entry)", "[api.groq.com]"));
        var (catalog, diagnostics) = LoadWith(dir);
        Assert.Empty(diagnostics);
        Assert.Equal("Groq (our reviewed entry)", catalog.Find("groq")!.Name);
        Assert.False(catalog.Find("groq")!.Fact(Core.Catalog.Vendor.Zdr).Known);
        Assert.Equal(ReaderHarness.ShippedCatalog.Vendors.Count(), catalog.Vendors.Count());
        Assert.Equal("groq", catalog.FindByHost("api.groq.com")!.Id);
    }

    [Fact]
    public void A_user_catalog_can_add_a_vendor_matched_by_host()
    {
        using var dir = new TempDir();
        dir.Write("acme-llm.yaml", Vendor("acme-llm", "Acme LLM", "[.acme-llm.example]"));
        var (catalog, _) = LoadWith(dir);
        Assert.Equal("acme-llm", catalog.FindByHost("eu.acme-llm.example")!.Id);
        Assert.Equal("acme-llm", catalog.FindByHost("acme-llm.example")!.Id);
        Assert.Null(catalog.FindByHost("notacme-llm.example"));
    }

    [Fact]
    public void Aliases_are_read_so_a_signed_dpa_can_name_the_vendor_by_its_legal_entity()
    {
        using var dir = new TempDir();
        dir.Write("acme-llm.yaml", Vendor("acme-llm", "Acme LLM").Replace("hosts: []", "hosts: []\naliases: [Acme Intelligence GmbH, AcmeAI]"));
        var (catalog, diagnostics) = LoadWith(dir);
        Assert.Empty(diagnostics);
        Assert.Equal(["Acme Intelligence GmbH", "AcmeAI"], catalog.Vendors.Single(v => v.Id == "acme-llm").Aliases);
    }

    [Fact]
    public void Aliases_must_be_a_list_of_names()
    {
        using var dir = new TempDir();
        dir.Write("acme-llm.yaml", Vendor("acme-llm", "Acme LLM").Replace("hosts: []", "hosts: []\naliases: Acme GmbH"));
        var (_, diagnostics) = LoadWith(dir);
        Assert.Contains(diagnostics, d => d.Message.Contains("aliases", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kind: model-provider", "kind: telepathy", "'kind' has a value ('telepathy') that is not one of the allowed values: ", 3)]
    [InlineData("hosts: []\n", "", "required key 'hosts' is missing", 1)]
    [InlineData("  country:\n    value: unknown", "  country:\n    value: unknown\n    valu: x", "unknown key 'valu'", 10)]
    [InlineData("  country:\n    value: unknown", "  country:\n    value: Germany\n    source: https://x.example\n    checked: \"2026-01-01\"", "'value' does not have the expected form ('Germany')", 9)]
    [InlineData("name: Acme AI", "name: [a, b]", "'name' must be text", 2)]
    [InlineData("facts:", "extra: 1\nfacts:", "unknown key 'extra'", 5)]
    public void Schema_errors_name_the_key_and_line(string from, string to, string message, int line)
    {
        using var dir = new TempDir();
        var text = Vendor("acme", "Acme AI").Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Vendor("acme", "Acme AI"), text);
        dir.Write("acme.yaml", text);
        var (_, diagnostics) = LoadWith(dir);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains(message, StringComparison.Ordinal) && d.Location.Line == line);
    }

    [Fact]
    public void Malformed_yaml_in_a_catalog_file_is_an_error_with_its_path_and_line()
    {
        using var dir = new TempDir();
        dir.Write("broken.yaml", "id: broken\nname: [unclosed\n");
        var (_, diagnostics) = LoadWith(dir);
        var error = Assert.Single(diagnostics);
        Assert.Equal("yaml-syntax", error.Code);
        Assert.EndsWith("broken.yaml", error.Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_catalog_folder_is_an_error()
    {
        var (_, diagnostics) = ReaderHarness.LoadShippedCatalog("/nonexistent/catalog-folder");
        Assert.Equal("catalog-missing", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_file_named_differently_from_its_id_warns()
    {
        using var dir = new TempDir();
        dir.Write("acme.yaml", Vendor("acme-ai", "Acme AI"));
        var (catalog, diagnostics) = LoadWith(dir);
        Assert.Equal(("catalog-id", DiagnosticSeverity.Warning), (Assert.Single(diagnostics).Code, diagnostics[0].Severity));
        Assert.NotNull(catalog.Find("acme-ai"));
    }
}
