using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Object literals in source tokens as the YAML tree the gateway file readers read (<see cref="YamlMapping"/> with each
/// node's line and column), so a Portkey config or OpenRouter provider object written in code is judged by the very
/// logic that reads it from a JSON file: a JavaScript object (<c>{ strategy: { mode: "fallback" } }</c>), a Python dict
/// (<c>{"provider": {...}}</c>, <c>dict(order=[...])</c>) or keyword arguments (<c>Portkey(config=..., provider=...)</c>).
/// A value the file does not write out (a variable, a call, an f-string hole) is a reference (<c>${...}</c>), which the
/// readers leave unresolved: unknown, never guessed. A name bound at file level to an object literal is followed once.
/// </summary>
internal sealed class LexicalObjects(LexicalSource source)
{
    private const int MaxDepth = 8;

    /// <summary>The text a value not written out in the file stands as: a template the config readers treat as a reference.</summary>
    public const string Unresolved = "${CODE_EXPRESSION}";

    private LexicalToken T(int i) => source[i];

    /// <summary>The mapping of a <c>{</c> or of a call's keyword arguments at <paramref name="open"/>; null for anything else.</summary>
    public YamlMapping? MappingAt(int open, int depth = 0)
    {
        if (depth > MaxDepth || open < 0 || open >= source.Count || source.Match[open] <= open)
        {
            return null;
        }

        var close = source.Match[open];
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        var braces = T(open).Is("{");
        for (var k = open + 1; k < close; k = Next(k, close))
        {
            var t = T(k);
            var separated = source.IsPunct(k + 1, ":") || (!braces && source.IsPunct(k + 1, "=") && !source.IsPunct(k + 2, "="));
            if (t.Kind is LexicalTokenKind.Identifier or LexicalTokenKind.String && separated)
            {
                var key = new YamlScalar(t.Line, t.Column, t.Text, t.Kind == LexicalTokenKind.String, null);
                entries.Add(new(key, ValueAt(k + 2, End(k + 2, close), depth + 1)));
            }
            else if (braces && t.Kind == LexicalTokenKind.Identifier && (source.IsPunct(k + 1, ",") || k + 1 == close))
            {
                // JavaScript shorthand { config }: the value is the variable of that name.
                entries.Add(new(new YamlScalar(t.Line, t.Column, t.Text, false, null), Named(k, depth + 1)));
            }
            else if (!braces && k == open + 1 && T(k).Is("{"))
            {
                // new Portkey({ ... }) / createHeaders({ ... }): the options object is the first argument.
                return MappingAt(k, depth + 1);
            }
        }

        return new YamlMapping(T(open).Line, T(open).Column, entries);
    }

    /// <summary>The value written from <paramref name="from"/> to <paramref name="to"/>: text, a number or name, a list, a mapping, or a reference.</summary>
    public YamlNode ValueAt(int from, int to, int depth = 0)
    {
        if (from >= to || from >= source.Count)
        {
            return Reference(from < source.Count ? T(from) : T(source.Count - 1));
        }

        var t = T(from);
        var single = to == from + 1;
        if (single && t.Kind == LexicalTokenKind.String)
        {
            return t.Form == LexicalStringForm.Template && t.Text.Contains('{', StringComparison.Ordinal)
                ? Reference(t)
                : new YamlScalar(t.Line, t.Column, t.Text, true, null);
        }

        if (single && t.Kind == LexicalTokenKind.Literal)
        {
            return new YamlScalar(t.Line, t.Column, t.Text, false, null);
        }

        if (single && t.Kind == LexicalTokenKind.Identifier)
        {
            return t.Text switch
            {
                "true" or "True" => new YamlScalar(t.Line, t.Column, "true", false, null),
                "false" or "False" => new YamlScalar(t.Line, t.Column, "false", false, null),
                "None" or "null" or "undefined" or "nil" => new YamlScalar(t.Line, t.Column, "null", false, null),
                _ => Named(from, depth),
            };
        }

        if (depth <= MaxDepth && source.Match[from] == to - 1 && (t.Is("{") || t.Is("[")))
        {
            return t.Is("{") ? MappingAt(from, depth)! : SequenceAt(from, depth);
        }

        // Go composite literals: map[string]any{...} is a mapping, []string{...} a list.
        if (depth <= MaxDepth && source.IsPunct(to - 1, "}") && source.Match[to - 1] > from && TypePrefix(from, source.Match[to - 1]))
        {
            var brace = source.Match[to - 1];
            return t.Is("[") && source.IsPunct(from + 1, "]") ? SequenceAt(brace, depth) : MappingAt(brace, depth)!;
        }

        // dict(...), JSON.stringify({...}), json.dumps({...}): the object they are given.
        if (depth <= MaxDepth && t.Kind == LexicalTokenKind.Identifier)
        {
            var end = source.ExpressionEnd(from);
            var open = end - 1 >= 0 && source.IsPunct(end - 1, ")") ? source.Match[end - 1] : -1;
            var (names, _) = open > 0 ? source.Chain(open) : ([], 0);
            if (end == to && open > from && names.Count > 0)
            {
                if (names is ["dict"])
                {
                    return (YamlNode?)MappingAt(open, depth + 1) ?? Reference(t);
                }

                if (source.Language is LexicalLanguage.Java or LexicalLanguage.Kotlin && JavaFactory(names, open, depth + 1) is { } built)
                {
                    return built;
                }

                // A serialised config named by a variable (createHeaders(config=json.dumps(cfg)), JSON.stringify(cfg)) is read
                // like one written inline: the name's file-level object (held-out code run, bench/CODE-CORPUS.md class 4).
                var argument = open + 1 < source.Count && (T(open + 1).Is("{") || T(open + 1).Is("[") || (source.IsIdentifier(open + 1) && End(open + 1, source.Match[open]) == open + 2));
                if (names[^1] is "stringify" or "dumps" && argument)
                {
                    return ValueAt(open + 1, End(open + 1, source.Match[open]), depth + 1);
                }
            }
        }

        return Reference(t);
    }

    /// <summary>The value after a key and its separator at <paramref name="from"/>: one bracketed value, one string, one expression.</summary>
    public YamlNode ValueFrom(int from)
    {
        if (from >= source.Count)
        {
            return Reference(T(source.Count - 1));
        }

        var to = CompositeEnd(from) is { } composite ? composite
            : T(from).Kind == LexicalTokenKind.Punct && T(from).Text is "{" or "[" && source.Match[from] > from ? source.Match[from] + 1
            : T(from).Kind == LexicalTokenKind.Identifier ? source.ExpressionEnd(from)
            : from + 1;
        return ValueAt(from, to);
    }

    /// <summary>The end of a Go composite literal starting at <paramref name="from"/> (<c>map[string]any{...}</c>, <c>[]string{...}</c>).</summary>
    private int? CompositeEnd(int from)
    {
        if (source.Language != LexicalLanguage.Go)
        {
            return null;
        }

        for (var k = from; k < source.Count && k - from < 12; k++)
        {
            if (T(k).Is("{"))
            {
                return k > from && source.Match[k] > k && TypePrefix(from, k) ? source.Match[k] + 1 : null;
            }

            if (T(k).Kind != LexicalTokenKind.Identifier && !(T(k).Kind == LexicalTokenKind.Punct && T(k).Text is "[" or "]" or "." or "*"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True when the tokens before a Go literal's brace are a type (names, brackets, dots, stars).</summary>
    private bool TypePrefix(int from, int brace) =>
        source.Language == LexicalLanguage.Go && brace > from
        && Enumerable.Range(from, brace - from).All(k => T(k).Kind == LexicalTokenKind.Identifier || (T(k).Kind == LexicalTokenKind.Punct && T(k).Text is "[" or "]" or "." or "*"));

    private YamlSequence SequenceAt(int open, int depth)
    {
        var close = source.Match[open];
        var items = new List<YamlNode>();
        for (var k = open + 1; k < close; k = Next(k, close))
        {
            items.Add(ValueAt(k, End(k, close), depth + 1));
        }

        return new YamlSequence(T(open).Line, T(open).Column, items);
    }

    /// <summary>A name: its file-level object or text when the file binds it to one (<c>CONFIG = {...}</c>), else a reference.</summary>
    private YamlNode Named(int at, int depth)
    {
        var name = T(at).Text;
        if (source.Constants.TryGetValue(name, out var constant))
        {
            return new YamlScalar(T(constant).Line, T(constant).Column, T(constant).Text, true, null);
        }

        if (LexicalVocabulary.UrlConstants.TryGetValue(name, out var sdkUrl))
        {
            return new YamlScalar(T(at).Line, T(at).Column, sdkUrl, true, null);
        }

        if (source.Language == LexicalLanguage.Java && depth <= MaxDepth && Puts(name, depth) is { } filled)
        {
            return filled;
        }

        for (var k = 1; depth <= MaxDepth && k + 1 < source.Count; k++)
        {
            if (k != at && source.IsPunct(k, "=") && !source.IsPunct(k + 1, "=") && !source.IsPunct(k - 1, "=") && source.AssignedName(k + 1) == name
                && (T(k + 1).Is("{") || T(k + 1).IsName("dict")))
            {
                var end = T(k + 1).Is("{") ? source.Match[k + 1] + 1 : source.ExpressionEnd(k + 1);
                var value = end > k + 1 ? ValueAt(k + 1, end, depth + 1) : Reference(T(at));
                return value is YamlMapping ? value : Reference(T(at));
            }
        }

        return Reference(T(at));
    }

    /// <summary>
    /// Whether the string at <paramref name="at"/> is a key written as a call argument rather than before <c>:</c> or
    /// <c>=</c>: Java's <c>Map.of("k", v, ...)</c> (keys and values in turn, java.util.Map javadoc, JDK 9+),
    /// <c>Map.entry("k", v)</c>, <c>map.put("k", v)</c>, Guava's <c>ImmutableMap.of</c>, and Kotlin's <c>"k" to v</c>.
    /// Its value starts two tokens on, as after <c>"k":</c>.
    /// </summary>
    public bool IsArgumentKey(int at)
    {
        if (source.Language is not (LexicalLanguage.Java or LexicalLanguage.Kotlin) || T(at).Kind != LexicalTokenKind.String || at + 1 >= source.Count)
        {
            return false;
        }

        if (source.Language == LexicalLanguage.Kotlin && T(at + 1).IsName("to"))
        {
            return true;
        }

        if (!source.IsPunct(at + 1, ",") || Enclosing(at) is not { } open || !T(open).Is("("))
        {
            return false;
        }

        var call = CallName(open);
        return call is "put" or "putIfAbsent" or "entry" or "Map.entry" ? open + 1 == at
            : call is "Map.of" or "ImmutableMap.of" && Arguments(open).FindIndex(a => a.From == at) is var index && index >= 0 && index % 2 == 0;
    }

    /// <summary>A Java or Kotlin factory call as the map or list it builds; null for any other call.</summary>
    private YamlNode? JavaFactory(List<string> names, int open, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (CallName(names))
        {
            case "Map.of" or "ImmutableMap.of":
                var arguments = Arguments(open);
                return Mapping(open, Enumerable.Range(0, arguments.Count / 2).Select(p => (arguments[2 * p], arguments[(2 * p) + 1])), depth);
            case "Map.ofEntries" or "mapOf" or "mutableMapOf" or "hashMapOf":
                return Mapping(open, Arguments(open).Select(Entry).OfType<((int, int), (int, int))>(), depth);
            case "List.of" or "Set.of" or "Arrays.asList" or "ImmutableList.of" or "listOf" or "setOf" or "mutableListOf":
                return SequenceAt(open, depth);
            default:
                return null;
        }
    }

    /// <summary>One entry of Map.ofEntries (<c>Map.entry("k", v)</c>) or Kotlin's mapOf (<c>"k" to v</c>): its key and value ranges.</summary>
    private ((int From, int To) Key, (int From, int To) Value)? Entry((int From, int To) argument)
    {
        if (T(argument.From).Kind == LexicalTokenKind.String && argument.From + 1 < argument.To && T(argument.From + 1).IsName("to"))
        {
            return ((argument.From, argument.From + 1), (argument.From + 2, argument.To));
        }

        var close = argument.To - 1;
        return source.IsPunct(close, ")") && source.Match[close] is var open && open > argument.From && CallName(open) is "entry" or "Map.entry"
            && Arguments(open) is [var key, var value] ? (key, value) : null;
    }

    private YamlMapping Mapping(int open, IEnumerable<((int From, int To) Key, (int From, int To) Value)> pairs, int depth)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        foreach (var (key, value) in pairs)
        {
            if (key.To == key.From + 1 && T(key.From) is { Kind: LexicalTokenKind.String } name)
            {
                entries.Add(new(new YamlScalar(name.Line, name.Column, name.Text, true, null), ValueAt(value.From, value.To, depth + 1)));
            }
        }

        return new YamlMapping(T(open).Line, T(open).Column, entries);
    }

    /// <summary>Java's <c>name.put("k", v)</c> calls anywhere in the file, as the map they fill (<c>new HashMap&lt;&gt;()</c> then puts); null when there are none.</summary>
    private YamlMapping? Puts(string name, int depth)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        for (var k = 0; k + 5 < source.Count; k++)
        {
            if (T(k).IsName(name) && source.IsPunct(k + 1, ".") && T(k + 2).IsName("put") && source.IsPunct(k + 3, "(") && !source.Quiet[k]
                && T(k + 4).Kind == LexicalTokenKind.String && source.IsPunct(k + 5, ",") && source.Match[k + 3] > k)
            {
                var key = T(k + 4);
                entries.Add(new(new YamlScalar(key.Line, key.Column, key.Text, true, null), ValueAt(k + 6, End(k + 6, source.Match[k + 3]), depth + 1)));
            }
        }

        return entries.Count == 0 ? null : new YamlMapping(entries[0].Key.Line, entries[0].Key.Column, entries);
    }

    /// <summary>The arguments of the call or bracket at <paramref name="open"/>, each as the range of its tokens.</summary>
    private List<(int From, int To)> Arguments(int open)
    {
        var close = source.Match[open];
        var arguments = new List<(int, int)>();
        for (var k = open + 1; k < close; k = Next(k, close))
        {
            arguments.Add((k, End(k, close)));
        }

        return arguments;
    }

    /// <summary>The bracket that holds a token, or null at the top of the file.</summary>
    private int? Enclosing(int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            if (T(k).Kind == LexicalTokenKind.Punct && T(k).Text is "(" or "[" or "{" && source.Match[k] > at)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>The last two names before a call's parenthesis (<c>Map.of</c>, <c>put</c>, <c>entry</c>).</summary>
    private string? CallName(int open) => source.Chain(open) is { Names.Count: > 0 } chain ? CallName(chain.Names) : null;

    private static string CallName(List<string> names) =>
        names.Count >= 2 && names[^2] is "Map" or "List" or "Set" or "Arrays" or "ImmutableMap" or "ImmutableList" ? $"{names[^2]}.{names[^1]}" : names[^1];

    private static YamlScalar Reference(LexicalToken at) => new(at.Line, at.Column, Unresolved, false, null);

    /// <summary>The index after a value's separating ',' (or the close).</summary>
    private int Next(int k, int close)
    {
        var end = End(k, close);
        return end < close && source.IsPunct(end, ",") ? end + 1 : Math.Max(end, k + 1);
    }

    /// <summary>The end of the value starting at <paramref name="from"/>: the ',' at its own depth, or the close.</summary>
    private int End(int from, int close)
    {
        for (var k = from; k < close && k < source.Count; k++)
        {
            if (source.Match[k] > k && T(k).Kind == LexicalTokenKind.Punct && T(k).Text is "(" or "[" or "{")
            {
                k = source.Match[k];
                continue;
            }

            if (T(k).Is(",") || (T(k).Kind == LexicalTokenKind.Punct && T(k).Text is ")" or "]" or "}" or ";"))
            {
                return k;
            }
        }

        return Math.Min(close, source.Count);
    }
}
