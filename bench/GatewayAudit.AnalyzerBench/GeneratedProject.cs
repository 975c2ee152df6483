namespace GatewayAudit.AnalyzerBench;

/// <summary>A line of generated code that leaks a gateway detail past the adapter, as planted by the generator.</summary>
/// <param name="File">Path relative to the generated source root, with '/' separators.</param>
/// <param name="Line">1-based line the diagnostic should point at.</param>
/// <param name="ExpectedIds">The GW ids the design says this line leaks.</param>
/// <param name="Form">A short name of the form (literal, const from the adapter, dictionary key, ...).</param>
/// <param name="BannedApiCanSee">Whether the banned list used for BannedApiAnalyzers bans a symbol used on this line.</param>
internal sealed record PlantedLeak(string File, int Line, IReadOnlyList<string> ExpectedIds, string Form, bool BannedApiCanSee);

/// <summary>A line that looks like a leak but is not one (a payment "provider", a telemetry "route" tag, ...).</summary>
internal sealed record NearMiss(string File, int Line, string Form);

/// <summary>What the generator wrote: counts, and where it planted leaks and near misses.</summary>
internal sealed class GeneratedProject
{
    public required string SourceRoot { get; init; }

    public required int Files { get; init; }

    public required long Lines { get; init; }

    public required long Bytes { get; init; }

    public required int LeakFiles { get; init; }

    public required int NearMissFiles { get; init; }

    public required IReadOnlyList<PlantedLeak> Leaks { get; init; }

    public required IReadOnlyList<NearMiss> NearMisses { get; init; }
}
