using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Java and Kotlin fields (and constructor parameters) that Spring fills from a property:
/// <c>@Value("${langchain4j.open-ai.chat-model.base-url}") private lateinit var url: String</c>, or with a default,
/// <c>@Value("${app.llm.base-url:https://api.openai.com/v1}") String url</c> (Spring Framework reference, "Using
/// @Value": https://docs.spring.io/spring-framework/reference/core/beans/annotation-config/value-annotations.html, read
/// 2026-11-30). A client given such a field as its address takes the property's value from the application's
/// property files, which another reader sees: the site is left to the stack assembly (<c>Stacks/SettingsFileJoin</c>)
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

        BoundFields(source, fields);
        return fields;
    }

    /// <summary>
    /// The fields of a class annotated <c>@ConfigurationProperties(prefix = "x")</c> (or <c>("x")</c>), each as the
    /// placeholder of the property it is bound to (<c>${x.baseUrl}</c>; relaxed binding makes it <c>x.base-url</c>),
    /// with the field's literal initializer as the default: Java fields (<c>private String baseUrl = "...";</c>) and
    /// Kotlin constructor or body properties (<c>val baseUrl: String = "..."</c>). Spring Boot binds them by name
    /// ("Type-safe Configuration Properties", https://docs.spring.io/spring-boot/reference/features/external-config.html,
    /// read 2026-12-01). Only the fields as the class itself uses them; a getter called from another class is not followed.
    /// </summary>
    private static void BoundFields(LexicalSource source, Dictionary<string, string> fields)
    {
        for (var i = 0; i + 3 < source.Count; i++)
        {
            if (!source.IsPunct(i, "@") || !source[i + 1].IsName("ConfigurationProperties") || !source.IsPunct(i + 2, "(") || source.Match[i + 2] < 0)
            {
                continue;
            }

            var close = source.Match[i + 2];
            var prefix = Enumerable.Range(i + 3, close - i - 3).Where(k => source[k].Kind == LexicalTokenKind.String).Select(k => source[k].Text.Trim()).FirstOrDefault();
            var type = Enumerable.Range(close + 1, Math.Min(24, source.Count - close - 1)).FirstOrDefault(k => source[k].IsName("class") || source[k].IsName("record"), -1);
            if (prefix is not { Length: > 0 } || type < 0)
            {
                continue;
            }

            // The header up to the body: a Kotlin primary constructor or Java record components (after an optional
            // "@ConstructorBinding constructor"), then the body; another declaration ends a class without one.
            for (var k = type + 2; k < source.Count && k < type + 64 && (k == type + 2 || !source.IsPunct(k, "@")); k++)
            {
                if (source.IsPunct(k, "(") && source.Match[k] > k && k <= type + 5)
                {
                    Declarations(source, k + 1, source.Match[k], prefix, fields);
                    k = source.Match[k];
                }
                else if (source[k].IsName("class") || source[k].IsName("fun"))
                {
                    break;
                }
                else if (source.IsPunct(k, "{") && source.Match[k] > k)
                {
                    Declarations(source, k + 1, source.Match[k], prefix, fields);
                    break;
                }
            }
        }
    }

    private static void Declarations(LexicalSource source, int from, int to, string prefix, Dictionary<string, string> fields)
    {
        for (var j = from; j < to; j++)
        {
            if (source[j].Kind == LexicalTokenKind.Punct && source[j].Text is "(" or "{" or "[" && source.Match[j] > j)
            {
                j = source.Match[j]; // a method body, an annotation's arguments, a nested class: not a field of this class
                continue;
            }

            int name;
            if (source[j].Text is "val" or "var" && source.IsIdentifier(j + 1) && source.IsPunct(j + 2, ":"))
            {
                name = j + 1;
            }
            else if (source.IsIdentifier(j) && source.IsIdentifier(j + 1) && (source.IsPunct(j + 2, ";") || source.IsPunct(j + 2, "=") || source.IsPunct(j + 2, ",") || source.IsPunct(j + 2, ")") || j + 2 == to))
            {
                name = j + 1;
            }
            else
            {
                continue;
            }

            var assign = Enumerable.Range(name + 1, Math.Max(0, Math.Min(6, to - name - 1))).FirstOrDefault(k => source.IsPunct(k, "=") || source.IsPunct(k, ",") || source.IsPunct(k, ";"), -1);
            var fallback = assign > 0 && source.IsPunct(assign, "=") && assign + 1 < to && source[assign + 1].Kind == LexicalTokenKind.String ? source[assign + 1].Text.Trim() : null;
            fields.TryAdd(source[name].Text, fallback is null ? $"${{{prefix}.{source[name].Text}}}" : $"${{{prefix}.{source[name].Text}:{fallback}}}");
            j = name;
        }
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
