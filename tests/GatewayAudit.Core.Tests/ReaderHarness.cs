using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests;

/// <summary>Reads a LiteLLM config text the way a scan does (optionally with the shipped catalog's host matching).</summary>
internal static class ReaderHarness
{
    public const string Cfg = "config.yaml";

    private static readonly Lazy<VendorCatalog> LazyCatalog = new(() =>
    {
        var (catalog, diagnostics) = LoadShippedCatalog();
        Assert.Empty(diagnostics);
        return catalog;
    });

    public static VendorCatalog ShippedCatalog => LazyCatalog.Value;

    public static (VendorCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) LoadShippedCatalog(params string[] extraFolders) =>
        VendorCatalog.Load(new[] { RepoPaths.Combine("policies", "catalog") }.Concat(extraFolders),
            RepoPaths.Combine("policies", "schema", "catalog.schema.json"), p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'));

    public static ReaderResult Read(string yaml, bool enrich = false)
    {
        var file = new InputFile(Cfg, "/scan/" + Cfg, yaml, namedExplicitly: true);
        var result = new LiteLlmConfigReader().Read(file);
        if (enrich)
        {
            CatalogEnrichment.Apply(result.Fragment, ShippedCatalog);
        }

        return result;
    }

    /// <summary>Scans a config as the CLI does (readers, catalog, policies) from a temporary folder.</summary>
    public static AuditResult Scan(string yaml)
    {
        using var folder = new TemporaryFolder();
        folder.Write(Cfg, yaml);
        return Auditor.Default.Run(new AuditOptions { Paths = [Cfg], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) });
    }

    /// <summary>The open questions the report of a scan asks, as "subject: question".</summary>
    public static IReadOnlyList<string> ReportQuestions(string yaml) =>
        Core.Reports.ReportBuilder.Build(Scan(yaml)).OpenQuestions.Select(q => $"{q.Subject}: {q.Question}").ToList();

    /// <summary>Reads and asserts there are no error diagnostics.</summary>
    public static StackModel ReadClean(string yaml, bool enrich = false)
    {
        var result = Read(yaml, enrich);
        Assert.True(!result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
            "unexpected errors:\n" + string.Join('\n', result.Diagnostics));
        return result.Fragment;
    }

    public static Component Get(this StackModel model, string id) =>
        model.Find(id) ?? throw new Xunit.Sdk.XunitException($"no component {id}; have: {string.Join(", ", model.Components.Select(c => c.Id))}");

    public static Flow Flow(this StackModel model, string from, string to) =>
        model.Flows.SingleOrDefault(f => f.From == from && f.To == to)
        ?? throw new Xunit.Sdk.XunitException($"no flow {from}->{to}; have: {string.Join(", ", model.Flows.Select(f => f.Key))}");

    public static string[] Lines(this Component component) => component.Evidence.Select(e => $"{e.File}:{e.Line}").ToArray();

    public static string Categories(this Flow flow) => string.Join(",", flow.DataCategories.Select(EnumText.Of));

    public static string Deployment(string model, string? apiBase = null) =>
        $"""
        model_list:
          - model_name: m
            litellm_params:
              model: {model}
        {(apiBase is null ? "" : $"      api_base: {apiBase}\n")}
        """;
}
