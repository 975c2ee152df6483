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

/// <summary>
/// A literal secret written inline in an input. The value itself is kept only in <see cref="SecretLedger"/>.
/// WellKnown says what it is when anyone can know it (LiteLLM's documented example key sk-1234), else null.
/// </summary>
public sealed record LiteralSecret(SourceLocation Location, string Key, string Redacted, string? WellKnown = null);

/// <summary>Something the inputs cannot show and a reviewer must ask about, rather than the tool guessing.</summary>
public sealed record OpenQuestion(string Subject, string Question, SourceLocation? Evidence = null)
{
    /// <summary>The component this question asks about; with <see cref="OpenWhile"/>, what keeps it open.</summary>
    public string? About { get; init; }

    /// <summary>
    /// The fact of <see cref="About"/> this question asks for. A report drops the question once the stack answers
    /// it (a later reader, stack assembly or the catalog may know the host), so one report never asks what it says.
    /// </summary>
    public OpenWhile OpenWhile { get; init; }

    /// <summary>Whether the question is still open in this model.</summary>
    public bool IsOpen(StackModel model) => About is null || model.Find(About) is not { } component || OpenWhile switch
    {
        OpenWhile.HostingUnknown => component.Hosting == Hosting.Unknown,
        // Unknown hosting is asked by the hosting question (which names the region too); operator hosts are yours.
        OpenWhile.RegionUnknown => component.Hosting == Hosting.ThirdParty && component.Region is null,
        OpenWhile.MasterKeyUnknown => component.Attributes["masterKey"] is "not-in-config",
        _ => true,
    };
}

/// <summary>What an open question about a component waits for.</summary>
public enum OpenWhile
{
    /// <summary>Open whatever the model says.</summary>
    Always,

    /// <summary>Open while nobody knows who runs the component.</summary>
    HostingUnknown,

    /// <summary>Open while a third party runs the component and its region is not known.</summary>
    RegionUnknown,

    /// <summary>Open while neither the config nor the proxy's environment sets a master key.</summary>
    MasterKeyUnknown,
}

/// <summary>One file the scan looked at, and which reader took it (or why none did).</summary>
public sealed record ScannedInput(string File, string Reader, string? SkippedReason = null)
{
    public bool Skipped => SkippedReason is not null;
}
