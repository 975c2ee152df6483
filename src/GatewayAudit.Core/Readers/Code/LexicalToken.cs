using System.Text;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>What a lexer saw: a name, a string literal, a number (or a regex literal), or one punctuation character.</summary>
internal enum LexicalTokenKind
{
    Identifier,
    String,
    Literal,
    Punct,
}

/// <summary>How a string literal stands in the code: an ordinary value, a docstring (a string alone as a statement), or a template with holes.</summary>
internal enum LexicalStringForm
{
    Plain,
    Docstring,
    Template,
}

/// <summary>One token with its 1-based line and column. A string's text is its content without quotes; holes read <c>${}</c> / <c>{}</c>.</summary>
internal readonly record struct LexicalToken(LexicalTokenKind Kind, string Text, int Line, int Column, LexicalStringForm Form = LexicalStringForm.Plain)
{
    public bool Is(string punct) => Kind == LexicalTokenKind.Punct && Text == punct;

    public bool IsName(string name) => Kind == LexicalTokenKind.Identifier && Text == name;
}

/// <summary>
/// A position in source text with line tracking, and the pieces every lexer shares: comments, quoted strings that stop
/// at a line end unless multi-line (so a stray quote in JSX text or a broken file damages one line, never the rest),
/// names and numbers.
/// </summary>
internal sealed class LexicalCursor(string text)
{
    private int _lineStart;

    public string Text { get; } = text;

    public int Pos { get; private set; }

    public int Line { get; private set; } = 1;

    public int Column => Pos - _lineStart + 1;

    public bool AtEnd => Pos >= Text.Length;

    public char Peek(int ahead = 0) => Pos + ahead < Text.Length ? Text[Pos + ahead] : '\0';

    public bool StartsWith(string s) => string.CompareOrdinal(Text, Pos, s, 0, s.Length) == 0;

    public void Advance(int count = 1)
    {
        for (var i = 0; i < count && Pos < Text.Length; i++)
        {
            if (Text[Pos] == '\n')
            {
                Line++;
                _lineStart = Pos + 1;
            }

            Pos++;
        }
    }

    public void SkipLineComment()
    {
        var end = Text.IndexOf('\n', Pos);
        Pos = end < 0 ? Text.Length : end;
    }

    /// <summary>Skips a <c>/* */</c> comment; <paramref name="nests"/> for Kotlin, whose block comments nest.</summary>
    public void SkipBlockComment(bool nests)
    {
        Advance(2);
        var depth = 1;
        while (!AtEnd && depth > 0)
        {
            if (StartsWith("*/"))
            {
                depth--;
                Advance(2);
            }
            else if (nests && StartsWith("/*"))
            {
                depth++;
                Advance(2);
            }
            else
            {
                Advance();
            }
        }
    }

    /// <summary>
    /// Reads a string from its opening delimiter (at <see cref="Pos"/>) to the closing one. Backslash escapes are kept
    /// as written when <paramref name="escapes"/>; a single-line string ends at the line end if unterminated.
    /// </summary>
    public string ReadDelimited(string delimiter, bool escapes, bool multiline)
    {
        Advance(delimiter.Length);
        var start = Pos;
        while (!AtEnd)
        {
            var c = Peek();
            if (escapes && c == '\\')
            {
                Advance(2);
            }
            else if (StartsWith(delimiter))
            {
                var content = Text[start..Pos];
                Advance(delimiter.Length);
                return content;
            }
            else if (!multiline && c == '\n')
            {
                break;
            }
            else
            {
                Advance();
            }
        }

        return Text[start..Pos];
    }

    public string ReadName()
    {
        var start = Pos;
        while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '_' or '$'))
        {
            Advance();
        }

        return Text[start..Pos];
    }

    public void SkipNumber()
    {
        while (!AtEnd && (char.IsLetterOrDigit(Peek()) || Peek() is '_' or '.'))
        {
            Advance();
        }
    }

    public static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '$';
}

/// <summary>
/// The loop the C-family lexers (JavaScript/TypeScript, Go, Java/Kotlin) share: whitespace, <c>//</c> and <c>/* */</c>
/// comments (never tokens, so commented-out code is no call), names, numbers and punctuation; each language supplies
/// its string forms. Nesting of templates is bounded, so hostile input cannot exhaust the stack.
/// </summary>
internal abstract class CFamilyLexer
{
    protected const int MaxNesting = 64;

    protected virtual bool BlockCommentsNest => false;

    public List<LexicalToken> Lex(string text)
    {
        var tokens = new List<LexicalToken>();
        Run(new LexicalCursor(text), tokens, stopAtClosingBrace: false, nesting: 0);
        return tokens;
    }

    /// <summary>Lexes until the end, or (inside a template hole) until the brace that closes it, which is consumed.</summary>
    protected void Run(LexicalCursor cursor, List<LexicalToken> tokens, bool stopAtClosingBrace, int nesting)
    {
        var braces = 0;
        while (!cursor.AtEnd)
        {
            var c = cursor.Peek();
            if (char.IsWhiteSpace(c))
            {
                cursor.Advance();
            }
            else if (c == '/' && cursor.Peek(1) == '/')
            {
                cursor.SkipLineComment();
            }
            else if (c == '/' && cursor.Peek(1) == '*')
            {
                cursor.SkipBlockComment(BlockCommentsNest);
            }
            else if (LexicalCursor.IsNameStart(c))
            {
                var (line, column) = (cursor.Line, cursor.Column);
                tokens.Add(new LexicalToken(LexicalTokenKind.Identifier, cursor.ReadName(), line, column));
            }
            else if (char.IsDigit(c))
            {
                var (line, column) = (cursor.Line, cursor.Column);
                var start = cursor.Pos;
                cursor.SkipNumber();
                // The number as written (a cache max_age, a retry count in a config object is read from it).
                tokens.Add(new LexicalToken(LexicalTokenKind.Literal, cursor.Text[start..cursor.Pos], line, column));
            }
            else if (!TryString(cursor, tokens, nesting))
            {
                if (stopAtClosingBrace && c == '}' && braces == 0)
                {
                    cursor.Advance();
                    return;
                }

                braces += c == '{' ? 1 : c == '}' ? -1 : 0;
                tokens.Add(new LexicalToken(LexicalTokenKind.Punct, c.ToString(), cursor.Line, cursor.Column));
                cursor.Advance();
            }
        }
    }

    /// <summary>Reads a string (or other literal) starting at the cursor and adds its token; false when none starts here.</summary>
    protected abstract bool TryString(LexicalCursor cursor, List<LexicalToken> tokens, int nesting);

    protected static void AddString(List<LexicalToken> tokens, string text, int line, int column, LexicalStringForm form = LexicalStringForm.Plain) =>
        tokens.Add(new LexicalToken(LexicalTokenKind.String, text, line, column, form));

    /// <summary>Reads a string whose <c>${...}</c> holes hold code (JavaScript templates), lexing each hole's tokens after the string's.</summary>
    protected string ReadWithHoles(LexicalCursor cursor, string close, bool escapes, bool multiline, List<LexicalToken> holes, int nesting, out bool hadHole)
    {
        hadHole = false;
        cursor.Advance(close.Length);
        var text = new StringBuilder();
        while (!cursor.AtEnd)
        {
            var c = cursor.Peek();
            if (escapes && c == '\\')
            {
                text.Append(c).Append(cursor.Peek(1));
                cursor.Advance(2);
            }
            else if (cursor.StartsWith(close))
            {
                cursor.Advance(close.Length);
                break;
            }
            else if (c == '$' && cursor.Peek(1) == '{' && nesting < MaxNesting)
            {
                cursor.Advance(2);
                text.Append("${}");
                hadHole = true;
                Run(cursor, holes, stopAtClosingBrace: true, nesting + 1);
            }
            else if (!multiline && c == '\n')
            {
                break;
            }
            else
            {
                text.Append(c);
                cursor.Advance();
            }
        }

        return text.ToString();
    }
}
