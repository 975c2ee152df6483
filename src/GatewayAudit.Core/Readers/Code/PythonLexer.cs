using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Python: <c>#</c> comments; <c>''</c>, <c>""</c> and triple-quoted strings with any prefix (r, b, u, f, rb, fr ...);
/// f-string holes read <c>{}</c>. A string that stands alone as a statement (a docstring, or a string used as a block
/// comment) is marked <see cref="LexicalStringForm.Docstring"/>: it is documentation, never a call's argument.
/// </summary>
internal static partial class PythonLexer
{
    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt",
    };

    public static List<LexicalToken> Lex(string text)
    {
        var cursor = new LexicalCursor(text);
        var tokens = new List<LexicalToken>();
        var depth = 0;
        var statementStart = true;
        while (!cursor.AtEnd)
        {
            var c = cursor.Peek();
            var (line, column) = (cursor.Line, cursor.Column);
            if (c == '\\' && cursor.Peek(1) is '\n' or '\r')
            {
                cursor.Advance(cursor.Peek(1) == '\r' ? 3 : 2);
            }
            else if (char.IsWhiteSpace(c))
            {
                statementStart |= c == '\n' && depth == 0;
                cursor.Advance();
            }
            else if (c == '#')
            {
                cursor.SkipLineComment();
            }
            else if (c == ';' && depth == 0)
            {
                statementStart = true;
                cursor.Advance();
            }
            else if (LexicalCursor.IsNameStart(c))
            {
                var name = cursor.ReadName();
                if (cursor.Peek() is '"' or '\'' && Prefixes.Contains(name))
                {
                    ReadString(cursor, tokens, name, line, column, statementStart && depth == 0);
                }
                else
                {
                    tokens.Add(new LexicalToken(LexicalTokenKind.Identifier, name, line, column));
                }

                statementStart = false;
            }
            else if (c is '"' or '\'')
            {
                ReadString(cursor, tokens, "", line, column, statementStart && depth == 0);
                statementStart = false;
            }
            else if (char.IsDigit(c))
            {
                var start = cursor.Pos;
                cursor.SkipNumber();
                // The number as written (a cache max_age, a retry count in a config object is read from it).
                tokens.Add(new LexicalToken(LexicalTokenKind.Literal, cursor.Text[start..cursor.Pos], line, column));
                statementStart = false;
            }
            else
            {
                depth = c is '(' or '[' or '{' ? depth + 1 : c is ')' or ']' or '}' ? Math.Max(0, depth - 1) : depth;
                tokens.Add(new LexicalToken(LexicalTokenKind.Punct, c.ToString(), line, column));
                statementStart = false;
                cursor.Advance();
            }
        }

        return tokens;
    }

    private static void ReadString(LexicalCursor cursor, List<LexicalToken> tokens, string prefix, int line, int column, bool atStatementStart)
    {
        var quote = cursor.Peek();
        var triple = new string(quote, 3);
        var content = cursor.StartsWith(triple)
            ? cursor.ReadDelimited(triple, escapes: true, multiline: true)
            : cursor.ReadDelimited(quote.ToString(), escapes: true, multiline: false);
        var form = LexicalStringForm.Plain;
        if (prefix.Contains('f', StringComparison.OrdinalIgnoreCase) || prefix.Contains('t', StringComparison.OrdinalIgnoreCase))
        {
            var holed = HoleRegex().Replace(content.Replace("{{", "\u0001", StringComparison.Ordinal), "{}");
            form = holed.Contains("{}", StringComparison.Ordinal) ? LexicalStringForm.Template : form;
            content = holed.Replace("\u0001", "{", StringComparison.Ordinal);
        }

        if (atStatementStart && RestOfLineIsEmpty(cursor))
        {
            form = LexicalStringForm.Docstring;
        }

        tokens.Add(new LexicalToken(LexicalTokenKind.String, content, line, column, form));
    }

    private static bool RestOfLineIsEmpty(LexicalCursor cursor)
    {
        for (var i = 0; ; i++)
        {
            var c = cursor.Peek(i);
            if (c is '\0' or '\n' or '\r' or '#')
            {
                return true;
            }

            if (c is not (' ' or '\t'))
            {
                return false;
            }
        }
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex HoleRegex();
}
