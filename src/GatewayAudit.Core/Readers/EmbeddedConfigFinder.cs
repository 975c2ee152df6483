using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// Finds LiteLLM configs written inside deployment files: a block scalar (<c>config.yaml: |</c> in a ConfigMap, also
/// in a Helm template) or a mapping under a config-named key (Helm values' <c>proxy_config:</c>) whose first level holds
/// LiteLLM's sections. It works on the text, not the YAML tree, so a Helm template that is not valid YAML until
/// rendered still gives up its config: template-only lines become blank and <c>{{ ... }}</c> expressions become a
/// <c>${HELM_TEMPLATE}</c> placeholder (a value the scan treats as set at deploy time).
/// </summary>
public static partial class EmbeddedConfigFinder
{
    public const string TemplatePlaceholder = "${HELM_TEMPLATE}";

    /// <summary>True when the text may hold an embedded config (cheap check before <see cref="Find"/>).</summary>
    public static bool MayHoldConfig(string text) => SectionRegex().IsMatch(text);

    public static List<EmbeddedConfig> Find(string displayPath, string text)
    {
        var lines = text.Split('\n');
        var found = new List<EmbeddedConfig>();
        for (var i = 0; i < lines.Length; i++)
        {
            // Only a block scalar (| or >) or a config-named key starts one: other lines skip the regex and its groups.
            if (!MayStartConfig(lines[i]))
            {
                continue;
            }

            var key = KeyRegex().Match(lines[i].TrimEnd('\r'));
            if (!key.Success)
            {
                continue;
            }

            var indent = key.Groups["indent"].Length + key.Groups["dash"].Length;
            var block = key.Groups["block"].Success;
            var name = key.Groups["key"].Value.Trim('"', '\'');
            if (!block && !name.Contains("config", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var end = i;
            for (var j = i + 1; j < lines.Length; j++)
            {
                var line = lines[j].TrimEnd('\r');
                if (line.AsSpan().Trim().IsEmpty || IsTemplateLine(line) || Indentation(line) > indent)
                {
                    end = j;
                    continue;
                }

                break;
            }

            if (end == i || !HoldsSections(lines, i + 1, end))
            {
                continue;
            }

            // One more empty line than the block: the joined text ends with a line break.
            var embedded = new string[end + 2];
            for (var j = 0; j <= end; j++)
            {
                embedded[j] = j <= i ? "" : Sanitize(lines[j].TrimEnd('\r'));
            }

            embedded[end + 1] = "";
            found.Add(new EmbeddedConfig(name, string.Join('\n', embedded), new SourceLocation(displayPath, i + 1)));
            i = end;
        }

        return found;
    }

    // The block's first level (its smallest indentation) must hold one of LiteLLM's sections.
    private static bool HoldsSections(string[] lines, int from, int to)
    {
        var first = int.MaxValue;
        for (var j = from; j <= to; j++)
        {
            var line = lines[j].TrimEnd('\r');
            if (!line.AsSpan().Trim().IsEmpty && !IsTemplateLine(line) && !line.AsSpan().TrimStart().StartsWith('#'))
            {
                first = Math.Min(first, Indentation(line));
            }
        }

        for (var j = from; j <= to; j++)
        {
            var line = lines[j].TrimEnd('\r');
            if (Indentation(line) == first && SectionRegex().IsMatch(line.AsSpan().TrimStart()))
            {
                return true;
            }
        }

        return false;
    }

    private static int Indentation(string line) => line.Length - line.AsSpan().TrimStart(' ').Length;

    private static bool IsTemplateLine(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal);
    }

    // What KeyRegex and the test after it need of a line that starts a config: a block indicator or "config" in the key.
    private static bool MayStartConfig(string line) =>
        line.AsSpan().IndexOfAny('|', '>') >= 0 || line.Contains("config", StringComparison.OrdinalIgnoreCase);

    private static string Sanitize(string line) =>
        IsTemplateLine(line) ? "" : TemplateRegex().Replace(line, TemplatePlaceholder);

    [GeneratedRegex(@"^(?<indent> *)(?<dash>- +)?(?<key>""[^""]+""|'[^']+'|[A-Za-z0-9_.\-/]+)\s*:\s*(?<block>[|>][-+0-9]*)?\s*(#.*)?$")]
    private static partial Regex KeyRegex();

    [GeneratedRegex(@"^\s*(model_list|litellm_settings|general_settings|router_settings)\s*:", RegexOptions.Multiline)]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex TemplateRegex();
}
