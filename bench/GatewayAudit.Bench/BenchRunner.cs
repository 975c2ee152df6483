using System.Diagnostics;
using System.Globalization;
using System.Text;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Bench;

/// <summary>
/// A plain Stopwatch runner: warm up, then time N iterations and report median, min and allocated bytes per
/// operation (GC.GetAllocatedBytesForCurrentThread). Usage: dotnet run -c Release --project bench/GatewayAudit.Bench [-- --quick].
/// Prints a Markdown table for bench/RESULTS.md. Numbers are for comparison between commits, never asserted in tests.
/// </summary>
public static class BenchRunner
{
    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var root = FindRepoRoot();
        var large = LargeConfig.Generate(deployments: 5_000, callbacks: 200);
        var largePath = Path.Combine(Path.GetTempPath(), "gateway-audit-bench-large.yaml");
        File.WriteAllText(largePath, large);

        var results = new List<(string Name, Measurement M)>();
        var iterations = quick ? 3 : 15;

        results.Add(("Load YAML, large config (5,000 deployments, 200 callbacks)", Measure(iterations, () =>
        {
            var (document, _) = new SafeYamlLoader().Load("config.yaml", large);
            GC.KeepAlive(document);
        })));

        results.Add(("Load + read (LiteLLM reader), large config", Measure(iterations, () =>
        {
            var result = new LiteLlmConfigReader().Read(new InputFile("config.yaml", largePath, large, namedExplicitly: true));
            GC.KeepAlive(result);
        })));

        results.Add(("Full scan of the large config (discovery, catalog, reader, rule pack) + JSON", Measure(iterations, () =>
        {
            var audit = Auditor.Default.Run(new AuditOptions { Paths = [largePath], WorkingDirectory = Path.GetTempPath() });
            GC.KeepAlive(new JsonRenderer().Render(ReportBuilder.Build(audit)));
        })));

        // Shapes that were quadratic before (re-sorted list attributes, flow scans per component): kept as guards.
        foreach (var (name, yaml) in new[]
        {
            ("20,000 deployments, each a distinct model and group", LargeConfig.DistinctModels(20_000, "openai/gpt-4o-")),
            ("20,000 deployments of distinct unmapped providers", LargeConfig.DistinctModels(20_000, "custom-model-")),
        })
        {
            var path = Path.Combine(Path.GetTempPath(), "gateway-audit-bench-distinct.yaml");
            File.WriteAllText(path, yaml);
            results.Add(($"Full scan + JSON: {name}", Measure(quick ? 1 : 3, () =>
            {
                var audit = Auditor.Default.Run(new AuditOptions { Paths = [path], WorkingDirectory = Path.GetTempPath() });
                GC.KeepAlive(new JsonRenderer().Render(ReportBuilder.Build(audit)));
            })));
            File.Delete(path);
        }

        var templates = BuiltIn.TemplatesDir(BuiltIn.Root);
        var exampleCount = Directory.GetDirectories(Path.Combine(root, "examples")).Length;
        foreach (var format in new[] { "md", "json", "html" })
        {
            var renderer = RendererRegistry.Create(templates).Single(r => r.Format == format);
            results.Add(($"Scan + render all {exampleCount} examples, rule pack included ({format})", Measure(iterations * 2, () =>
            {
                var audit = Auditor.Default.Run(new AuditOptions { Paths = ["examples"], WorkingDirectory = root });
                GC.KeepAlive(audit.Secrets.Scrub(renderer.Render(ReportBuilder.Build(audit))));
            })));
        }

        results.Add(("Catalog load only (72 vendor files + schema validation)", Measure(iterations * 2, () =>
        {
            var (catalog, _) = GatewayAudit.Core.Catalog.VendorCatalog.Load([BuiltIn.CatalogDir(BuiltIn.Root)], BuiltIn.CatalogSchema(BuiltIn.Root), p => p);
            GC.KeepAlive(catalog);
        })));

        var python = new[] { PythonBaseline(largePath, quick ? 3 : 7, libyaml: false), PythonBaseline(largePath, quick ? 3 : 7, libyaml: true) };

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Large config: {large.Length / 1024.0 / 1024.0:0.00} MiB, {large.Count(c => c == '\n'):N0} lines. Iterations: {iterations} (examples: {iterations * 2}), after warm-up.\n\n");
        text.Append("| benchmark | median | min | allocated per op |\n|---|---:|---:|---:|\n");
        foreach (var (name, m) in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {m.MedianMs:0.0} ms | {m.MinMs:0.0} ms | {m.AllocatedMiB:0.0} MiB |\n");
        }

        foreach (var py in python.OfType<(string Version, string Loader, double MedianMs, double MinMs)>())
        {
            text.Append(CultureInfo.InvariantCulture, $"| Baseline: Python {py.Version} PyYAML load only, large config ({py.Loader}) | {py.MedianMs:0.0} ms | {py.MinMs:0.0} ms | n/a |\n");
        }

        Console.Write(text);
        File.Delete(largePath);
        return 0;
    }

    private sealed record Measurement(double MedianMs, double MinMs, double AllocatedMiB);

    private static Measurement Measure(int iterations, Action action)
    {
        action();
        action();
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Measurement(times[times.Count / 2], times[0], allocated / (double)iterations / 1024 / 1024);
    }

    private static (string Version, string Loader, double MedianMs, double MinMs)? PythonBaseline(string path, int iterations, bool libyaml)
    {
        var script = $$"""
            import sys, time, yaml
            text = open(sys.argv[1]).read()
            loader = getattr(yaml, "CSafeLoader", None) if sys.argv[2] == "c" else yaml.SafeLoader
            loader = loader or yaml.SafeLoader
            times = []
            yaml.load(text, Loader=loader)
            for _ in range({{iterations}}):
                t = time.perf_counter(); yaml.load(text, Loader=loader); times.append((time.perf_counter() - t) * 1000)
            times.sort()
            print(sys.version.split()[0], loader.__name__, times[len(times) // 2], times[0])
            """;
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(path);
            start.ArgumentList.Add(libyaml ? "c" : "py");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim().Split(' ');
            process.WaitForExit();
            return process.ExitCode != 0 || output.Length < 4 ? null
                : (output[0], output[1], double.Parse(output[2], CultureInfo.InvariantCulture), double.Parse(output[3], CultureInfo.InvariantCulture));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Audit.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
