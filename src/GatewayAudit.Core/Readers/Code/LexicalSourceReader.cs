using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// A reader of source code. Discovery treats the files such readers take differently from configs: vendored, test,
/// generated and minified code is passed over with the reason, and a file's text is only tokenised when the reader's
/// cheap pre-filter finds a known host, SDK name or API path in it.
/// </summary>
public interface ISourceCodeReader : IConfigReader
{
}

/// <summary>
/// The lexical source readers' shared shape: the pre-filter, then tokens, call sites and the fragment. Source that does
/// not parse is still read token by token; a lexer fault is reported as a warning with the file, never thrown.
/// </summary>
public abstract class LexicalSourceReader : ISourceCodeReader
{
    public abstract string Name { get; }

    public abstract IReadOnlyCollection<string> Extensions { get; }

    public bool Recognizes(InputFile file) =>
        Extensions.Contains(file.Extension) && file.Text.AsSpan().IndexOfAny(LexicalVocabulary.PreFilter) >= 0;

    public ReaderResult Read(InputFile file)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            var source = new LexicalSource(Language(file), Lex(file));
            return new ReaderResult(LexicalInventory.Build(file, LexicalCallSites.Find(source)), diagnostics, new SecretLedger());
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or InsufficientExecutionStackException)
        {
            // The lexers are written never to fail on any text; if one does, the scan goes on without this file's parties.
            diagnostics.Add(Diagnostic.Warning("source-unreadable", $"could not tokenise this file ({e.GetType().Name}); its calls are not in the report", file.At(0)));
            return new ReaderResult(new StackModel(), diagnostics, new SecretLedger());
        }
    }

    private protected abstract LexicalLanguage Language(InputFile file);

    private protected abstract List<LexicalToken> Lex(InputFile file);
}

/// <summary>Python source (<c>.py</c>).</summary>
public sealed class PythonSourceReader : LexicalSourceReader
{
    public override string Name => "python-source";

    public override IReadOnlyCollection<string> Extensions { get; } = [".py"];

    private protected override LexicalLanguage Language(InputFile file) => LexicalLanguage.Python;

    private protected override List<LexicalToken> Lex(InputFile file) => PythonLexer.Lex(file.Text);
}

/// <summary>JavaScript and TypeScript source.</summary>
public sealed class JavaScriptSourceReader : LexicalSourceReader
{
    public override string Name => "javascript-source";

    public override IReadOnlyCollection<string> Extensions { get; } = [".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts"];

    private protected override LexicalLanguage Language(InputFile file) => LexicalLanguage.JavaScript;

    private protected override List<LexicalToken> Lex(InputFile file) => new JavaScriptLexer().Lex(file.Text);
}

/// <summary>Go source.</summary>
public sealed class GoSourceReader : LexicalSourceReader
{
    public override string Name => "go-source";

    public override IReadOnlyCollection<string> Extensions { get; } = [".go"];

    private protected override LexicalLanguage Language(InputFile file) => LexicalLanguage.Go;

    private protected override List<LexicalToken> Lex(InputFile file) => new GoLexer().Lex(file.Text);
}

/// <summary>Java and Kotlin source.</summary>
public sealed class JavaSourceReader : LexicalSourceReader
{
    public override string Name => "java-source";

    public override IReadOnlyCollection<string> Extensions { get; } = [".java", ".kt", ".kts"];

    private protected override LexicalLanguage Language(InputFile file) => file.Extension == ".java" ? LexicalLanguage.Java : LexicalLanguage.Kotlin;

    private protected override List<LexicalToken> Lex(InputFile file) => new JavaLexer(kotlin: file.Extension != ".java").Lex(file.Text);
}
