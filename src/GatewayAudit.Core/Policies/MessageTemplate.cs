using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// A rule's message or remediation cut at its placeholders once: the text between them, and for each placeholder
/// the fact path it names for the rule's kind of subject, or its own text when it names none (kept as written, as
/// <see cref="RuleEngine.Interpolate"/> always kept it). Filling it is one pass over the parts, without the regex
/// match, the replacement delegate and the strings a replace made for every finding of every stack.
/// </summary>
internal sealed class MessageTemplate
{
    private static readonly ConcurrentDictionary<(string Template, SubjectKind Kind), MessageTemplate> Known = new();

    private readonly string _template;

    // Literal text (Path null) and placeholders to fill (Path set), in order; null when nothing is filled.
    private readonly (string Text, FactPath? Path)[]? _parts;
    private readonly int _literalLength;

    public MessageTemplate(string template, SubjectKind kind)
    {
        _template = template;
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return;
        }

        var parts = new List<(string, FactPath?)>();
        var at = 0;
        var fills = false;
        foreach (Match match in RuleEngine.PlaceholderRegex().Matches(template))
        {
            var path = RuleEngine.FactPathOf(match.Groups[1].Value, kind) is { } named ? FactPath.Of(named) : null;
            parts.Add((template[at..match.Index], null));
            parts.Add((match.Value, path));
            fills |= path is not null;
            at = match.Index + match.Length;
        }

        parts.Add((template[at..], null));
        if (fills)
        {
            _parts = [.. parts];
            _literalLength = parts.Sum(p => p.Item2 is null ? p.Item1.Length : 0);
        }
    }

    /// <summary>The template of this text for this kind of subject, cut once per run.</summary>
    public static MessageTemplate Of(string template, SubjectKind kind) =>
        Known.TryGetValue((template, kind), out var known) ? known : Known.GetOrAdd((template, kind), static key => new MessageTemplate(key.Template, key.Kind));

    /// <summary>The text with every placeholder it can fill filled from the subject.</summary>
    public string Fill(RuleSubject subject, PolicyContext context)
    {
        if (_parts is null)
        {
            return _template;
        }

        var text = new DefaultInterpolatedStringHandler(_literalLength, _parts.Length / 2, CultureInfo.InvariantCulture, stackalloc char[256]);
        foreach (var (literal, path) in _parts)
        {
            if (path is null)
            {
                text.AppendLiteral(literal);
            }
            else
            {
                text.AppendLiteral(RuleSubject.Format(subject.Fact(path, context)));
            }
        }

        return text.ToStringAndClear();
    }
}
