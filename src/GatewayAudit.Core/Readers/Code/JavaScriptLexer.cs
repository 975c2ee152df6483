namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// JavaScript and TypeScript: <c>''</c> and <c>""</c> strings, template literals whose <c>${}</c> holes are lexed as code
/// (nested templates too), and regex literals skipped where an operand may start, so a quote inside <c>/"/</c> opens no string.
/// </summary>
internal sealed class JavaScriptLexer : CFamilyLexer
{
    private static readonly HashSet<string> OperandKeywords = new(StringComparer.Ordinal)
    {
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await",
    };

    protected override bool TryString(LexicalCursor cursor, List<LexicalToken> tokens, int nesting)
    {
        var (c, line, column) = (cursor.Peek(), cursor.Line, cursor.Column);
        if (c is '"' or '\'')
        {
            AddString(tokens, cursor.ReadDelimited(c.ToString(), escapes: true, multiline: false), line, column);
            return true;
        }

        if (c == '`')
        {
            var holes = new List<LexicalToken>();
            var text = ReadWithHoles(cursor, "`", escapes: true, multiline: true, holes, nesting, out var hadHole);
            AddString(tokens, text, line, column, hadHole ? LexicalStringForm.Template : LexicalStringForm.Plain);
            tokens.AddRange(holes);
            return true;
        }

        if (c == '/' && RegexMayStart(tokens))
        {
            SkipRegex(cursor);
            tokens.Add(new LexicalToken(LexicalTokenKind.Literal, "regex", line, column));
            return true;
        }

        return false;
    }

    private static bool RegexMayStart(List<LexicalToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return true;
        }

        var last = tokens[^1];
        return last.Kind switch
        {
            LexicalTokenKind.Punct => last.Text is not (")" or "]" or "}"),
            LexicalTokenKind.Identifier => OperandKeywords.Contains(last.Text),
            _ => false,
        };
    }

    private static void SkipRegex(LexicalCursor cursor)
    {
        cursor.Advance();
        var inClass = false;
        while (!cursor.AtEnd && cursor.Peek() != '\n')
        {
            var c = cursor.Peek();
            if (c == '\\')
            {
                cursor.Advance(2);
                continue;
            }

            cursor.Advance();
            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                cursor.ReadName(); // flags
                return;
            }
        }
    }
}
