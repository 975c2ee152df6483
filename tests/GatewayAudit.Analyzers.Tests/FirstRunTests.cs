using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace GatewayAudit.Analyzers.Tests;

/// <summary>GW000: once per compilation, when something was reported and no adapter is declared, say how to declare one.</summary>
public class FirstRunTests
{
    private const string Code = """
        class OpenRouterClient
        {
            const string Model = {|GW002:"anthropic/claude-sonnet-4.6"|};
            string A() => Model;
            string B() => Model + "";
            string Url() => {|GW003:"https://openrouter.ai/api/v1"|};
        }
        """;

    private static DiagnosticResult Guidance(int warnings) => new DiagnosticResult(RuleIdentifiers.AdapterNotDeclared, DiagnosticSeverity.Info).WithArguments(warnings);

    [Fact]
    public Task No_adapter_and_warnings_give_one_guidance_and_uses_inside_the_declaring_class_are_not_repeated() =>
        Verify.ProjectAsync([Code, "class Other { string H() => {|GW001:\"X-Title\"|}; }"], [Guidance(3)], []);

    [Fact]
    public Task Adapter_declared_in_editorconfig_silences_the_guidance() =>
        Verify.ProjectAsync([Code], [], ["gateway_audit.adapter_types = Acme.Llm.OpenRouterAdapter"]);

    [Fact]
    public Task Adapter_marked_with_the_attribute_silences_the_guidance() =>
        Verify.ProjectAsync([Code, "class GatewayAdapterAttribute : System.Attribute { }\n[GatewayAdapter] class OpenRouterAdapter { }"], [], []);

    [Fact]
    public Task No_warnings_no_guidance() =>
        Verify.ProjectAsync(["class Agent { string M() => \"gpt-4o\"; }"], [], []);

    [Fact]
    public void Guidance_names_both_ways_to_declare_the_adapter()
    {
        var message = AdapterNotDeclaredRule.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("gateway_audit.adapter_types", message, StringComparison.Ordinal);
        Assert.Contains("[GatewayAdapter]", message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, AdapterNotDeclaredRule.Descriptor.DefaultSeverity);
    }
}
