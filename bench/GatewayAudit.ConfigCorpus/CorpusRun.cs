using System.Collections.Concurrent;
using System.Diagnostics;

namespace GatewayAudit.ConfigCorpus;

/// <summary>One deployment: its annotation, its scan and the comparison.</summary>
public sealed record DeploymentRun(Deployment Deployment, ScanResult Scan, MatchResult Match);

public static class CorpusRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        CorpusOptions options;
        try
        {
            options = CorpusOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync("usage: --corpus DIR [--annotations FILE] [--cli DLL] [--out FILE] [--keep-json DIR] [--only id,id] [--parallel N]");
            return 2;
        }

        var root = RepositoryRoot();
        var annotationsPath = options.Annotations ?? Path.Combine(root, "bench", "config-corpus", "deployments.yaml");
        var cli = options.Cli ?? Path.Combine(root, "src", "GatewayAudit.Cli", "bin", "Release", "net10.0", "gateway-audit.dll");
        var output = options.Out ?? Path.Combine(root, "bench", "CONFIG-CORPUS.md");
        if (!File.Exists(cli))
        {
            await Console.Error.WriteLineAsync($"{cli} not found: build it first (dotnet build -c Release src/GatewayAudit.Cli)");
            return 2;
        }

        var deployments = AnnotationFile.Load(annotationsPath).Deployments
            .Where(d => options.Only.Count == 0 || options.Only.Contains(d.Id))
            .ToList();
        var missing = deployments.Where(d => !Directory.Exists(Path.Combine(options.Corpus, d.Id))).Select(d => d.Id).ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"not in {options.Corpus}: {string.Join(", ", missing)} (bench/config-corpus/extract.sh rebuilds it)");
            return 2;
        }

        if (options.KeepJson is not null)
        {
            Directory.CreateDirectory(options.KeepJson);
        }

        var clock = Stopwatch.StartNew();
        var runs = new ConcurrentDictionary<string, DeploymentRun>();
        await Parallel.ForEachAsync(deployments, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, async (d, _) =>
        {
            var folder = Path.GetFullPath(Path.Combine(options.Corpus, d.Id));
            var keep = options.KeepJson is null ? null : Path.Combine(options.KeepJson, d.Id + ".json");
            var scan = await ScanRunner.ScanAsync(Path.GetFullPath(cli), folder, keep);
            runs[d.Id] = new DeploymentRun(d, scan, Matcher.Match(d, scan.Parties));
            Console.WriteLine($"{d.Id}: exit {scan.ExitCode}, {scan.Parties.Count} sub-processors, {scan.Elapsed.TotalSeconds:F1} s");
        });
        clock.Stop();

        var ordered = deployments.Select(d => runs[d.Id]).ToList();
        var report = ReportWriter.Write(ordered, new RunInfo(root, cli, options.Corpus, clock.Elapsed));
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Audit.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
