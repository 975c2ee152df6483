using System.Collections.Immutable;
using GatewayAudit.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// Runs <see cref="GatewayLeakAnalyzer"/> over sources written with the testing library's markup
/// (<c>{|GW002:"anthropic/claude-sonnet-4.6"|}</c>) and checks that exactly the marked spans are reported.
/// </summary>
public static class Verify
{
    /// <summary>
    /// The references are the running .NET's own assemblies (trusted platform assemblies), listed once. That keeps
    /// the tests offline: the testing library's ReferenceAssemblies presets would download reference packs from a
    /// NuGet feed while the tests run.
    /// Every test shares this one list (also <see cref="RobustnessTests"/>): Roslyn keeps the metadata it read per
    /// reference object, so a list built per test would read every one of these assemblies again for each compilation.
    /// </summary>
    internal static ImmutableArray<MetadataReference> References => s_references;

    private static readonly ImmutableArray<MetadataReference> s_references =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private static readonly ReferenceAssemblies s_noPackages = new("net10.0");

    /// <summary>Analyzes <paramref name="source"/>; <paramref name="editorconfig"/> lines go under <c>[*.cs]</c>.</summary>
    public static Task AnalyzerAsync(string source, params string[] editorconfig) => AnalyzerAsync([source], editorconfig);

    public static Task AnalyzerAsync(string[] sources, params string[] editorconfig) => AnalyzerAsync(sources, [], editorconfig);

    /// <summary>For sources the markup cannot hold (it reads "$$" as a caret and "{|" as a span): expected diagnostics spelled out.</summary>
    public static Task AnalyzerAsync(string source, DiagnosticResult[] expected, params string[] editorconfig) => AnalyzerAsync([source], expected, editorconfig);

    /// <summary>An executable (top-level statements).</summary>
    public static Task ProgramAsync(string source) => AnalyzerAsync([source], [], [], OutputKind.ConsoleApplication);

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>
    /// With everything a test needs spelled out: GW000 (the first-run guidance, off in the other helpers so that each
    /// rule's tests list only that rule) is checked too, a <c>.globalconfig</c> (build properties) and extra references
    /// (a stand-in test framework assembly) can be given.
    /// </summary>
    public static Task ProjectAsync(string[] sources, DiagnosticResult[] expected, string[] editorconfig, string? globalconfig = null, MetadataReference[]? references = null) =>
        AnalyzerAsync(sources, expected, editorconfig, OutputKind.DynamicallyLinkedLibrary, firstRunGuidance: true, globalconfig, references);

    /// <summary>
    /// A metadata reference to an empty assembly called <paramref name="name"/>, standing in for a package's DLL;
    /// compiled once per name for the test run (a reference is immutable, so tests sharing it share no state).
    /// </summary>
    public static MetadataReference AssemblyNamed(string name) => s_standIns.GetOrAdd(name, CompileStandIn);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MetadataReference> s_standIns = new(StringComparer.Ordinal);

    private static MetadataReference CompileStandIn(string name)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText("namespace Stand.In { public sealed class Marker { } }")], s_references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static async Task AnalyzerAsync(
        string[] sources, DiagnosticResult[] expected, string[] editorconfig, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        bool firstRunGuidance = false, string? globalconfig = null, MetadataReference[]? references = null)
    {
        var test = new CSharpAnalyzerTest<GatewayLeakAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = s_noPackages,
        };
        if (!firstRunGuidance)
        {
            test.DisabledDiagnostics.Add(RuleIdentifiers.AdapterNotDeclared);
        }

        if (globalconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalconfig + "\n"));
        }

        test.TestState.AdditionalReferences.AddRange(s_references);
        test.TestState.AdditionalReferences.AddRange(references ?? []);
        test.TestState.OutputKind = outputKind;
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/src/File{i}.cs", sources[i]));
        }

        if (editorconfig.Length > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", editorconfig) + "\n"));
        }

        if (expected.Length > 0 && !firstRunGuidance)
        {
            test.TestState.MarkupHandling = MarkupMode.None;
        }

        test.ExpectedDiagnostics.AddRange(expected);

        await test.RunAsync();
    }
}
