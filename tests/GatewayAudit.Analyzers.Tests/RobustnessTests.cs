using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// The analyzer never throws (no AD0001), whatever the code: broken syntax, unresolved symbols, huge or deeply
/// built strings, malformed JSON in strings. Run through CompilationWithAnalyzers so that an exception is seen.
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string> HostileSources() =>
    [
        "class C { string M() => \"openai/gpt-4o\" + ; }",
        "class C { object M() => new { provider = , messages }; }",
        "class C { [JsonPropertyName(\"provider\")] Unknown P { get; set; } [JsonPropertyName(] int Q; }",
        "class C { const string A = B; const string B = A; string M() => A + \"X-Title\"; }",
        "class C { string M() => \"\"\"\n{ \"provider\": { \"order\": [ \"a\", { \"x\": \n\"\"\"; }",
        "class C { string M() => \"{\\\"a\\\": \\\"\\\\\"; }",
        "class C { string M() => $\"{{\\\"messages\\\": [], \\\"provider\\\": {x}}}\"; }",
        "[GatewayAdapter(] class C { string M() => \"X-Title\"; }",
        "class C { void M() { var d = new System.Collections.Generic.Dictionary<string, object> { [null!] = 1, [\"models\"] = new { } }; } }",
        "namespace { class { string = \"https://openrouter.ai\"; } }",
        "class C<T> where T : C<T> { string M() => \"https://openrouter.ai:notaport/\" + \"x\"; }",
    ];

    [Theory]
    [MemberData(nameof(HostileSources))]
    public async Task Broken_code_never_makes_the_analyzer_throw(string source) => await AssertNoAnalyzerExceptionAsync(source);

    [Fact]
    public async Task A_long_constant_concatenation_is_checked_once_without_throwing()
    {
        var source = "class C { const string S = " + string.Join(" + ", Enumerable.Repeat("\"ab\"", 2_000)) + "; string M() => S + \"/x\"; }";
        await AssertNoAnalyzerExceptionAsync(source);
    }

    [Fact]
    public async Task Deeply_nested_json_in_a_string_does_not_throw()
    {
        var json = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            json.Append("{\\\"provider\\\": ");
        }

        var source = "class C { string M() => \"" + json + "\"; }";
        await AssertNoAnalyzerExceptionAsync(source);
    }

    private static async Task AssertNoAnalyzerExceptionAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/src/Hostile.cs");
        var compilation = CSharpCompilation.Create("Hostile", [tree], Verify.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GatewayLeakAnalyzer()), options);
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
