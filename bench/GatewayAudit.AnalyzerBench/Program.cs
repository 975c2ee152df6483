using System.Globalization;
using System.Security.Cryptography;

namespace GatewayAudit.AnalyzerBench;

/// <summary>
/// Build-time benchmark of GatewayAudit.Analyzers (issue #3). Generates a C# project of about 2,000 files and
/// 200k lines outside the repository, then builds it with no analyzer, with our analyzer and with
/// BannedApiAnalyzers, N times each after a warm-up, and prints a Markdown section for bench/RESULTS.md.
/// Usage: dotnet run -c Release --project bench/GatewayAudit.AnalyzerBench [-- options]; --help lists them.
/// </summary>
public static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project bench/GatewayAudit.AnalyzerBench -- [options]

          --quick               smoke run: 300 files, 2 timed builds per configuration
          --files N             files to generate (default 2000)
          --iterations N        timed builds per configuration, after one warm-up (default 5)
          --seed N              generator seed (default 20261125)
          --leak-percent P      share of generated files that leak a gateway detail (default 3)
          --out DIR             scratch folder (default: <temp>/gateway-audit-analyzer-bench); deleted and rewritten
          --sequential          one configuration after the other (default: interleaved rounds in rotating order)
          --compiler-server     compile in the shared compiler server (VBCSCompiler, -p:UseSharedCompilation=true,
                                shut down before each configuration's warm-up and at the end) instead of the
                                environment's default; then the build-tree CPU column leaves the compiler out
          --skip-analyzer-build use the existing analyzers/GatewayAudit.Analyzers/bin/Release DLL as it is
          --generate-only       write the project and stop
          --report-from DIR     print the report of an earlier run from DIR/run.json and DIR/logs (no builds)
          --profile-callbacks DIR
                                time each callback of GatewayLeakAnalyzer in-process (thread CPU, single-threaded)
                                on the project and analyzer copy in DIR, against a no-op analyzer (no builds)
        """;

    public static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        try
        {
            return Run(options);
        }
        catch (BenchmarkException e)
        {
            Console.Error.WriteLine($"analyzer-bench: {e.Message}");
            return 1;
        }
    }

    private static int Run(Options options)
    {
        if (options.ProfileFrom is not null)
        {
            Console.Write(CallbackProfiler.Run(Path.GetFullPath(options.ProfileFrom), options.Iterations));
            return 0;
        }

        if (options.ReportFrom is not null)
        {
            var dir = Path.GetFullPath(options.ReportFrom);
            var record = RunRecord.Load(dir);
            Console.Write(Report.Render(new ReportInput(record, dir, record.ReadSamples(dir))));
            return 0;
        }

        var startedAt = DateTimeOffset.Now;
        var repo = FindRepoRoot();
        var scratch = Path.GetFullPath(options.Out ?? Path.Combine(Path.GetTempPath(), "gateway-audit-analyzer-bench"));
        var logs = Path.Combine(scratch, "logs");
        Progress($"scratch folder: {scratch}");
        Scratch.Reset(scratch);

        // 1. Our analyzer, built in Release and copied, so a rebuild during the run cannot change what is measured.
        var analyzerProject = Path.Combine(repo, "analyzers", "GatewayAudit.Analyzers", "GatewayAudit.Analyzers.csproj");
        var analyzerBuilt = Path.Combine(repo, "analyzers", "GatewayAudit.Analyzers", "bin", "Release", "netstandard2.0", Scratch.AnalyzerDll);
        if (!options.SkipAnalyzerBuild && !options.GenerateOnly)
        {
            Progress("building analyzers/GatewayAudit.Analyzers (Release)");
            var build = Shell.Run("dotnet", ["build", analyzerProject, "-c", "Release", "-nologo", "-v:minimal"], repo, Path.Combine(logs, "analyzer-build.log"));
            if (build.ExitCode != 0)
            {
                throw new BenchmarkException($"the analyzer does not build (exit {build.ExitCode}); see {build.LogPath}");
            }
        }

        var analyzerCopy = Path.Combine(scratch, "analyzers", Scratch.AnalyzerDll);
        Directory.CreateDirectory(Path.GetDirectoryName(analyzerCopy)!);
        if (File.Exists(analyzerBuilt))
        {
            File.Copy(analyzerBuilt, analyzerCopy, overwrite: true);
        }
        else if (!options.GenerateOnly)
        {
            throw new BenchmarkException($"{analyzerBuilt} not found; build the analyzer in Release first");
        }

        var analyzer = new AnalyzerIdentity(
            Shell.Capture("git", repo, "log", "-1", "--format=%h %cs", "--", "analyzers/GatewayAudit.Analyzers") ?? "unknown commit",
            !string.IsNullOrEmpty(Shell.Capture("git", repo, "status", "--porcelain", "--", "analyzers/GatewayAudit.Analyzers")),
            File.Exists(analyzerCopy) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(analyzerCopy)))[..12] : "none",
            File.Exists(analyzerCopy) ? new FileInfo(analyzerCopy).Length : 0);

        // 2. The generated project.
        Progress($"generating {options.Files} files (seed {options.Seed})");
        var project = new CodeGenerator(options.Seed, options.Files, options.LeakPercent / 100.0, options.LeakPercent / 100.0)
            .Generate(Path.Combine(scratch, "src"));
        Scratch.WriteBuildFiles(scratch, analyzerCopy);
        File.WriteAllLines(Path.Combine(scratch, "planted.tsv"), project.Leaks
            .Select(l => $"leak\t{l.File}\t{l.Line}\t{string.Join(',', l.ExpectedIds)}\t{l.Form}\tbannedapi-visible={l.BannedApiCanSee}")
            .Concat(project.NearMisses.Select(m => $"near-miss\t{m.File}\t{m.Line}\t-\t{m.Form}\t-")));
        Progress($"wrote {project.Files:N0} files, {project.Lines:N0} lines, {project.Bytes / 1024.0 / 1024.0:0.0} MiB; {project.Leaks.Count} planted leak lines in {project.LeakFiles} files");
        if (options.GenerateOnly)
        {
            Console.WriteLine(scratch);
            return 0;
        }

        // 3. Restore once (not timed), then build.
        foreach (var configuration in BuildConfiguration.All)
        {
            var restore = Shell.Run("dotnet", ["restore", configuration.ProjectPath(scratch), "-nologo", "-v:minimal"], scratch, Path.Combine(logs, $"{configuration.Name}-restore.log"));
            if (restore.ExitCode != 0)
            {
                throw new BenchmarkException($"restore of {configuration.Name} failed; see {restore.LogPath}");
            }
        }

        var samples = new List<BuildSample>();
        var run = new RunRecord(startedAt, options.Seed, options.Iterations, options.Sequential, options.CompilerServer, analyzer, project, []);
        void Record(BuildSample sample)
        {
            samples.Add(sample);
            run.Samples.Add(new SampleRecord(sample.Configuration.Name, sample.Round, sample.WallSeconds, sample.CpuSeconds, sample.LogName));
            run.Save(scratch);
        }

        if (options.Sequential)
        {
            foreach (var configuration in BuildConfiguration.All)
            {
                ShutDownCompilerServer(options, scratch, logs, configuration.Name);
                Build(options, configuration, scratch, logs, round: 0, project);
                for (var round = 1; round <= options.Iterations; round++)
                {
                    Record(Build(options, configuration, scratch, logs, round, project));
                }
            }
        }
        else
        {
            ShutDownCompilerServer(options, scratch, logs, "start");
            foreach (var configuration in BuildConfiguration.All)
            {
                Build(options, configuration, scratch, logs, round: 0, project);
            }

            var all = BuildConfiguration.All;
            for (var round = 1; round <= options.Iterations; round++)
            {
                // Rotate the order each round so that no configuration always runs right after another one.
                for (var i = 0; i < all.Count; i++)
                {
                    Record(Build(options, all[(i + round - 1) % all.Count], scratch, logs, round, project));
                }
            }
        }

        ShutDownCompilerServer(options, scratch, logs, "end");

        var markdown = Report.Render(new ReportInput(run, scratch, samples));
        File.WriteAllText(Path.Combine(scratch, "results.md"), markdown);
        Console.Write(markdown);
        Progress($"also written to {Path.Combine(scratch, "results.md")}; build logs in {logs}");
        return 0;
    }

    private static BuildSample Build(Options options, BuildConfiguration configuration, string scratch, string logs, int round, GeneratedProject project)
    {
        var label = round == 0 ? "warm-up" : $"round {round}";
        var logPath = Path.Combine(logs, $"{configuration.Name}-{(round == 0 ? "warmup" : round.ToString("D2", CultureInfo.InvariantCulture))}.log");
        var result = Shell.Run("dotnet",
        [
            "build", configuration.ProjectPath(scratch), "-c", "Release", "--no-restore", "--no-incremental",
            "-p:ReportAnalyzer=true", "-v:detailed", "-clp:PerformanceSummary", "-nologo",
            .. options.CompilerServer ? ["-p:UseSharedCompilation=true"] : Array.Empty<string>(),
        ], scratch, logPath);
        if (result.ExitCode != 0)
        {
            throw new BenchmarkException($"build of {configuration.Name} ({label}) failed with exit {result.ExitCode}; see {logPath}");
        }

        var log = BuildLog.Parse(File.ReadLines(logPath));
        Progress($"{configuration.Name,-14} {label,-8} wall {result.Elapsed.TotalSeconds,7:0.00} s, cpu {result.CpuSeconds,7:0.00} s, csc {log.CscTaskSeconds,6:0.00} s ({log.CompilerMode}), "
            + $"analyzers {log.TotalAnalyzerSeconds,6:0.000} s, {log.Diagnostics.Count} diagnostics ({project.Files} files)");
        return new BuildSample(configuration, round, result.Elapsed.TotalSeconds, result.CpuSeconds, log) { LogName = Path.GetFileName(logPath) };
    }

    private static void ShutDownCompilerServer(Options options, string scratch, string logs, string when)
    {
        if (!options.CompilerServer)
        {
            return;
        }

        var result = Shell.Run("dotnet", ["build-server", "shutdown", "--vbcscompiler"], scratch, Path.Combine(logs, $"build-server-shutdown-{when}.log"));
        if (result.ExitCode != 0)
        {
            Progress($"dotnet build-server shutdown exited {result.ExitCode} (ignored)");
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Audit.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchmarkException("cannot find the repository root (Audit.sln) above the current directory");
    }
}

/// <summary>A failure that ends the benchmark with a one-line message.</summary>
internal sealed class BenchmarkException(string message) : Exception(message);

/// <summary>Which analyzer build was measured.</summary>
internal sealed record AnalyzerIdentity(string LastCommit, bool Dirty, string Sha256Prefix, long Bytes);

/// <summary>One timed (or warm-up, round 0) build.</summary>
internal sealed record BuildSample(BuildConfiguration Configuration, int Round, double WallSeconds, double? CpuSeconds, BuildLog Log)
{
    public string LogName { get; init; } = string.Empty;
}

/// <summary>Command-line options.</summary>
internal sealed class Options
{
    public bool Help { get; private set; }

    public int Files { get; private set; } = 2000;

    public int Iterations { get; private set; } = 5;

    public int Seed { get; private set; } = 20261125;

    public double LeakPercent { get; private set; } = 3;

    public string? Out { get; private set; }

    public bool Sequential { get; private set; }

    public bool CompilerServer { get; private set; }

    public bool SkipAnalyzerBuild { get; private set; }

    public bool GenerateOnly { get; private set; }

    public bool Quick { get; private set; }

    public string? ReportFrom { get; private set; }

    public string? ProfileFrom { get; private set; }

    public static Options Parse(string[] args)
    {
        var options = new Options();
        int? files = null;
        int? iterations = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");

            switch (args[i])
            {
                case "--help" or "-h":
                    options.Help = true;
                    break;
                case "--quick":
                    options.Quick = true;
                    break;
                case "--files":
                    files = Number();
                    break;
                case "--iterations":
                    iterations = Number();
                    break;
                case "--seed":
                    options.Seed = Number();
                    break;
                case "--leak-percent":
                    options.LeakPercent = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100
                        ? p
                        : throw new ArgumentException("--leak-percent needs a number from 0 to 100");
                    break;
                case "--out":
                    options.Out = Value();
                    break;
                case "--sequential":
                    options.Sequential = true;
                    break;
                case "--compiler-server":
                    options.CompilerServer = true;
                    break;
                case "--skip-analyzer-build":
                    options.SkipAnalyzerBuild = true;
                    break;
                case "--generate-only":
                    options.GenerateOnly = true;
                    break;
                case "--report-from":
                    options.ReportFrom = Value();
                    break;
                case "--profile-callbacks":
                    options.ProfileFrom = Value();
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        options.Files = files ?? (options.Quick ? 300 : 2000);
        options.Iterations = iterations ?? (options.Quick ? 2 : 5);
        return options;
    }
}
