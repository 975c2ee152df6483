using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayAudit.Core.Reports;

/// <summary>The JSON contract of shared/DESIGN.md: camelCase keys, tool/inputs/subprocessors/components/flows/findings/diagnostics first.</summary>
public sealed class JsonRenderer : IReportRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        IndentSize = 2,
    };

    public string Format => "json";

    public string Render(Report report) => JsonSerializer.Serialize(report, Options) + "\n";
}
