using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// The report model's JSON metadata, generated at build time instead of read by reflection on every run: a cold
/// <c>scan --format json</c> no longer builds the contract of ~40 record types by reflection and emitted accessors
/// (bench/STARTUP.md), and the renderer needs no code generated at run time (a step towards Native AOT). Attribute
/// values are <c>object</c>: the closed set <see cref="Model.AttributeBag"/> allows (string, bool, long, double,
/// string list) is registered here, plus <see cref="JsonElement"/>, what a merged scan result carries.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Report))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
