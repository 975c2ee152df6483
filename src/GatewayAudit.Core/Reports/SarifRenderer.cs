using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Suppressions;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules with help text and
/// security-severity, one result per finding with a relative artifact URI, a start line, a partial fingerprint that
/// survives line shifts, and suppressions (inSource for inline comments, external for the baseline).
/// Written with System.Text.Json on purpose: the Sarif.Sdk package cannot be restored in this build environment,
/// and the subset we emit is small enough to assert key by key in tests.
/// </summary>
public sealed class SarifRenderer(IReadOnlyList<PolicyRule> rules) : IReportRenderer
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/gateway-audit/gateway-audit";
    public const string FingerprintKey = "gatewayAuditFinding/v1";

    // The nodes are written straight to a Utf8JsonWriter: no serializer options and no type metadata, so the same code
    // runs in a Native AOT build (JsonNode.ToJsonString(options) needs metadata the trimmed build does not keep).
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "sarif";

    public string Render(Report report)
    {
        // Rules: every loaded rule (so viewers can show rules that did not fire), plus any finding's rule not in the pack.
        var known = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var ruleIds = rules.Select(r => r.Id).Concat(report.Findings.Select(f => f.RuleId)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = ruleIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var ruleNodes = new JsonArray(ruleIds.Select(id => RuleNode(id, known.GetValueOrDefault(id), report.Findings.FirstOrDefault(f => f.RuleId == id))).ToArray<JsonNode?>());
        var fallbackFile = report.Inputs.FirstOrDefault(i => i.Skipped is null)?.File ?? report.Inputs.FirstOrDefault()?.File;
        var results = new JsonArray(report.Findings.Select(f => ResultNode(f, index[f.RuleId], fallbackFile)).ToArray<JsonNode?>());

        var sarif = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = report.Tool.Name,
                        ["version"] = report.Tool.Version,
                        ["semanticVersion"] = report.Tool.Version,
                        ["informationUri"] = InformationUri,
                        ["rules"] = ruleNodes,
                    },
                },
                ["columnKind"] = "unicodeCodePoints",
                ["results"] = results,
            }),
        };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            sarif.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static string LevelOf(string severity) => severity switch
    {
        "critical" or "high" => "error",
        "medium" => "warning",
        _ => "note",
    };

    /// <summary>GitHub maps security-severity to critical (9.0+), high (7.0-8.9), medium (4.0-6.9) and low (0.1-3.9).</summary>
    public static string SecuritySeverityOf(string severity) => severity switch
    {
        "critical" => "9.5",
        "high" => "8.0",
        "medium" => "5.5",
        "low" => "3.0",
        _ => "0.0",
    };

    private static JsonObject RuleNode(string id, PolicyRule? rule, FindingRow? example)
    {
        var severity = rule is not null ? EnumText.Of(rule.Severity) : example?.Severity ?? "info";
        var title = rule?.Title ?? example?.Title ?? id;
        var description = rule is { Description.Length: > 0 } ? rule.Description : title;
        var remediation = rule?.Remediation ?? example?.Remediation ?? "";
        var references = rule?.References ?? example?.References ?? [];
        var markdown = new StringBuilder();
        markdown.Append(CultureInfo.InvariantCulture, $"**{title}** ({severity})\n\n{description}\n\n**Remediation:** {remediation}\n");
        if (references.Count > 0)
        {
            markdown.Append("\n**References:**\n");
            foreach (var reference in references)
            {
                markdown.Append(CultureInfo.InvariantCulture, $"- {reference}\n");
            }
        }

        markdown.Append(CultureInfo.InvariantCulture, $"\nSuppress with `# gateway-audit:ignore {id} reason=\"...\" until=YYYY-MM-DD` or a baseline entry.\n");
        var tags = new JsonArray("security", "privacy");
        foreach (var tag in rule?.Tags ?? [])
        {
            tags.Add((JsonNode?)JsonValue.Create(tag));
        }

        var node = new JsonObject
        {
            ["id"] = id,
            ["name"] = PascalName(id),
            ["shortDescription"] = new JsonObject { ["text"] = title },
            ["fullDescription"] = new JsonObject { ["text"] = description },
            ["help"] = new JsonObject { ["text"] = $"{description}\n\nRemediation: {remediation}", ["markdown"] = markdown.ToString() },
            ["defaultConfiguration"] = new JsonObject { ["level"] = LevelOf(severity) },
            ["properties"] = new JsonObject
            {
                ["tags"] = tags,
                ["security-severity"] = SecuritySeverityOf(severity),
                ["precision"] = "high",
                ["problem.severity"] = LevelOf(severity) == "note" ? "recommendation" : LevelOf(severity),
            },
        };
        if (references.Count > 0)
        {
            node["helpUri"] = references[0];
        }

        return node;
    }

    private static JsonObject ResultNode(FindingRow finding, int ruleIndex, string? fallbackFile)
    {
        var file = finding.File ?? fallbackFile ?? ".";
        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = ruleIndex,
            // A conditional finding (about a party only imported or presumed) never claims an error: at most a warning.
            ["level"] = finding.Conditional is null || LevelOf(finding.Severity) != "error" ? LevelOf(finding.Severity) : "warning",
            ["message"] = new JsonObject { ["text"] = finding.Message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = UriOf(file), ["uriBaseId"] = "%SRCROOT%" },
                    ["region"] = new JsonObject { ["startLine"] = Math.Max(1, finding.Line ?? 1) },
                },
            }),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = Fingerprint(finding.RuleId, file, finding.Subject ?? $"line:{finding.Line ?? 0}") },
        };
        if (finding.Suppression is { Expired: false } s)
        {
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = s.Kind == SuppressionStage.InlineKind ? "inSource" : "external",
                ["status"] = "accepted",
                ["justification"] = s.Until is null ? s.Reason : $"{s.Reason} (until {s.Until})",
            });
        }

        var properties = new JsonObject { ["severity"] = finding.Severity };
        if (finding.Subject is not null)
        {
            properties["subject"] = finding.Subject;
        }

        if (finding.Conditional is { } conditional)
        {
            properties["conditional"] = true;
            properties["confidence"] = conditional.Confidence;
            properties["ruleSeverity"] = conditional.RuleSeverity;
        }

        if (finding.Suppression is { Expired: true } expired)
        {
            properties["suppressionExpired"] = expired.Until;
        }

        result["properties"] = properties;
        return result;
    }

    /// <summary>A relative path as a URI reference (forward slashes, percent-encoded); absolute paths become file URIs.</summary>
    public static string UriOf(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>Stable across line shifts: rule, file and subject, hashed.</summary>
    public static string Fingerprint(string ruleId, string file, string subject)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{file}\n{subject}"));
        return Convert.ToHexStringLower(bytes)[..32];
    }

    private static string PascalName(string id) =>
        string.Concat(id.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
