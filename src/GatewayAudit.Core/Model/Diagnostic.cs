namespace GatewayAudit.Core.Model;

/// <summary>
/// A problem with the input itself (malformed YAML, wrong type, unknown key). Errors mean the scan is incomplete
/// and the CLI exits 2; warnings are shown with the report. Messages never quote input values (they may be secrets).
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    public static Diagnostic Error(string code, string message, SourceLocation location) =>
        new(DiagnosticSeverity.Error, code, message, location);

    public static Diagnostic Warning(string code, string message, SourceLocation location) =>
        new(DiagnosticSeverity.Warning, code, message, location);

    public override string ToString() => $"{Location}: {EnumText.Of(Severity)} {Code}: {Message}";
}

/// <summary>A literal secret written inline in an input. The value itself is kept only in <see cref="SecretLedger"/>.</summary>
public sealed record LiteralSecret(SourceLocation Location, string Key, string Redacted);

/// <summary>Something the inputs cannot show and a reviewer must ask about, rather than the tool guessing.</summary>
public sealed record OpenQuestion(string Subject, string Question, SourceLocation? Evidence = null);

/// <summary>One file the scan looked at, and which reader took it (or why none did).</summary>
public sealed record ScannedInput(string File, string Reader, string? SkippedReason = null)
{
    public bool Skipped => SkippedReason is not null;
}
