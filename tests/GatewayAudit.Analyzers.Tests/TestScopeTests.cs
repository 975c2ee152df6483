using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// Test projects are scoped out by default (gateway_audit.exclude_tests): fixtures that spell out the slugs and headers
/// an adapter must produce are the adapter's tests, not leaks. A test project is one whose IsTestProject build
/// property is true or that references a test framework.
/// </summary>
public class TestScopeTests
{
    private const string Fixture = """
        class OpenRouterAdapterTests
        {
            const string Model = "anthropic/claude-haiku-4.5";
            object Body() => new { model = Model, messages = new object[0], provider = new { zdr = true } };
            string Header() => "HTTP-Referer";
        }
        """;

    private const string FixtureMarked = """
        class OpenRouterAdapterTests
        {
            const string Model = {|GW002:"anthropic/claude-haiku-4.5"|};
            object Body() => new { model = Model, messages = new object[0], {|GW004:provider|} = new { {|GW004:zdr|} = true } };
            string Header() => {|GW001:"HTTP-Referer"|};
        }
        """;

    private static readonly DiagnosticResult FirstRun = new DiagnosticResult(RuleIdentifiers.AdapterNotDeclared, DiagnosticSeverity.Info).WithArguments(4);

    [Theory]
    [InlineData("xunit.core")]
    [InlineData("xunit.v3.core")]
    [InlineData("nunit.framework")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
    [InlineData("TUnit.Core")]
    public Task Project_referencing_a_test_framework_is_scoped_out_by_default(string framework) =>
        Verify.ProjectAsync([Fixture], [], [], references: [Verify.AssemblyNamed(framework)]);

    [Fact]
    public Task Project_with_the_IsTestProject_build_property_is_scoped_out_by_default() =>
        Verify.ProjectAsync([Fixture], [], [], globalconfig: "build_property.IsTestProject = true");

    [Theory]
    [InlineData("gateway_audit.exclude_tests = false", null)]
    [InlineData(null, "gateway_audit.exclude_tests = false")]
    public Task Exclude_tests_false_in_editorconfig_or_globalconfig_analyzes_test_projects(string? editorconfig, string? globalconfig) =>
        Verify.ProjectAsync([FixtureMarked], [FirstRun], editorconfig is null ? [] : [editorconfig], "build_property.IsTestProject = true\n" + globalconfig);

    [Theory]
    [InlineData("build_property.IsTestProject = false")]
    [InlineData("build_property.IsTestProject = ")]
    [InlineData(null)]
    public Task Other_projects_are_analyzed(string? globalconfig) =>
        Verify.ProjectAsync([FixtureMarked], [FirstRun], [], globalconfig, [Verify.AssemblyNamed("Microsoft.Extensions.Http")]);

    [Fact]
    public Task Exclude_tests_does_not_touch_ordinary_projects() =>
        Verify.ProjectAsync([FixtureMarked], [FirstRun], ["gateway_audit.exclude_tests = true"]);
}
