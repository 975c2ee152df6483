using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace GatewayAudit.AnalyzerBench;

internal sealed record ReportInput(RunRecord Run, string Scratch, IReadOnlyList<BuildSample> Samples)
{
    public GeneratedProject Project => Run.Project;

    public AnalyzerIdentity Analyzer => Run.Analyzer;
}

/// <summary>Turns the timed builds into the Markdown section for bench/RESULTS.md.</summary>
internal static class Report
{
    private const string OurAssembly = "GatewayAudit.Analyzers";
    private const string BannedAssembly = "BannedApiAnalyzers";
    private const string SdkAnalyzers = "NetAnalyzers";
    private static readonly string[] GwIds = ["GW001", "GW002", "GW003", "GW004"];

    public static string Render(ReportInput input)
    {
        var s = new StringBuilder();
        var p = input.Project;
        var timed = input.Samples.Where(x => x.Round > 0).ToList();
        var by = BuildConfiguration.All.ToDictionary(c => c, c => timed.Where(x => x.Configuration == c).ToList());
        var none = by[BuildConfiguration.None];
        var compiler = timed.Select(x => x.Log.CompilerVersion).FirstOrDefault(v => v is not null) ?? "unknown";
        var modes = string.Join(", ", timed.Select(x => x.Log.CompilerMode ?? "unknown").Distinct(StringComparer.Ordinal));

        s.Append(CultureInfo.InvariantCulture, $"Date: {input.Run.StartedAt:yyyy-MM-dd}. Machine: {Machine()}. .NET SDK {Shell.Capture("dotnet", input.Scratch, "--version") ?? "unknown"}, C# compiler {compiler}.\n");
        s.Append(CultureInfo.InvariantCulture, $"Analyzer measured: analyzers/GatewayAudit.Analyzers at {input.Analyzer.LastCommit}{(input.Analyzer.Dirty ? " plus uncommitted changes" : "")}, Release DLL {input.Analyzer.Bytes:N0} bytes, sha256 {input.Analyzer.Sha256Prefix}….\n\n");
        s.Append(CultureInfo.InvariantCulture, $"Generated project (seed {input.Run.Seed}): {p.Files:N0} files, {p.Lines:N0} lines, {p.Bytes / 1024.0 / 1024.0:0.0} MiB of C#; ");
        s.Append(CultureInfo.InvariantCulture, $"{p.Leaks.Count} planted leak lines in {p.LeakFiles} files ({PlantedById(p)}), ");
        s.Append(CultureInfo.InvariantCulture, $"{p.NearMisses.Count} look-alike lines that are not leaks in {p.NearMissFiles} files. ");
        s.Append(CultureInfo.InvariantCulture, $"Timed builds: {input.Run.Iterations} per configuration after one warm-up each, ");
        s.Append(input.Run.Sequential ? "one configuration after the other" : "interleaved in rotating order (none, ours, banned; ours, banned, none; ...)");
        s.Append(CultureInfo.InvariantCulture, $". Compiler: {(modes == "tool" ? "a csc process per build (this environment sets UseSharedCompilation=false)" : modes == "server" ? "the shared compiler server (VBCSCompiler), shut down " + (input.Run.Sequential ? "before each configuration" : "once at the start") : modes)}.\n\n");

        s.Append("| configuration | wall median | wall min | build CPU median | build CPU min | Csc task median | all analyzers, summed (median) |\n");
        s.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var c in BuildConfiguration.All.Where(c => by[c].Count > 0))
        {
            var rows = by[c];
            var wall = rows.Select(r => r.WallSeconds).ToList();
            var cpu = rows.Select(r => r.CpuSeconds).OfType<double>().ToList();
            s.Append(CultureInfo.InvariantCulture, $"| {c.Name}: {c.Description} | {Median(wall):0.00} s | {wall.Min():0.00} s | {Seconds(Median(cpu))} | {Seconds(cpu.DefaultIfEmpty(double.NaN).Min())} | ");
            s.Append(CultureInfo.InvariantCulture, $"{Seconds(Median(rows.Select(r => r.Log.CscTaskSeconds).OfType<double>()))} | {Seconds(Median(rows.Select(r => r.Log.TotalAnalyzerSeconds).OfType<double>()), "0.000")} |\n");
        }

        s.Append("\nThe same as ratios to the no-analyzer builds. \"Per round\" pairs each build with the no-analyzer build of the same round ");
        s.Append(input.Run.Sequential ? "(sequential run: rounds are not interleaved, so these pairs are far apart in time)" : "(minutes apart, so slow drifts in the machine's load cancel)");
        s.Append(" and takes the median of those ratios.\n\n");
        s.Append("| configuration | wall: medians | wall: mins | wall: per round | build CPU: medians | build CPU: mins | build CPU: per round | Csc task: medians |\n");
        s.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var c in BuildConfiguration.All.Where(c => c != BuildConfiguration.None && by[c].Count > 0))
        {
            var rows = by[c];
            double? Paired(Func<BuildSample, double?> value)
            {
                var ratios = rows
                    .Select(r => (Mine: value(r), Base: none.Where(n => n.Round == r.Round).Select(value).FirstOrDefault()))
                    .Where(p => p.Mine is > 0 && p.Base is > 0)
                    .Select(p => p.Mine!.Value / p.Base!.Value)
                    .ToList();
                return ratios.Count == 0 ? null : Median(ratios);
            }

            string Of(Func<BuildSample, double?> value, Func<IEnumerable<double>, double> aggregate) =>
                Ratio(aggregate(rows.Select(value).OfType<double>()), aggregate(none.Select(value).OfType<double>()));

            s.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {Of(r => r.WallSeconds, Median)} | {Of(r => r.WallSeconds, Min)} | {Ratio(Paired(r => r.WallSeconds) ?? double.NaN, 1)} | ");
            s.Append(CultureInfo.InvariantCulture, $"{Of(r => r.CpuSeconds, Median)} | {Of(r => r.CpuSeconds, Min)} | {Ratio(Paired(r => r.CpuSeconds) ?? double.NaN, 1)} | {Of(r => r.Log.CscTaskSeconds, Median)} |\n");
        }

        s.Append("\nOwn time of each analyzer from `-p:ReportAnalyzer=true` (the compiler's stopwatch time of the analyzer's callbacks, summed over its threads, so time a callback spends preempted by other processes counts too; median, min and max over the timed builds), and as a share of the same builds' Csc task wall time and build CPU:\n\n");
        s.Append("| analyzer | in configuration | median | min | max | / Csc task wall (median) | / build CPU (median) |\n");
        s.Append("|---|---|---:|---:|---:|---:|---:|\n");
        var ours = OwnTimes(by[BuildConfiguration.Ours], OurAssembly);
        var banned = OwnTimes(by[BuildConfiguration.BannedApi], BannedAssembly);
        AppendOwnRow(s, "GatewayAudit.Analyzers (GW001-GW004)", BuildConfiguration.Ours, OurAssembly, by[BuildConfiguration.Ours]);
        AppendOwnRow(s, "BannedApiAnalyzers (RS0030 etc.)", BuildConfiguration.BannedApi, BannedAssembly, by[BuildConfiguration.BannedApi]);
        AppendOwnRow(s, "for scale: the SDK's NetAnalyzers (CA rules, on by default)", BuildConfiguration.None, SdkAnalyzers, none);
        if (ours.Count > 0 && banned.Count > 0 && Median(banned) > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"\nGatewayAudit.Analyzers / BannedApiAnalyzers own time (medians): **{Median(ours) / Median(banned):0.00}x**.\n");
        }
        else if (ours.Count == 0)
        {
            s.Append("\nThe GatewayAudit.Analyzers DLL reported no analyzer time: it holds no DiagnosticAnalyzer (yet), so its row measures nothing.\n");
        }

        var breakdown = by[BuildConfiguration.Ours]
            .SelectMany(r => r.Log.Assemblies.Where(a => a.Assembly == OurAssembly).SelectMany(a => a.Analyzers))
            .GroupBy(a => a.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Median: Median(g.Select(a => a.Seconds))))
            .OrderByDescending(g => g.Median)
            .ToList();
        if (breakdown.Count > 0)
        {
            s.Append("\nGatewayAudit.Analyzers by analyzer class (ReportAnalyzer reports per DiagnosticAnalyzer, not per callback; median seconds):\n\n");
            s.Append("| analyzer class (ids) | median |\n|---|---:|\n");
            foreach (var (name, median) in breakdown)
            {
                s.Append(CultureInfo.InvariantCulture, $"| {name} | {median:0.000} s |\n");
            }
        }

        AppendDiagnostics(s, input, by);
        return s.ToString();
    }

    private static void AppendOwnRow(StringBuilder s, string name, BuildConfiguration c, string assembly, List<BuildSample> rows)
    {
        var times = OwnTimes(rows, assembly);
        if (times.Count == 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"| {name} | {c.Name} | n/a | n/a | n/a | n/a | n/a |\n");
            return;
        }

        var cscShares = rows
            .Where(r => r.Log.CscTaskSeconds is > 0)
            .Select(r => (r.Log.AssemblySeconds(assembly) ?? 0) / r.Log.CscTaskSeconds!.Value)
            .ToList();
        var cpuShares = rows
            .Where(r => r.CpuSeconds is > 0)
            .Select(r => (r.Log.AssemblySeconds(assembly) ?? 0) / r.CpuSeconds!.Value)
            .ToList();
        s.Append(CultureInfo.InvariantCulture, $"| {name} | {c.Name} | {Median(times):0.000} s | {times.Min():0.000} s | {times.Max():0.000} s | {Percent(cscShares)} | {Percent(cpuShares)} |\n");
    }

    private static void AppendDiagnostics(StringBuilder s, ReportInput input, Dictionary<BuildConfiguration, List<BuildSample>> by)
    {
        var p = input.Project;
        var src = Path.Combine(input.Scratch, "src");
        var leakLines = p.Leaks.ToDictionary(l => (l.File, l.Line), l => l);
        var nearLines = p.NearMisses.Select(m => (m.File, m.Line)).ToHashSet();

        s.Append("\nDiagnostics per id (last timed build of each configuration; each build gave ");
        var stable = BuildConfiguration.All.All(c => by[c].Select(r => r.Log.Diagnostics.Count).Distinct().Count() <= 1);
        s.Append(stable ? "the same count)" : "**different counts: see the logs**)");
        s.Append(". \"Planted hit\": planted leak lines with at least one diagnostic of that analyzer (for ours, in brackets: with every id the line was planted for); \"elsewhere\": its diagnostics on other lines (for BannedApi: legitimate header and base-address calls its list has to ban too); \"look-alikes hit\": look-alike lines it flagged.\n\n");
        s.Append("| configuration | GW001 | GW002 | GW003 | GW004 | RS0030 | other warnings | planted hit | elsewhere | look-alikes hit |\n");
        s.Append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        s.Append(CultureInfo.InvariantCulture, $"| planted (lines planted for the id) | {string.Join(" | ", GwIds.Select(id => p.Leaks.Count(l => l.ExpectedIds.Contains(id))))} | {p.Leaks.Count(l => l.BannedApiCanSee)} use a banned symbol | | {p.Leaks.Count} lines | | {p.NearMisses.Count} lines |\n");

        var missedByUs = new Dictionary<string, int>(StringComparer.Ordinal);
        var nearHitByUs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in BuildConfiguration.All)
        {
            var last = by[c].LastOrDefault();
            if (last is null)
            {
                continue;
            }

            var counts = last.Log.Diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var others = counts.Where(kv => !GwIds.Contains(kv.Key) && kv.Key != "RS0030").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}").ToList();
            bool Mine(BuildDiagnostic d) => c == BuildConfiguration.BannedApi ? d.Id.StartsWith("RS", StringComparison.Ordinal) : d.Id.StartsWith("GW", StringComparison.Ordinal);
            var mine = last.Log.Diagnostics.Where(Mine).Select(d => (File: Relative(src, d.File), d.Line, d.Id)).ToList();
            var onLines = mine.Select(d => (d.File, d.Line)).ToHashSet();
            var idsOnLine = mine.ToLookup(d => (d.File, d.Line), d => d.Id);
            var plantedHit = leakLines.Keys.Count(onLines.Contains);
            var plantedExact = p.Leaks.Count(l => l.ExpectedIds.All(id => idsOnLine[(l.File, l.Line)].Contains(id, StringComparer.Ordinal)));
            var elsewhere = mine.Count(d => !leakLines.ContainsKey((d.File, d.Line)));
            var nearHit = nearLines.Count(onLines.Contains);
            if (c == BuildConfiguration.Ours)
            {
                foreach (var leak in p.Leaks)
                {
                    var found = idsOnLine[(leak.File, leak.Line)].ToList();
                    var missing = leak.ExpectedIds.Where(id => !found.Contains(id, StringComparer.Ordinal)).ToList();
                    if (missing.Count > 0)
                    {
                        var key = found.Count == 0 ? leak.Form : $"{leak.Form}: {string.Join('+', missing)} missing, got {string.Join('+', found.Distinct(StringComparer.Ordinal))}";
                        missedByUs[key] = missedByUs.GetValueOrDefault(key) + 1;
                    }
                }

                foreach (var near in p.NearMisses.Where(m => onLines.Contains((m.File, m.Line))))
                {
                    nearHitByUs[near.Form] = nearHitByUs.GetValueOrDefault(near.Form) + 1;
                }
            }

            s.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {string.Join(" | ", GwIds.Select(id => counts.GetValueOrDefault(id)))} | {counts.GetValueOrDefault("RS0030")} | {(others.Count == 0 ? "none" : string.Join(", ", others))} | ");
            var hitText = c == BuildConfiguration.None ? "-" : c == BuildConfiguration.Ours
                ? string.Create(CultureInfo.InvariantCulture, $"{plantedHit} ({plantedExact})")
                : plantedHit.ToString(CultureInfo.InvariantCulture);
            s.Append(CultureInfo.InvariantCulture, $"{hitText} | {(c == BuildConfiguration.None ? "-" : elsewhere.ToString(CultureInfo.InvariantCulture))} | {(c == BuildConfiguration.None ? "-" : nearHit.ToString(CultureInfo.InvariantCulture))} |\n");
        }

        if (by[BuildConfiguration.Ours].Count > 0 && (missedByUs.Count > 0 || nearHitByUs.Count > 0))
        {
            s.Append("\nPlanted leak lines where GatewayAudit.Analyzers did not report every planted id, by form: ");
            s.Append(missedByUs.Count == 0 ? "none" : string.Join("; ", missedByUs.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} ({kv.Value})")));
            s.Append(". Look-alike lines it flagged: ");
            s.Append(nearHitByUs.Count == 0 ? "none" : string.Join("; ", nearHitByUs.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} ({kv.Value})")));
            s.Append(".\n");
        }
    }

    private static string Percent(List<double> shares) =>
        shares.Count == 0 ? "n/a" : (Median(shares) * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string PlantedById(GeneratedProject p) =>
        string.Join(", ", GwIds.Select(id => $"{id} {p.Leaks.Count(l => l.ExpectedIds.Contains(id))}"));

    private static List<double> OwnTimes(List<BuildSample> rows, string fragment) =>
        rows.Select(r => r.Log.AssemblySeconds(fragment)).OfType<double>().ToList();

    private static string Relative(string root, string file) =>
        Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Min(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Min();

    private static string Ratio(double value, double baseline) =>
        double.IsNaN(value) || double.IsNaN(baseline) || baseline <= 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{value / baseline:0.000} ({(value / baseline - 1) * 100:+0.0;-0.0;0.0} %)");

    private static string Seconds(double value, string format = "0.00") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture) + " s";

    private static string Machine()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({cpu}), {memory:0} GiB RAM, {RuntimeInformation.OSDescription}");
    }
}
