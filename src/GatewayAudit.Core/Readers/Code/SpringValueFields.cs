using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Java and Kotlin fields (and constructor parameters) that Spring fills from a property:
/// <c>@Value("${langchain4j.open-ai.chat-model.base-url}") private lateinit var url: String</c>, or with a default,
/// <c>@Value("${app.llm.base-url:https://api.openai.com/v1}") String url</c> (Spring Framework reference, "Using
/// @Value": https://docs.spring.io/spring-framework/reference/core/beans/annotation-config/value-annotations.html, read
/// 2026-11-30). A client given such a field as its address takes the property's value from the application's
/// property files, which another reader sees: the site is left to the stack assembly (<c>Stacks/SpringPropertyJoin</c>)
/// as an imported value whose module is <see cref="Module"/> and whose name is the placeholder as written.
/// </summary>
internal static partial class SpringValueFields
{
    /// <summary>The module an <see cref="LexicalImportedName"/> names for a value Spring injects from a property.</summary>
    public const string Module = "spring:@Value";

    /// <summary>Each field name the file annotates with a single <c>${...}</c> placeholder, to that placeholder.</summary>
    public static Dictionary<string, string> Of(LexicalSource source)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (source.Language is not (LexicalLanguage.Java or LexicalLanguage.Kotlin))
        {
            return fields;
        }

        for (var i = 0; i + 3 < source.Count; i++)
        {
            if (!source.IsPunct(i, "@") || !source[i + 1].IsName("Value") || !source.IsPunct(i + 2, "(") || source.Match[i + 2] < 0)
            {
                continue;
            }

            var close = source.Match[i + 2];
            var written = Enumerable.Range(i + 3, close - i - 3).Where(k => source[k].Kind == LexicalTokenKind.String).Select(k => source[k].Text).FirstOrDefault();
            var placeholder = written?.Replace("\\$", "$", StringComparison.Ordinal).Trim();
            if (placeholder is null || !PlaceholderRegex().IsMatch(placeholder) || Declared(source, close + 1) is not { } name)
            {
                continue;
            }

            fields.TryAdd(name, placeholder);
        }

        return fields;
    }

    /// <summary>The placeholder's property name and its default (after the first ':'), or null when it is not one placeholder.</summary>
    public static (string Key, string? Default)? Parse(string placeholder)
    {
        var match = PlaceholderRegex().Match(placeholder);
        return match.Success ? (match.Groups["key"].Value.Trim(), match.Groups["default"].Success ? match.Groups["default"].Value.Trim() : null) : null;
    }

    // The name declared after the annotation: the last name before ':' (Kotlin type), ';', '=', ',' or ')' (Java),
    // passing over modifiers and further annotations.
    private static string? Declared(LexicalSource source, int from)
    {
        string? name = null;
        for (var k = from; k < source.Count && k < from + 24; k++)
        {
            if (source.IsPunct(k, "@"))
            {
                k++;
                if (source.IsPunct(k + 1, "(") && source.Match[k + 1] > k)
                {
                    k = source.Match[k + 1];
                }

                continue;
            }

            if (source[k].Kind == LexicalTokenKind.Punct && source[k].Text is ":" or ";" or "=" or "," or ")" or "{")
            {
                break;
            }

            if (source.IsIdentifier(k))
            {
                name = source[k].Text;
            }
        }

        return name;
    }

    [GeneratedRegex(@"^\$\{(?<key>[^}:$]+)(:(?<default>[^}]*))?\}$")]
    private static partial Regex PlaceholderRegex();
}
