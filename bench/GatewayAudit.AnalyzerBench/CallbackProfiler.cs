using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GatewayAudit.AnalyzerBench;

/// <summary>
/// <c>--profile-callbacks</c>: ReportAnalyzer times one DiagnosticAnalyzer class as a whole, and GatewayLeakAnalyzer is
/// one class, so it cannot say which callback costs what. This runs the analyzer in-process (Roslyn 5.0 API;
/// single-threaded analysis) over the generated sources, with every callback it
/// registers wrapped to add up its own thread CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID), so time spent
/// preempted by other processes is not counted). A no-op analyzer with empty Literal and FieldReference callbacks
/// shows what the analyzer driver itself charges to any analyzer that registers operation actions.
/// </summary>
internal static class CallbackProfiler
{
    public static string Run(string scratch, int iterations)
    {
        var src = Path.Combine(scratch, "src");
        var dll = Path.Combine(scratch, "analyzers", Scratch.AnalyzerDll);
        if (!Directory.Exists(src) || !File.Exists(dll))
        {
            throw new BenchmarkException($"{scratch} holds no generated project and analyzer copy; run the benchmark (or --generate-only) first");
        }

        var compilation = Compile(src);
        var bindStart = ThreadCpu.Now();
        var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var bindSeconds = (ThreadCpu.Now() - bindStart) / 1e9;
        if (errors > 0)
        {
            throw new BenchmarkException($"the generated project has {errors} compile errors in-process");
        }

        var ours = (DiagnosticAnalyzer)Activator.CreateInstance(
            Assembly.LoadFrom(dll).GetTypes().Single(t => t.Name == "GatewayLeakAnalyzer"))!;
        var options = new AnalyzerOptions([], new AdapterOptionsProvider());
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"In-process callback profile (`--profile-callbacks`), {compilation.SyntaxTrees.Count():N0} files; binding every method body once (GetDiagnostics) took {bindSeconds:0.00} s of thread CPU. ");
        s.Append(CultureInfo.InvariantCulture, $"Callback CPU is the median over {iterations} runs; \"driver-reported\" is Roslyn's own execution-time telemetry for the analyzer (what ReportAnalyzer prints).\n\n");
        s.Append("| analyzer | callback | calls | callback CPU | per call |\n|---|---|---:|---:|---:|\n");
        foreach (var (label, analyzer) in new (string, DiagnosticAnalyzer)[] { ("no-op (empty Literal + FieldReference callbacks)", new NoOpAnalyzer()), ("GatewayLeakAnalyzer", ours) })
        {
            var runs = new List<(Dictionary<string, (long Nanoseconds, long Calls)> Callbacks, double Reported)>();
            for (var i = 0; i < iterations + 1; i++)
            {
                var timed = new TimedAnalyzer(analyzer);
                var withAnalyzers = compilation.WithAnalyzers([timed], new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                _ = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                var reported = withAnalyzers.GetAnalyzerTelemetryInfoAsync(timed, default).GetAwaiter().GetResult().ExecutionTime.TotalSeconds;
                if (i > 0)
                {
                    runs.Add((timed.Times.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), reported));
                }
            }

            var names = runs.SelectMany(r => r.Callbacks.Keys).Distinct(StringComparer.Ordinal).ToList();
            var rows = names
                .Select(n => (Name: n, Calls: runs[0].Callbacks.GetValueOrDefault(n).Calls, Seconds: Median(runs.Select(r => r.Callbacks.GetValueOrDefault(n).Nanoseconds / 1e9))))
                .OrderByDescending(r => r.Seconds)
                .ToList();
            foreach (var (name, calls, seconds) in rows)
            {
                s.Append(CultureInfo.InvariantCulture, $"| {label} | {name} | {calls:N0} | {seconds:0.000} s | {seconds / Math.Max(1, calls) * 1e6:0.00} µs |\n");
            }

            s.Append(CultureInfo.InvariantCulture, $"| {label} | **all callbacks** / driver-reported | | **{rows.Sum(r => r.Seconds):0.000} s** | {Median(runs.Select(r => r.Reported)):0.000} s reported |\n");
        }

        AppendAddedCpu(s, compilation, options, ours, iterations);
        return s.ToString();
    }

    /// <summary>
    /// Process CPU of binding the whole project (GetDiagnostics on a fresh clone) with and without each analyzer,
    /// single-threaded: the difference is what the analyzer adds, its callbacks and the driver's work for it
    /// together. No emit and no SDK analyzers here, so the share is larger than in a real build.
    /// </summary>
    private static void AppendAddedCpu(StringBuilder s, CSharpCompilation compilation, AnalyzerOptions options, DiagnosticAnalyzer ours, int iterations)
    {
        var sets = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, AnalyzerOptions Options)>
        {
            ("compile only (bind every body)", [], options),
            ("+ no-op analyzer", [new NoOpAnalyzer()], options),
            ("+ GatewayLeakAnalyzer", [ours], options),
        };
        var banned = BannedApiAnalyzers(out var bannedNote);
        if (banned.Length > 0)
        {
            sets.Add(("+ BannedApiAnalyzers 5.6.0", banned, new AnalyzerOptions([new BannedSymbolsText()], options.AnalyzerConfigOptionsProvider)));
        }

        var results = new List<(string Name, double Cpu, int Diagnostics)>();
        foreach (var (name, analyzers, analyzerOptions) in sets)
        {
            var cpu = new List<double>();
            var count = 0;
            for (var i = 0; i < iterations + 1; i++)
            {
                var clone = compilation.Clone();
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                var diagnostics = analyzers.IsEmpty
                    ? clone.GetDiagnostics()
                    : clone.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                        .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                count = diagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning && !ExemptByEditorConfig(d));
                var used = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
                if (i > 0)
                {
                    cpu.Add(used);
                }
            }

            results.Add((name, Median(cpu), count));
        }

        var baseline = results[0].Cpu;
        var floor = results[1].Cpu;
        s.Append(CultureInfo.InvariantCulture, $"\nAdded CPU in-process (process CPU, GC included, of compiling the project once with the analyzer, single-threaded, median of {iterations} runs on fresh compilations). ");
        s.Append("The first analyzer of any kind makes the driver build operation trees and compilation events for everything, which a real build pays already for the SDK's analyzers, so compare with the no-op row:\n\n");
        s.Append("| run | process CPU | added vs compile only | added vs no-op analyzer | warnings |\n|---|---:|---:|---:|---:|\n");
        foreach (var (name, cpu, count) in results)
        {
            s.Append(CultureInfo.InvariantCulture, $"| {name} | {cpu:0.00} s | {cpu - baseline:+0.00;-0.00;0.00} s | {(name.StartsWith('+') && name != results[1].Name ? (cpu - floor).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " s" : "")} | {count} |\n");
        }

        if (bannedNote is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $"\n{bannedNote}\n");
        }
    }

    /// <summary>RS0030 in the adapter files, which the generated .editorconfig turns off in the real builds.</summary>
    private static bool ExemptByEditorConfig(Diagnostic d)
    {
        var path = d.Location.SourceTree?.FilePath.Replace('\\', '/') ?? string.Empty;
        return d.Id == "RS0030" && (path.Contains("/src/Llm/Gateway/", StringComparison.Ordinal) || path.EndsWith("/src/Llm/Legacy/LegacyOpenRouterClient.cs", StringComparison.Ordinal));
    }

    /// <summary>The C# BannedApiAnalyzers from the NuGet cache (the package the bannedapi configuration restored).</summary>
    private static ImmutableArray<DiagnosticAnalyzer> BannedApiAnalyzers(out string? note)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var dll = Path.Combine(packages, "microsoft.codeanalysis.bannedapianalyzers", "5.6.0", "analyzers", "dotnet", "cs", "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll");
        note = null;
        try
        {
            var analyzers = Assembly.LoadFrom(dll).GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            return analyzers;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ReflectionTypeLoadException or MissingMethodException or TypeLoadException)
        {
            note = $"BannedApiAnalyzers 5.6.0 could not be loaded ({e.GetType().Name}: {e.Message}); its row is left out.";
            return [];
        }
    }

    private sealed class BannedSymbolsText : AdditionalText
    {
        public override string Path => "BannedSymbols.txt";

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(Scratch.BannedSymbols);
    }

    private static CSharpCompilation Compile(string src)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parse, p))
            .Append(CSharpSyntaxTree.ParseText(
                "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
                + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
                parse,
                "GlobalUsings.g.cs"))
            .ToList();
        return CSharpCompilation.Create("Contoso.Agents", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
    }

    /// <summary>The reference assemblies of the running framework's ref pack, else the runtime's own assemblies.</summary>
    private static List<MetadataReference> References()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var refDir = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(d => Path.Combine(d, "ref", $"net{Environment.Version.Major}.0"))
                .Where(Directory.Exists)
                .Order(StringComparer.Ordinal)
                .LastOrDefault()
            : null;
        var files = refDir is not null
            ? Directory.GetFiles(refDir, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The same options for every file as the generated .editorconfig's [*.cs] section.</summary>
    private sealed class AdapterOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AdapterOptions PerFile = new(global: false);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new AdapterOptions(global: true);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => PerFile;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => PerFile;

        private sealed class AdapterOptions(bool global) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = global || key != "gateway_audit.adapter_types"
                    ? string.Empty
                    : "Contoso.Agents.Llm.Gateway.*, Contoso.Agents.Llm.Legacy.LegacyOpenRouterClient";
                return value.Length > 0;
            }
        }
    }

    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        [ThreadStatic]
        private static long[]? _buffer;

        public static long Now()
        {
            _buffer ??= new long[2];
            return ClockGetTime(ClockThreadCpuTimeId, _buffer) == 0 ? (_buffer[0] * 1_000_000_000) + _buffer[1] : 0;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, [Out] long[] timespec);
    }

#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1041, RS2008 // measurement wrappers, never loaded by a compiler
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("NOOP001", "no-op", "no-op", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Literal);
            context.RegisterOperationAction(_ => { }, OperationKind.FieldReference);
        }
    }

    /// <summary>Forwards to the analyzer under test, wrapping every callback it registers in a CPU timer.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class TimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
    {
        public ConcurrentDictionary<string, (long Nanoseconds, long Calls)> Times { get; } = new(StringComparer.Ordinal);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => inner.Initialize(new TimedContext(context, this));

        private Action<T> Wrap<T>(string name, Action<T> action) => argument =>
        {
            var start = ThreadCpu.Now();
            action(argument);
            var elapsed = ThreadCpu.Now() - start;
            Times.AddOrUpdate(name, (elapsed, 1), (_, t) => (t.Nanoseconds + elapsed, t.Calls + 1));
        };

        private sealed class TimedContext(AnalysisContext context, TimedAnalyzer owner) : AnalysisContext
        {
            public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                context.RegisterCompilationStartAction(owner.Wrap<CompilationStartAnalysisContext>("compilation start (setup)", start => action(new TimedStart(start, owner))));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationAction(owner.Wrap("compilation", action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => context.RegisterSemanticModelAction(owner.Wrap("semantic model", action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
                context.RegisterSymbolAction(owner.Wrap("symbol " + string.Join(", ", symbolKinds), action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
                context.RegisterCodeBlockStartAction(owner.Wrap("code block start", action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(owner.Wrap("code block", action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(owner.Wrap("syntax tree", action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                context.RegisterSyntaxNodeAction(owner.Wrap("syntax node " + string.Join(", ", syntaxKinds), action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                context.RegisterOperationAction(owner.Wrap("operation " + string.Join(", ", operationKinds), action), operationKinds);
        }

        private sealed class TimedStart(CompilationStartAnalysisContext start, TimedAnalyzer owner)
            : CompilationStartAnalysisContext(start.Compilation, start.Options, start.CancellationToken)
        {
            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => start.RegisterCompilationEndAction(owner.Wrap("compilation end", action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => start.RegisterSemanticModelAction(owner.Wrap("semantic model", action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
                start.RegisterSymbolAction(owner.Wrap("symbol " + string.Join(", ", symbolKinds), action), symbolKinds);

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
                start.RegisterSymbolStartAction(owner.Wrap("symbol start " + symbolKind, action), symbolKind);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
                start.RegisterCodeBlockStartAction(owner.Wrap("code block start", action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => start.RegisterCodeBlockAction(owner.Wrap("code block", action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => start.RegisterSyntaxTreeAction(owner.Wrap("syntax tree", action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                start.RegisterSyntaxNodeAction(owner.Wrap("syntax node " + string.Join(", ", syntaxKinds), action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                start.RegisterOperationAction(owner.Wrap("operation " + string.Join(", ", operationKinds), action), operationKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => start.RegisterOperationBlockStartAction(owner.Wrap("operation block start", action));

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => start.RegisterOperationBlockAction(owner.Wrap("operation block", action));
        }
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS1036, RS1041, RS2008
}
