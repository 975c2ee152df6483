namespace GatewayAudit.Core.Readers.Code;

/// <summary>The languages read lexically; import syntax and what an import binds differ between them.</summary>
internal enum LexicalLanguage
{
    Python,
    JavaScript,
    Go,
    Java,
    Kotlin,
}

/// <summary>One import: the module, the local name it binds (null when none), and where it stands.</summary>
internal sealed record LexicalImport(string Module, string? Name, LexicalToken At);

/// <summary>
/// A file's tokens with the structure the call-site finder needs: matching brackets, the dotted names before each
/// call, which strings are arguments of a log, print, error or test-double call (messages, not addresses called),
/// the imports and the names they bind, and file-level string constants.
/// </summary>
internal sealed class LexicalSource
{
    public LexicalSource(LexicalLanguage language, List<LexicalToken> tokens)
    {
        Language = language;
        Tokens = tokens;
        Match = MatchBrackets(tokens);
        Quiet = new bool[tokens.Count];
        MarkQuietStrings();
        ReadImports();
        ReadConstants();
    }

    public LexicalLanguage Language { get; }

    public List<LexicalToken> Tokens { get; }

    /// <summary>For each bracket, the index of its partner; -1 for other tokens and unmatched brackets.</summary>
    public int[] Match { get; }

    /// <summary>True for a string inside a log, print, error or test-double call.</summary>
    public bool[] Quiet { get; }

    public List<LexicalImport> Imports { get; } = [];

    /// <summary>Local names an import binds, to the module's party key (or "litellm") and the module.</summary>
    public Dictionary<string, (string Key, string Module)> ImportedNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Local names imported from modules that are no known SDK (<c>from app.llm import client</c>), to the module as written.</summary>
    public Dictionary<string, string> LocalImports { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names assigned a lone string literal (<c>BASE_URL = "https://..."</c>), or an environment variable with a literal
    /// default (<c>MODEL = os.getenv("MODEL", "openrouter/...")</c>), to the string's token index; first wins.
    /// </summary>
    public Dictionary<string, int> Constants { get; } = new(StringComparer.Ordinal);

    /// <summary>Constants that are an environment variable's default, to that variable: where it is set, its value replaces the default.</summary>
    public Dictionary<string, string> Overridable { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names assigned once from an environment variable read with no default (<c>base_url = os.getenv("BASE_URL")</c>,
    /// <c>const baseURL = process.env.BASE_URL</c>), to that variable; null for a name assigned more than once.
    /// </summary>
    public Dictionary<string, string?> EnvironmentReads { get; } = new(StringComparer.Ordinal);

    public LexicalToken this[int index] => Tokens[index];

    public int Count => Tokens.Count;

    public bool IsPunct(int index, string text) => index >= 0 && index < Tokens.Count && Tokens[index].Is(text);

    public bool IsIdentifier(int index) => index >= 0 && index < Tokens.Count && Tokens[index].Kind == LexicalTokenKind.Identifier;

    /// <summary>
    /// The dotted names before the '(' at <paramref name="open"/>: <c>client.chat.completions.create</c>, also through
    /// calls (<c>client.chat().completions().create</c>), <c>?.</c> and <c>!.</c>; empty when no name stands there.
    /// </summary>
    public (List<string> Names, int Start) Chain(int open)
    {
        var names = new List<string>();
        var i = open - 1;
        if (!IsIdentifier(i))
        {
            return (names, open);
        }

        var start = i;
        while (true)
        {
            names.Insert(0, Tokens[i].Text);
            start = i;
            var k = i - 1;
            if (!IsPunct(k, ".") || names.Count > 16)
            {
                break;
            }

            k--;
            while (IsPunct(k, "?") || IsPunct(k, "!"))
            {
                k--;
            }

            if (IsIdentifier(k))
            {
                i = k;
            }
            else if (IsPunct(k, ")") && Match[k] > 0 && IsIdentifier(Match[k] - 1))
            {
                i = Match[k] - 1;
            }
            else
            {
                break;
            }
        }

        return (names, start);
    }

    /// <summary>Lower case, underscores dropped: the form call shapes and setting names are compared in.</summary>
    public static string Normal(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The end (exclusive) of an expression that starts with a name: calls, member accesses and builder chains after it.</summary>
    public int ExpressionEnd(int nameIndex)
    {
        var i = nameIndex + 1;
        while (i < Tokens.Count)
        {
            if ((Tokens[i].Is("(") || Tokens[i].Is("{") && Language is LexicalLanguage.Go) && Match[i] > i)
            {
                i = Match[i] + 1;
            }
            else if (Tokens[i].Is(".") && IsIdentifier(i + 1))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The name an assignment binds the expression starting at <paramref name="start"/> to (<c>x = ...</c>, <c>x := ...</c>, <c>x: T = ...</c>, <c>self.x = ...</c>).</summary>
    public string? AssignedName(int start)
    {
        var k = start - 1;
        while (k >= 0 && Tokens[k].Kind == LexicalTokenKind.Identifier && Tokens[k].Text is "new" or "await")
        {
            k--;
        }

        if (!IsPunct(k, "=") || IsPunct(k - 1, "=") || IsPunct(k - 1, "!") || IsPunct(k - 1, "<") || IsPunct(k - 1, ">"))
        {
            return null;
        }

        k--;
        if (IsPunct(k, ":"))
        {
            k--; // Go :=
        }
        else if (IsIdentifier(k) && IsPunct(k - 1, ":") && IsIdentifier(k - 2))
        {
            k -= 2; // x: T = (Python, Kotlin, TypeScript annotations)
        }
        else if (Language == LexicalLanguage.Go && IsIdentifier(k) && IsIdentifier(k - 1) && Tokens[k - 1].Line == Tokens[k].Line
            && Tokens[k - 1].Text is not ("var" or "const" or "if" or "for" or "switch" or "case" or "return" or "else" or "go" or "defer" or "select")
            && (k - 1 == 0 || Tokens[k - 2].Text is "var" or "const" || Tokens[k - 2].Line != Tokens[k].Line))
        {
            k--; // var baseURL string = "..." (Go: the type follows the name), also inside a var ( ... ) block
        }

        return IsIdentifier(k) ? Tokens[k].Text : null;
    }

    private static int[] MatchBrackets(List<LexicalToken> tokens)
    {
        var match = new int[tokens.Count];
        Array.Fill(match, -1);
        var open = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != LexicalTokenKind.Punct)
            {
                continue;
            }

            if (t.Text is "(" or "[" or "{")
            {
                open.Push(i);
            }
            else if (t.Text is ")" or "]" or "}")
            {
                // A closer that does not fit (broken code) pops to its own kind, or is left unmatched.
                var want = t.Text == ")" ? "(" : t.Text == "]" ? "[" : "{";
                while (open.Count > 0 && tokens[open.Peek()].Text != want && open.Count > 0)
                {
                    open.Pop();
                }

                if (open.Count > 0)
                {
                    var o = open.Pop();
                    match[o] = i;
                    match[i] = o;
                }
            }
        }

        return match;
    }

    private void MarkQuietStrings()
    {
        // Walk forward keeping the calls we are inside; a string is quiet when one of them is a message or test double.
        var quietUntil = -1;
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].Is("(") && Match[i] > i && i > quietUntil)
            {
                var (names, _) = Chain(i);
                if (names.Count > 0 && (LexicalVocabulary.IsMessageCall(names) || LexicalVocabulary.IsTestDoubleCall(names)))
                {
                    quietUntil = Match[i];
                }
            }

            Quiet[i] = i <= quietUntil && Tokens[i].Kind == LexicalTokenKind.String;
        }
    }

    private void ReadConstants()
    {
        for (var i = 2; i < Tokens.Count; i++)
        {
            // A keyword argument (f(model="x"), f(a, model=MODEL)) binds no name of the file.
            if (i >= 3 && (IsPunct(i - 3, "(") || IsPunct(i - 3, ",")))
            {
                continue;
            }

            if (Tokens[i].Kind == LexicalTokenKind.String && Tokens[i].Form != LexicalStringForm.Docstring && Tokens[i - 1].Is("=") && AssignedName(i) is { } name
                && (i + 1 == Tokens.Count || Tokens[i + 1].Line != Tokens[i].Line || Tokens[i + 1].Text is ";" or ","))
            {
                Constants.TryAdd(name, i);
            }
            else if (Tokens[i - 1].Is("=") && !Tokens[i].Is("=") && AssignedName(i) is { } assigned && !Constants.ContainsKey(assigned)
                && EnvironmentDefault(i, StatementEnd(i)) is var (variable, literal))
            {
                Constants.Add(assigned, literal);
                Overridable.Add(assigned, variable);
            }
            else if (Tokens[i - 1].Is("=") && !Tokens[i].Is("=") && AssignedName(i) is { } named)
            {
                var read = EnvironmentRead(i, StatementEnd(i));
                EnvironmentReads[named] = EnvironmentReads.ContainsKey(named) ? null : read;
            }
        }
    }

    /// <summary>The end (exclusive) of a value that starts at <paramref name="from"/>: a ',' or ';' at its depth, a closing bracket, or the end of its line outside brackets.</summary>
    public int StatementEnd(int from)
    {
        var depth = 0;
        for (var k = from; k < Tokens.Count; k++)
        {
            var t = Tokens[k];
            if (depth == 0 && (t.Kind == LexicalTokenKind.Punct && t.Text is "," or ";" or ")" or "]" or "}" || (k > from && t.Line != Tokens[k - 1].Line && !Tokens[k - 1].Is("."))))
            {
                return k;
            }

            depth += t.Kind == LexicalTokenKind.Punct ? t.Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 } : 0;
        }

        return Tokens.Count;
    }

    /// <summary>
    /// An environment variable read with a literal default, written from <paramref name="from"/> to <paramref name="to"/>:
    /// <c>os.getenv("X", "d")</c>, <c>os.environ.get("X", "d")</c>, <c>System.getenv().getOrDefault("X", "d")</c>, or a read
    /// followed by <c>?? "d"</c>, <c>|| "d"</c>, <c>or "d"</c>, <c>?: "d"</c> (<c>process.env.X</c>, <c>process.env["X"]</c>,
    /// <c>os.getenv("X")</c>, <c>System.getenv("X")</c>). The default is what runs unless the variable is set. Null for
    /// anything else, such as a read with no default (unknown stays unknown).
    /// </summary>
    public (string Variable, int Literal)? EnvironmentDefault(int from, int to)
    {
        if (to - from < 3 || to > Tokens.Count)
        {
            return null;
        }

        if (IsPunct(to - 1, ")") && Match[to - 1] is var open and > 0 && open + 4 == to - 1 && Chain(open) is { Start: var start, Names: [.., var function] } chain && start == from
            && (function is "getenv" or "getOrDefault" || chain.Names is [.., "environ", "get"])
            && Tokens[open + 1].Kind == LexicalTokenKind.String && IsPunct(open + 2, ",") && Tokens[open + 3].Kind == LexicalTokenKind.String)
        {
            return (Tokens[open + 1].Text, open + 3);
        }

        var last = to - 1;
        if (Tokens[last].Kind != LexicalTokenKind.String || Tokens[last].Form == LexicalStringForm.Template)
        {
            return null;
        }

        var readEnd = Tokens[last - 1].IsName("or") ? last - 1
            : (IsPunct(last - 2, "?") && (IsPunct(last - 1, "?") || IsPunct(last - 1, ":"))) || (IsPunct(last - 2, "|") && IsPunct(last - 1, "|")) ? last - 2
            : -1;
        if (readEnd <= from)
        {
            return null;
        }

        var reads = false;
        string? variable = null;
        for (var k = from; k < readEnd; k++)
        {
            var t = Tokens[k];
            reads |= t.Kind == LexicalTokenKind.Identifier && t.Text is "env" or "getenv" or "environ" or "Getenv";
            if (t.Kind is LexicalTokenKind.String or LexicalTokenKind.Identifier && t.Text.Length > 1 && t.Text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                variable = t.Text;
            }
        }

        return reads && variable is not null ? (variable, last) : null;
    }

    /// <summary>
    /// The variable of a read of the environment with no default, written from <paramref name="from"/> to
    /// <paramref name="to"/>: <c>os.getenv("X")</c>, <c>os.environ["X"]</c>, <c>os.environ.get("X")</c>, <c>process.env.X</c>,
    /// <c>System.getenv("X")</c>, <c>os.Getenv("X")</c>, also inside <c>str(...)</c>; null for anything else.
    /// </summary>
    private string? EnvironmentRead(int from, int to)
    {
        if (to - from is < 3 or > 12)
        {
            return null;
        }

        var reads = false;
        string? variable = null;
        for (var k = from; k < to; k++)
        {
            var t = Tokens[k];
            if (t.Kind == LexicalTokenKind.String)
            {
                if (variable is not null || !IsVariableName(t.Text))
                {
                    return null; // a default, or more than one name
                }

                variable = t.Text;
            }
            else if (t.Kind == LexicalTokenKind.Identifier)
            {
                reads |= t.Text is "getenv" or "environ" or "Getenv" or "env";
                variable ??= IsPunct(k - 1, ".") && k >= 2 && Tokens[k - 2].Text == "env" && IsVariableName(t.Text) ? t.Text : null;
            }
            else if (t.Kind != LexicalTokenKind.Punct || t.Text is "?" or "|" or ":" or "+")
            {
                return null;
            }
        }

        return reads ? variable : null;
    }

    private static bool IsVariableName(string text) =>
        text.Length > 1 && char.IsAsciiLetterUpper(text[0]) && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    private void ReadImports()
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Kind != LexicalTokenKind.Identifier)
            {
                continue;
            }

            switch (t.Text)
            {
                case "import" when Language is LexicalLanguage.Python or LexicalLanguage.Java or LexicalLanguage.Kotlin && IsIdentifier(i + 1):
                    ReadDottedImport(i + 1);
                    break;
                case "from" when Language is LexicalLanguage.Python && (IsIdentifier(i + 1) || IsPunct(i + 1, ".")):
                    ReadPythonFromImport(i + 1);
                    break;
                case "import" when Language is LexicalLanguage.Go:
                    ReadGoImports(i + 1);
                    break;
                case "from" or "import" when Language is LexicalLanguage.JavaScript && i + 1 < Tokens.Count && Tokens[i + 1].Kind == LexicalTokenKind.String:
                    AddImport(Tokens[i + 1].Text, null, Tokens[i + 1]);
                    if (t.Text == "from")
                    {
                        BindJavaScriptNames(i, Tokens[i + 1].Text);
                    }

                    break;
                case "require" or "import" when Language is LexicalLanguage.JavaScript && IsPunct(i + 1, "(") && i + 2 < Tokens.Count && Tokens[i + 2].Kind == LexicalTokenKind.String:
                    var module = Tokens[i + 2].Text;
                    AddImport(module, AssignedName(i), Tokens[i + 2]);
                    if (IsPunct(i - 2, "}") && Match[i - 2] >= 0)
                    {
                        BindNamesIn(Match[i - 2], i - 2, module);
                    }

                    break;
            }
        }
    }

    private (string Module, int End) Dotted(int i)
    {
        var parts = new List<string> { Tokens[i].Text };
        while (IsPunct(i + 1, ".") && IsIdentifier(i + 2))
        {
            parts.Add(Tokens[i + 2].Text);
            i += 2;
        }

        return (string.Join('.', parts), i + 1);
    }

    private void ReadDottedImport(int i)
    {
        if (Tokens[i].Text == "static")
        {
            i++;
        }

        while (IsIdentifier(i))
        {
            var (module, end) = Dotted(i);
            var alias = Tokens.ElementAtOrDefault(end).IsName("as") && IsIdentifier(end + 1) ? Tokens[end + 1].Text : null;
            // Python binds the first name (import openai; import a.b as c); Java and Kotlin bind the class, the last name.
            var bound = alias ?? (Language == LexicalLanguage.Python ? module.Split('.')[0] : module.Split('.')[^1]);
            AddImport(module, bound, Tokens[i]);
            var next = alias is null ? end : end + 2;
            if (Language != LexicalLanguage.Python || !IsPunct(next, ",") || !IsIdentifier(next + 1))
            {
                return;
            }

            i = next + 1;
        }
    }

    private void ReadPythonFromImport(int i)
    {
        // A relative import (from .llm import client) keeps its dots: the module is found from the importing file.
        var dots = 0;
        for (; IsPunct(i, "."); i++)
        {
            dots++;
        }

        if (!IsIdentifier(i) || Tokens[i].Text == "import")
        {
            return;
        }

        var (dotted, end) = Dotted(i);
        var module = new string('.', dots) + dotted;
        if (!Tokens.ElementAtOrDefault(end).IsName("import"))
        {
            return;
        }

        AddImport(module, null, Tokens[i]);
        var line = Tokens[end].Line;
        var parenthesised = IsPunct(end + 1, "(");
        var last = parenthesised ? Match[end + 1] : Tokens.Count;
        for (var k = end + 1; k < last && k < Tokens.Count && (parenthesised || Tokens[k].Line == line); k++)
        {
            if (IsIdentifier(k) && Tokens[k].Text != "as" && !Tokens.ElementAtOrDefault(k + 1).IsName("as"))
            {
                Bind(Tokens[k].Text, module);
            }
        }
    }

    private void ReadGoImports(int i)
    {
        var (from, to) = IsPunct(i, "(") && Match[i] > i ? (i + 1, Match[i]) : (i, Math.Min(i + 2, Tokens.Count));
        for (var k = from; k < to; k++)
        {
            if (Tokens[k].Kind != LexicalTokenKind.String)
            {
                continue;
            }

            var path = Tokens[k].Text;
            var alias = IsIdentifier(k - 1) && Tokens[k - 1].Line == Tokens[k].Line && Tokens[k - 1].Text != "import" ? Tokens[k - 1].Text : GoPackageName(path);
            AddImport(path, alias, Tokens[k]);
        }
    }

    /// <summary>The package name Go code uses for an import path without alias: its last element, less a go- / -go affix or a .vN suffix.</summary>
    private static string GoPackageName(string path)
    {
        var last = path.Split('/')[^1];
        last = last.StartsWith("go-", StringComparison.Ordinal) ? last[3..] : last;
        last = last.EndsWith("-go", StringComparison.Ordinal) ? last[..^3] : last;
        var dot = last.IndexOf(".v", StringComparison.Ordinal);
        return (dot > 0 ? last[..dot] : last).Replace("-", "", StringComparison.Ordinal);
    }

    private void BindJavaScriptNames(int from, string module)
    {
        // import Default, { a, b as c } from "m";  import * as X from "m";  export { a } from "m"
        var k = from - 1;
        var first = k;
        while (k >= 0 && !Tokens[k].IsName("import") && !Tokens[k].IsName("export") && from - k < 200)
        {
            if (Tokens[k].Is("}") && Match[k] >= 0)
            {
                BindNamesIn(Match[k], k, module);
                k = Match[k];
            }

            k--;
        }

        for (var j = k + 1; j <= first; j++)
        {
            if (IsIdentifier(j) && Tokens[j].Text is not ("type" or "as") && (IsPunct(j + 1, ",") || Tokens[j + 1].IsName("from")))
            {
                Bind(Tokens[j].Text, module);
            }
        }
    }

    private void BindNamesIn(int open, int close, string module)
    {
        for (var j = open + 1; j < close; j++)
        {
            // { a, b as c } (import) or { a, b: c } (require destructuring): the local name is the last of each item.
            if (IsIdentifier(j) && Tokens[j].Text is not ("as" or "type") && !Tokens[j + 1].IsName("as") && !IsPunct(j + 1, ":"))
            {
                Bind(Tokens[j].Text, module);
            }
        }
    }

    private void AddImport(string module, string? name, LexicalToken at)
    {
        Imports.Add(new LexicalImport(module, name, at));
        if (name is not null)
        {
            Bind(name, module);
        }
    }

    private void Bind(string name, string module)
    {
        var key = module == LexicalVocabulary.LiteLlmModule || module.StartsWith(LexicalVocabulary.LiteLlmModule + ".", StringComparison.Ordinal)
            ? LexicalVocabulary.LiteLlmModule
            : LexicalVocabulary.ModuleKey(module);
        if (key is not null)
        {
            ImportedNames.TryAdd(name, (key, module));
        }
        else
        {
            LocalImports.TryAdd(name, module);
        }
    }
}
