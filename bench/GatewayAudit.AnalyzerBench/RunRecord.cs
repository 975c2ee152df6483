using System.Text.Json;

namespace GatewayAudit.AnalyzerBench;

/// <summary>One build as recorded in run.json: enough to re-read its log and re-render the report.</summary>
internal sealed record SampleRecord(string Configuration, int Round, double WallSeconds, double? CpuSeconds, string Log);

/// <summary>
/// Everything a report needs besides the build logs, rewritten to the scratch folder after every build, so that
/// <c>--report-from DIR</c> can render the Markdown again (or of a run that was stopped) without rebuilding.
/// </summary>
internal sealed record RunRecord(
    DateTimeOffset StartedAt,
    int Seed,
    int Iterations,
    bool Sequential,
    bool CompilerServer,
    AnalyzerIdentity Analyzer,
    GeneratedProject Project,
    List<SampleRecord> Samples)
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Save(string scratch) =>
        File.WriteAllText(Path.Combine(scratch, FileName), JsonSerializer.Serialize(this, Json));

    public static RunRecord Load(string scratch) =>
        JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(Path.Combine(scratch, FileName)), Json)
        ?? throw new BenchmarkException($"{Path.Combine(scratch, FileName)} is empty");

    /// <summary>Re-reads the build logs of the recorded samples.</summary>
    public List<BuildSample> ReadSamples(string scratch) =>
        Samples
            .Select(s => new BuildSample(
                BuildConfiguration.All.Single(c => c.Name == s.Configuration),
                s.Round,
                s.WallSeconds,
                s.CpuSeconds,
                BuildLog.Parse(File.ReadLines(Path.Combine(scratch, "logs", s.Log)))))
            .ToList();
}
