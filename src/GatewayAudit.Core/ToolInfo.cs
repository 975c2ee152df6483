namespace GatewayAudit.Core;

/// <summary>Name and version printed in every report header.</summary>
public static class ToolInfo
{
    public const string Name = "gateway-audit";
    public const string Version = "0.1.0";
}
