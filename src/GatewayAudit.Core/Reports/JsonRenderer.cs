using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GatewayAudit.Core.Reports;

/// <summary>The JSON contract of shared/DESIGN.md: camelCase keys, tool/inputs/subprocessors/components/flows/findings/diagnostics first.</summary>
public sealed class JsonRenderer : IReportRenderer
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        // Generated metadata (ReportJsonContext), not reflection: the same contract, without its cost on every cold run.
        TypeInfoResolver = ReportJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        IndentSize = 2,
    };

    public string Format => "json";

    private static readonly JsonTypeInfo<Report> ReportType = (JsonTypeInfo<Report>)Options.GetTypeInfo(typeof(Report));

    public string Render(Report report) => JsonSerializer.Serialize(report, ReportType) + "\n";

    /// <summary>Serialises straight to the stream: a report of 10,000 stacks is never one string in memory.</summary>
    public void Write(Report report, Stream output, Func<string, string> clean) => Write(report, output, clean, rowsByHand: true);

    /// <summary>
    /// Without <paramref name="rowsByHand"/> every row goes through the serializer's metadata: the contract that
    /// <see cref="JsonRowWriter"/>'s bytes are tested against.
    /// </summary>
    internal static void Write(Report report, Stream output, Func<string, string> clean, bool rowsByHand)
    {
        var options = OptionsFor(new CleanedStrings(clean), rowsByHand);
        var type = (JsonTypeInfo<Report>)options.GetTypeInfo(typeof(Report));
        if (rowsByHand)
        {
            // A writer on the stream itself, flushed as it fills (CleanedStrings.WriteValue): the serializer's own buffer
            // only goes to the stream between two list items, so it grew to hold the largest item whole (the roll-up's
            // locations of a party in every stack, the Mermaid text), 15 MiB of new arrays at 10,000 configs (round 17).
            using var writer = new Utf8JsonWriter(output, WriterOptions);
            JsonSerializer.Serialize(writer, report, type);
        }
        else
        {
            JsonSerializer.Serialize(output, report, type);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>The serializer's own writer options for <see cref="Options"/>.</summary>
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        SkipValidation = true,
    };

    internal static JsonSerializerOptions OptionsFor(CleanedStrings cleaned, bool rowsByHand)
    {
        var options = new JsonSerializerOptions(Options);
        options.Converters.Add(new CleanStrings(cleaned));
        if (rowsByHand)
        {
            foreach (var converter in new JsonRowWriter(cleaned).Converters)
            {
                options.Converters.Add(converter);
            }
        }

        return options;
    }

    /// <summary>
    /// Every string value and key cleaned as it is written: a secret or a control character is inside one string, never
    /// across two. A repeated value is written from its cleaned text already escaped (<see cref="CleanedStrings"/>).
    /// </summary>
    private sealed class CleanStrings(CleanedStrings cleaned) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => cleaned.WriteValue(writer, value);

        // Dictionary keys too: a component id can hold a URL from the config (locations, attributes).
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => cleaned.WriteName(writer, value);
    }
}
