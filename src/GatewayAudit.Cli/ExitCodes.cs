namespace GatewayAudit.Cli;

/// <summary>Exit codes, as shared/DESIGN.md fixes them.</summary>
public static class ExitCodes
{
    /// <summary>Ran; nothing at or above --fail-on.</summary>
    public const int Ok = 0;

    /// <summary>Findings at or above --fail-on.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or unreadable input: no report, or no complete one, was produced.</summary>
    public const int UsageOrInput = 2;

    /// <summary>A bug in gateway-audit itself.</summary>
    public const int Internal = 3;
}
