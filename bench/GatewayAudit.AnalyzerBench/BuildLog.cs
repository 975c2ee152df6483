using System.Globalization;
using System.Text.RegularExpressions;

namespace GatewayAudit.AnalyzerBench;

/// <summary>One analyzer class's time in a ReportAnalyzer table.</summary>
internal sealed record AnalyzerTime(string Name, double Seconds);

/// <summary>One analyzer assembly's line in a ReportAnalyzer table, with the analyzer classes under it.</summary>
internal sealed record AnalyzerAssemblyTime(string Assembly, double Seconds, IReadOnlyList<AnalyzerTime> Analyzers);

/// <summary>
/// A compiler diagnostic as printed by MSBuild, deduplicated (MSBuild repeats warnings in its summary); two
/// diagnostics of one id at one place with different messages are two.
/// </summary>
internal sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message);

/// <summary>What one build's detailed log says: times from MSBuild and from the compiler's ReportAnalyzer output.</summary>
internal sealed partial class BuildLog
{
    public string? CompilerVersion { get; private set; }

    /// <summary>"server" (VBCSCompiler) or "tool" (a csc process per build), from the Csc task's log.</summary>
    public string? CompilerMode { get; private set; }

    public double? MsBuildElapsedSeconds { get; private set; }

    public double? CscTaskSeconds { get; private set; }

    public double? TotalAnalyzerSeconds { get; private set; }

    public double? TotalGeneratorSeconds { get; private set; }

    public List<AnalyzerAssemblyTime> Assemblies { get; } = [];

    public List<BuildDiagnostic> Diagnostics { get; } = [];

    /// <summary>Seconds of the analyzer assemblies whose name contains <paramref name="fragment"/>, or null when none ran.</summary>
    public double? AssemblySeconds(string fragment)
    {
        var matching = Assemblies.Where(a => a.Assembly.Contains(fragment, StringComparison.Ordinal)).ToList();
        return matching.Count == 0 ? null : matching.Sum(a => a.Seconds);
    }

    public static BuildLog Parse(IEnumerable<string> lines)
    {
        var log = new BuildLog();
        var seen = new HashSet<BuildDiagnostic>();
        var section = Section.None;
        List<AnalyzerTime>? current = null;
        string? currentAssembly = null;
        double currentSeconds = 0;

        void FlushAssembly()
        {
            if (currentAssembly is not null && current is not null)
            {
                log.Assemblies.Add(new AnalyzerAssemblyTime(currentAssembly, currentSeconds, current));
            }

            currentAssembly = null;
            current = null;
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var diagnostic = DiagnosticLine().Match(line);
            if (diagnostic.Success)
            {
                var d = new BuildDiagnostic(
                    diagnostic.Groups["file"].Value.Trim(),
                    int.Parse(diagnostic.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(diagnostic.Groups["col"].Value, CultureInfo.InvariantCulture),
                    diagnostic.Groups["severity"].Value,
                    diagnostic.Groups["id"].Value,
                    diagnostic.Groups["message"].Value.Trim());
                if (seen.Add(d))
                {
                    log.Diagnostics.Add(d);
                }

                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.StartsWith("Total analyzer execution time:", StringComparison.Ordinal))
            {
                FlushAssembly();
                log.TotalAnalyzerSeconds = SecondsIn(trimmed);
                section = Section.Analyzers;
                continue;
            }

            if (trimmed.StartsWith("Total generator execution time:", StringComparison.Ordinal))
            {
                FlushAssembly();
                log.TotalGeneratorSeconds = SecondsIn(trimmed);
                section = Section.Generators;
                continue;
            }

            if (log.CompilerVersion is null && trimmed.StartsWith("Microsoft (R) Visual C# Compiler version ", StringComparison.Ordinal))
            {
                log.CompilerVersion = trimmed["Microsoft (R) Visual C# Compiler version ".Length..];
                continue;
            }

            if (log.CompilerMode is null && trimmed.StartsWith("CompilerServer: ", StringComparison.Ordinal))
            {
                log.CompilerMode = trimmed["CompilerServer: ".Length..].Split(' ')[0];
                continue;
            }

            var elapsed = TimeElapsed().Match(trimmed);
            if (elapsed.Success)
            {
                log.MsBuildElapsedSeconds = TimeSpan.Parse(elapsed.Groups[1].Value, CultureInfo.InvariantCulture).TotalSeconds;
                continue;
            }

            var csc = CscTask().Match(trimmed);
            if (csc.Success)
            {
                log.CscTaskSeconds = double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
                continue;
            }

            if (section != Section.Analyzers)
            {
                continue;
            }

            var row = TimeRow().Match(trimmed);
            if (!row.Success)
            {
                if (trimmed.StartsWith("Done executing task", StringComparison.Ordinal))
                {
                    FlushAssembly();
                    section = Section.None;
                }

                continue;
            }

            var seconds = row.Groups["time"].Value.StartsWith('<') ? 0.0 : double.Parse(row.Groups["time"].Value, CultureInfo.InvariantCulture);
            var name = row.Groups["name"].Value.Trim();
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                FlushAssembly();
                currentAssembly = name[..name.IndexOf(',', StringComparison.Ordinal)];
                currentSeconds = seconds;
                current = [];
            }
            else
            {
                current?.Add(new AnalyzerTime(name, seconds));
            }
        }

        FlushAssembly();
        return log;
    }

    private static double? SecondsIn(string text)
    {
        var match = Seconds().Match(text);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private enum Section
    {
        None,
        Analyzers,
        Generators,
    }

    // "/tmp/x/src/Orders/OrderService.cs(12,9): warning GW001: ..." possibly behind "1:7>" and indentation.
    [GeneratedRegex(@"^\s*(?:\d+(?::\d+)?>)?(?<file>[^\s(][^(]*?\.cs)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+):(?<message>.*?)(?: \[[^\[\]]+\.csproj(?:::[^\]]*)?\])?$")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^Time Elapsed (\d+:\d+:\d+(?:\.\d+)?)$")]
    private static partial Regex TimeElapsed();

    [GeneratedRegex(@"^(\d+) ms\s+Csc\s+\d+ calls?$")]
    private static partial Regex CscTask();

    [GeneratedRegex(@"(\d+(?:\.\d+)?) seconds")]
    private static partial Regex Seconds();

    // "0.103   13      Name (IDS)" or "<0.001   <1   Assembly, Version=..."
    [GeneratedRegex(@"^(?<time><?\d+(?:\.\d+)?)\s+<?\d+\s+(?<name>\S.*)$")]
    private static partial Regex TimeRow();
}
