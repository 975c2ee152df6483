using System.Text.RegularExpressions;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// One Spring Boot property as a file writes it: its canonical name, the name as written, and its value with the line
/// it is on. The canonical form follows Spring Boot's relaxed binding: dashes and underscores dropped and letters
/// lower-cased, so <c>base-url</c>, <c>baseUrl</c> and <c>base_url</c> are one property
/// (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding,
/// read 2026-11-30).
/// </summary>
internal sealed record SpringProperty(string Key, string Written, YamlScalar Value)
{
    /// <summary>The profile the property's YAML document is activated on (<c>spring.config.activate.on-profile</c>), null for a document of every profile.</summary>
    public string? Profile { get; init; }

    public static string Canonical(string name) =>
        string.Concat(name.Where(c => c is not ('-' or '_'))).ToLowerInvariant();
}

/// <summary>
/// A value with Spring's <c>${NAME:default}</c> placeholders: the default runs unless NAME is set where the app runs; a
/// placeholder with no default is not known from the file.
/// </summary>
internal sealed partial record SpringValue(string? Text, string? Variable)
{
    public static SpringValue Of(string written)
    {
        var match = PlaceholderRegex().Match(written);
        if (!match.Success)
        {
            return new SpringValue(written.Trim(), null);
        }

        var variable = match.Groups["name"].Value.Trim();
        if (written.IndexOf("${", match.Index + 2, StringComparison.Ordinal) >= 0 || !match.Groups["default"].Success)
        {
            // No default (or placeholders inside placeholders): what runs is set where the app runs.
            return new SpringValue(null, variable);
        }

        return new SpringValue(PlaceholderRegex().Replace(written, m => m.Groups["default"].Value).Trim(), variable);
    }

    [GeneratedRegex(@"\$\{(?<name>[^}:]+)(:(?<default>[^}]*))?\}")]
    private static partial Regex PlaceholderRegex();
}
