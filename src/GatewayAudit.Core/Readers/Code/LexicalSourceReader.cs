using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// A reader of source code. Discovery treats the files such readers take differently from configs: vendored, test,
/// generated and minified code is passed over with the reason, and a file's text is only tokenised when the reader's
/// cheap pre-filter finds a known host, SDK name or API path in it.
/// </summary>
public interface ISourceCodeReader : IConfigReader
{
    /// <summary>
    /// A first check on a source file's text, asked by a folder scan before the text is made a string: false only where
    /// <see cref="IConfigReader.Recognizes"/> is false for every file of this reader with this text. True by default.
    /// </summary>
    bool MayRecognize(ReadOnlySpan<char> text) => true;
}

/// <summary>
/// The lexical source readers' shared shape: the pre-filter, then tokens, call sites and the fragment. Source that does
/// not parse is still read token by token; a lexer fault is reported as a warning with the file, never thrown.
/// </summary>
public abstract class LexicalSourceReader : ISourceCodeReader
{
    public abstract string Name { get; }

    public abstract IReadOnlyCollection<string> Extensions { get; }

    public bool Recognizes(InputFile file) => Extensions.Contains(file.Extension) && MayRecognize(file.Text);

    /// <summary>The pre-filter: the text names some word of <see cref="LexicalVocabulary.PreFilter"/>.</summary>
    public bool MayRecognize(ReadOnlySpan<char> text) => text.IndexOfAny(LexicalVocabulary.PreFilter) >= 0;

    public ReaderResult Read(InputFile file)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            var source = new LexicalSource(Language(file), Lex(file));
            var calls = LexicalCallSites.FindAll(source);
            var model = LexicalInventory.Build(file, calls.Sightings);
            LexicalHelicone.Apply(file, source, model);
            var secrets = new SecretLedger();
            LexicalClientRecords.Add(file, source, calls, model, diagnostics, secrets);
            LexicalPortkey.Apply(file, source, model, diagnostics, secrets);
            LexicalOpenRouter.Apply(file, source, model, diagnostics, secrets);
            LexicalLockIn.Apply(file, source, model);
            FindSecrets(file, source, model, secrets);
            CodeApplication.AddForSecrets(model);

            return new ReaderResult(model, diagnostics, secrets);
        }
        catch (InvalidNotebookException e)
        {
            diagnostics.Add(Diagnostic.Warning("notebook-unreadable", $"this notebook is not valid JSON (line {e.Line}); its code cells are not read and their calls are not in the report", file.At(e.Line)));
            return new ReaderResult(new StackModel(), diagnostics, new SecretLedger());
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or InsufficientExecutionStackException)
        {
            // The lexers are written never to fail on any text; if one does, the scan goes on without this file's parties.
            diagnostics.Add(Diagnostic.Warning("source-unreadable", $"could not tokenise this file ({e.GetType().Name}); its calls are not in the report", file.At(0)));
            return new ReaderResult(new StackModel(), diagnostics, new SecretLedger());
        }
    }

    /// <summary>Literal keys in the file's strings (not docstrings, log messages or test doubles), named after what they are assigned to.</summary>
    private static void FindSecrets(InputFile file, LexicalSource source, StackModel model, SecretLedger secrets)
    {
        // The line's assignment target is found once per line, not once per string on it: a minified or hostile
        // line with 100,000 strings made the per-string walk back to the line's start quadratic.
        var lineStart = 0;
        var lineTarget = -1;
        for (var i = 0; i < source.Count; i++)
        {
            var token = source[i];
            if (i == 0 || source[i - 1].Line != token.Line)
            {
                lineStart = i;
                lineTarget = FirstAssignmentTarget(source, i);
            }

            if (token.Kind == LexicalTokenKind.String && token.Form != LexicalStringForm.Docstring && !source.Quiet[i])
            {
                var name = AssignedTo(source, i, lineStart, lineTarget);
                CodeSecrets.Check(token.Text, name, file.At(token.Line, token.Column), model, secrets);
                if (name is not null && LexicalSource.Normal(name) == "apikey" && Callee(source, i) is { } client && SecretValues.UnprefixedKeyClients.Contains(client))
                {
                    CodeSecrets.CheckUnprefixed(token.Text, client, name, file.At(token.Line, token.Column), model, secrets);
                }
            }
        }
    }

    /// <summary>
    /// The class or function whose call the string is an argument of, directly or in an object literal
    /// (<c>Portkey(api_key="...")</c>, <c>new Portkey({ apiKey: "..." })</c>); null when none within a short distance.
    /// </summary>
    private static string? Callee(LexicalSource source, int index)
    {
        var depth = 0;
        for (var j = index - 1; j >= 0 && j >= index - 64; j--)
        {
            if (source.IsPunct(j, ")") || source.IsPunct(j, "]") || source.IsPunct(j, "}"))
            {
                depth++;
            }
            else if (source.IsPunct(j, "(") || source.IsPunct(j, "[") || source.IsPunct(j, "{"))
            {
                if (depth-- > 0)
                {
                    continue;
                }

                if (!source.IsPunct(j, "("))
                {
                    depth = 0; // an object literal passed to the call: keep looking for its '('
                    continue;
                }

                return source.IsIdentifier(j - 1) ? source[j - 1].Text : null;
            }
        }

        return null;
    }

    /// <summary>The name a string is given on its line: <c>key=</c> or <c>"key":</c> right before it, else the line's assignment target.</summary>
    private static string? AssignedTo(LexicalSource source, int index, int lineStart, int lineTarget)
    {
        if (index >= 2 && (source.IsPunct(index - 1, "=") || source.IsPunct(index - 1, ":")) && source[index - 2].Kind is LexicalTokenKind.Identifier or LexicalTokenKind.String)
        {
            return source[index - 2].Text;
        }

        // The line's first target counts only when its '=' or ':' comes before this string.
        return lineTarget >= lineStart && lineTarget < index - 1 ? source[lineTarget].Text : null;
    }

    /// <summary>The first name on the line (the run of tokens from <paramref name="start"/> on the same line) followed by '=' or ':', or -1.</summary>
    private static int FirstAssignmentTarget(LexicalSource source, int start)
    {
        var line = source[start].Line;
        for (var i = start; i + 1 < source.Count && source[i].Line == line; i++)
        {
            if (source.IsIdentifier(i) && (source.IsPunct(i + 1, "=") || source.IsPunct(i + 1, ":")))
            {
                return i;
            }
        }

        return -1;
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

/// <summary>
/// Jupyter notebooks (<c>.ipynb</c>): the Python of their code cells (<see cref="NotebookCells"/>), read as Python with
/// each line at its line in the notebook file. Agent prototypes often live only in a notebook.
/// </summary>
public sealed class NotebookSourceReader : LexicalSourceReader
{
    public override string Name => "notebook-source";

    public override IReadOnlyCollection<string> Extensions { get; } = [".ipynb"];

    private protected override LexicalLanguage Language(InputFile file) => LexicalLanguage.Python;

    private protected override List<LexicalToken> Lex(InputFile file) => PythonLexer.Lex(NotebookCells.PythonText(file.Text));
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
