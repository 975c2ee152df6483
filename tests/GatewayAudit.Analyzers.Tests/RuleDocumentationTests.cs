using System.Reflection;
using GatewayAudit.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// Docs that cannot drift: every rule the analyzers support has its id in its help link, a doc at that path whose
/// title is the descriptor's, a row in docs/analyzer.md and in the release-tracking file; every option key is documented.
/// </summary>
public class RuleDocumentationTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(GatewayLeakAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal);

    [Fact]
    public void The_contract_ids_are_supported()
    {
        Assert.Equal(["GW000", "GW001", "GW002", "GW003", "GW004"], AllDescriptors().Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_help_link_and_a_doc_titled_like_its_descriptor(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Equal(RuleIdentifiers.Category, descriptor.Category);
        Assert.Equal(id == RuleIdentifiers.AdapterNotDeclared ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);

        var doc = File.ReadAllText(RepoPaths.Combine("docs", "rules", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", doc, StringComparison.Ordinal);
        Assert.Contains("## Bad", doc, StringComparison.Ordinal);
        Assert.Contains("## Good", doc, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_listed_in_the_analyzer_doc_and_release_tracking(string id)
    {
        static string descriptorSeverity(string id) => AllDescriptors().Single(d => d.Id == id).DefaultSeverity.ToString();
        var overview = File.ReadAllText(RepoPaths.Combine("docs", "analyzer.md"));
        Assert.Contains($"| {id} |", overview, StringComparison.Ordinal);
        Assert.Contains($"(rules/{id}.md)", overview, StringComparison.Ordinal);

        var releases = File.ReadAllText(RepoPaths.Combine("analyzers", "GatewayAudit.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(RepoPaths.Combine("analyzers", "GatewayAudit.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains($"{id} | {RuleIdentifiers.Category} | {descriptorSeverity(id)} |", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_editorconfig_key_is_documented()
    {
        var overview = File.ReadAllText(RepoPaths.Combine("docs", "analyzer.md"));
        var keys = typeof(GatewayVocabulary).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(6, keys.Count);
        foreach (var key in keys)
        {
            Assert.Contains($"`{key}`", overview, StringComparison.Ordinal);
        }
    }
}
