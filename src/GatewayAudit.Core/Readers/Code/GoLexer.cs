namespace GatewayAudit.Core.Readers.Code;

/// <summary>Go: interpreted <c>"..."</c> strings, raw <c>`...`</c> strings (multi-line, no escapes) and rune literals.</summary>
internal sealed class GoLexer : CFamilyLexer
{
    protected override bool TryString(LexicalCursor cursor, List<LexicalToken> tokens, int nesting)
    {
        var (c, line, column) = (cursor.Peek(), cursor.Line, cursor.Column);
        switch (c)
        {
            case '"':
                AddString(tokens, cursor.ReadDelimited("\"", escapes: true, multiline: false), line, column);
                return true;
            case '`':
                AddString(tokens, cursor.ReadDelimited("`", escapes: false, multiline: true), line, column);
                return true;
            case '\'':
                cursor.ReadDelimited("'", escapes: true, multiline: false);
                tokens.Add(new LexicalToken(LexicalTokenKind.Literal, "rune", line, column));
                return true;
            default:
                return false;
        }
    }
}
