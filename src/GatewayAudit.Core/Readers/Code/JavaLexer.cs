namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Java and Kotlin: <c>"..."</c> strings, <c>"""</c> text blocks (Java) or raw strings (Kotlin, no escapes) and char
/// literals. Kotlin's block comments nest; its <c>${}</c> string templates are kept as text.
/// </summary>
internal sealed class JavaLexer(bool kotlin) : CFamilyLexer
{
    protected override bool BlockCommentsNest => kotlin;

    protected override bool TryString(LexicalCursor cursor, List<LexicalToken> tokens, int nesting)
    {
        var (c, line, column) = (cursor.Peek(), cursor.Line, cursor.Column);
        if (cursor.StartsWith("\"\"\""))
        {
            AddString(tokens, cursor.ReadDelimited("\"\"\"", escapes: !kotlin, multiline: true), line, column);
            return true;
        }

        if (c == '"')
        {
            AddString(tokens, cursor.ReadDelimited("\"", escapes: true, multiline: false), line, column);
            return true;
        }

        if (c == '\'')
        {
            cursor.ReadDelimited("'", escapes: true, multiline: false);
            tokens.Add(new LexicalToken(LexicalTokenKind.Literal, "char", line, column));
            return true;
        }

        return false;
    }
}
