using System.Text;
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
        // The lines as places in the text, not strings: a values file is read line by line, and only a line that may
        // start a config, and the config's own lines, become text (bench/SCALE.md round 14).
        var lines = new Lines(text, t_lines ??= []);
        var found = new List<EmbeddedConfig>();
        for (var i = 0; i < lines.Count; i++)
        {
            // Only a block scalar (| or >) or a config-named key starts one: other lines skip the regex and its groups.
            if (!MayStartConfig(lines[i]))
            {
                continue;
            }

            var key = KeyRegex().Match(new string(lines[i]));
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
            for (var j = i + 1; j < lines.Count; j++)
            {
                var line = lines[j];
                if (line.Trim().IsEmpty || IsTemplateLine(line) || Indentation(line) > indent)
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

            // The lines up to the key blank (so lines keep their numbers), then the block's, each ending with a line break.
            var embedded = (t_embedded ??= new StringBuilder()).Clear();
            embedded.Append('\n', i + 1);
            for (var j = i + 1; j <= end; j++)
            {
                Sanitize(lines[j], embedded);
                embedded.Append('\n');
            }

            found.Add(new EmbeddedConfig(name, embedded.ToString(), new SourceLocation(displayPath, i + 1)));
            i = end;
        }

        if (lines.Count > 65_536 || t_embedded?.Capacity > 1 << 20)
        {
            (t_lines, t_embedded) = (null, null); // a huge file's buffers are not kept
        }

        return found;
    }

    // One list of line places and one builder per thread, reused file after file: a builder the size of each file was
    // a quarter of this finder's garbage in a large scan (bench/SCALE.md round 16).
    [ThreadStatic]
    private static List<(int Start, int Length)>? t_lines;

    [ThreadStatic]
    private static StringBuilder? t_embedded;

    // The block's first level (its smallest indentation) must hold one of LiteLLM's sections.
    private static bool HoldsSections(Lines lines, int from, int to)
    {
        var first = int.MaxValue;
        for (var j = from; j <= to; j++)
        {
            var line = lines[j];
            if (!line.Trim().IsEmpty && !IsTemplateLine(line) && !line.TrimStart().StartsWith('#'))
            {
                first = Math.Min(first, Indentation(line));
            }
        }

        for (var j = from; j <= to; j++)
        {
            var line = lines[j];
            if (Indentation(line) == first && SectionRegex().IsMatch(line.TrimStart()))
            {
                return true;
            }
        }

        return false;
    }

    private static int Indentation(ReadOnlySpan<char> line) => line.Length - line.TrimStart(' ').Length;

    private static bool IsTemplateLine(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal);
    }

    // What KeyRegex and the test after it need of a line that starts a config: a block indicator or "config" in the key.
    private static bool MayStartConfig(ReadOnlySpan<char> line) =>
        line.IndexOfAny('|', '>') >= 0 || line.Contains("config", StringComparison.OrdinalIgnoreCase);

    // A template-only line becomes blank, and {{ ... }} a placeholder; a line without "{{" is the line as it is.
    private static void Sanitize(ReadOnlySpan<char> line, StringBuilder into)
    {
        if (IsTemplateLine(line))
        {
            return;
        }

        if (line.Contains("{{", StringComparison.Ordinal))
        {
            into.Append(TemplateRegex().Replace(new string(line), TemplatePlaceholder));
            return;
        }

        into.Append(line);
    }

    /// <summary>The text's lines split at '\n' (as string.Split would, a last empty one after a final line break), without their trailing '\r's.</summary>
    private readonly struct Lines
    {
        private readonly string _text;
        private readonly List<(int Start, int Length)> _lines;

        public Lines(string text, List<(int Start, int Length)> lines)
        {
            _text = text;
            _lines = lines;
            _lines.Clear();
            for (var start = 0; ;)
            {
                var newline = text.IndexOf('\n', start);
                _lines.Add((start, (newline < 0 ? text.Length : newline) - start));
                if (newline < 0)
                {
                    break;
                }

                start = newline + 1;
            }
        }

        public int Count => _lines.Count;

        public ReadOnlySpan<char> this[int index] => _text.AsSpan(_lines[index].Start, _lines[index].Length).TrimEnd('\r');
    }

    [GeneratedRegex(@"^(?<indent> *)(?<dash>- +)?(?<key>""[^""]+""|'[^']+'|[A-Za-z0-9_.\-/]+)\s*:\s*(?<block>[|>][-+0-9]*)?\s*(#.*)?$")]
    private static partial Regex KeyRegex();

    [GeneratedRegex(@"^\s*(model_list|litellm_settings|general_settings|router_settings)\s*:", RegexOptions.Multiline)]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex TemplateRegex();
}
