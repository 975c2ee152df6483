using Microsoft.CodeAnalysis;

namespace GatewayAudit.AnalyzerCorpus;

/// <summary>An exception the analyzer threw, as the compiler host reported it (AD0001).</summary>
public sealed record AnalyzerFailure(Exception Exception, string Analyzer, Diagnostic? Diagnostic);

/// <summary>What one compilation gave.</summary>
public sealed class UnitResult
{
    public required CorpusUnit Unit { get; init; }

    public int Files { get; init; }

    /// <summary>The unit's csproj is a test project (IsTestProject, or a test SDK or framework package).</summary>
    public bool IsTestProject { get; set; }

    public long Lines { get; init; }

    /// <summary>Files the compiler treats as generated (name or &lt;auto-generated&gt; header): the analyzer skips them.</summary>
    public int GeneratedFiles { get; init; }

    public int FilesWithParseErrors { get; init; }

    /// <summary>Compiler errors (declarations and bodies), or -1 when not counted.</summary>
    public int CompileErrors { get; set; } = -1;

    public List<Diagnostic> Diagnostics { get; } = [];

    public List<AnalyzerFailure> Failures { get; } = [];

    public TimeSpan AnalyzerTime { get; set; }

    public TimeSpan WallTime { get; set; }

    public TimeSpan ParseTime { get; init; }
}
