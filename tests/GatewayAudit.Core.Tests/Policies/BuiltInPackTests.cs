using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>Every built-in rule's own test cases run here, so a broken rule fails dotnet test.</summary>
public sealed class BuiltInPackTests
{
    private static readonly Lazy<(PolicyPack Pack, IReadOnlyList<Diagnostic> Diagnostics)> Loaded = new(() =>
        PolicyPack.Load([PolicyPack.RulesDir(BuiltIn.Root)], PolicyPack.RuleSchema(BuiltIn.Root), p => Path.GetFileName(p)));

    private static readonly Lazy<VendorCatalog> Catalog = new(() =>
        VendorCatalog.Load([BuiltIn.CatalogDir(BuiltIn.Root)], BuiltIn.CatalogSchema(BuiltIn.Root), p => p).Catalog);

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in Loaded.Value.Pack.Rules)
        {
            for (var i = 0; i < rule.Tests.Count; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }

    [Fact]
    public void Pack_loads_without_diagnostics()
    {
        Assert.Empty(Loaded.Value.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Pack_has_at_least_twenty_rules_each_with_a_firing_and_a_passing_case()
    {
        var rules = Loaded.Value.Pack.Rules;
        Assert.True(rules.Count >= 20, $"only {rules.Count} rules");
        foreach (var rule in rules)
        {
            Assert.True(rule.Tests.Any(t => t.ExpectFire), $"{rule.Id} has no case that fires");
            Assert.True(rule.Tests.Any(t => !t.ExpectFire), $"{rule.Id} has no case that passes");
            Assert.NotEmpty(rule.References);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), $"{rule.Id} has no description");
        }
    }

    [Fact]
    public void Rule_file_names_match_their_ids()
    {
        foreach (var rule in Loaded.Value.Pack.Rules)
        {
            Assert.Equal(rule.Id + ".yaml", rule.Origin.File);
        }
    }

    [Fact]
    public void Docs_list_every_built_in_rule_id()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "policies.md"));
        foreach (var rule in Loaded.Value.Pack.Rules)
        {
            Assert.Contains($"`{rule.Id}`", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Deployment_rules_point_at_the_deployment_file()
    {
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["examples/litellm-compose-stack"], WorkingDirectory = RepositoryRoot() });
        var finding = Assert.Single(audit.Findings, f => f.RuleId == "gateway-version-unpinned");
        Assert.Equal("examples/litellm-compose-stack/docker-compose.yaml:5", finding.Location!.ToString());
        Assert.Contains("main-latest", finding.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Audit.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Audit.sln not found above the test folder");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_case_holds(string ruleId, int index)
    {
        var rule = Loaded.Value.Pack.Find(ruleId)!;
        var runner = new RuleTestRunner(ReaderRegistry.Default, Catalog.Value, PolicySettings.Default);
        var result = runner.Run(rule, rule.Tests[index]);
        Assert.True(result.Passed, $"{ruleId} / {rule.Tests[index].Name}: {result.Detail}");
    }
}
