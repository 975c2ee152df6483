using CsCheck;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>Source that does not parse is still read token by token, and no text makes a source reader throw.</summary>
public sealed class LexicalRobustnessTests
{
    private static readonly string[] Tokens =
    [
        "OpenAI", "(", ")", "base_url", "baseURL", "=", ":", "\"", "'", "`", "\"\"\"", "'''", "${", "}", "{", "[", "]", "f\"", "r'", "/*", "*/", "//", "#",
        "\n", " ", "\\", ".", "chat.completions.create", "import", "from", "openai", "\"https://api.openai.com/v1\"", "'http://localhost:4000'",
        "litellm", ".completion(model=", "/", "new ", "@", ",", ";", "\r\n", "é", "\0", "os.getenv(\"X\")", "= ", "require(\"openai\")",
        "messages.create", "logger.info(", "raise Error(", "self.", "client", ":=", "->", "<", ">", "!", "?", "\"\"\"x", "`${`${",
    ];

    private static readonly Gen<string> Soup = Gen.OneOf(Tokens).Array[0, 120].Select(string.Concat);

    public static TheoryData<string> Extensions => new() { ".py", ".ts", ".go", ".java", ".kt" };

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Random_source_text_never_throws_and_gives_no_diagnostic(string extension)
    {
        var reader = ReaderRegistry.Default.OfType<LexicalSourceReader>().Single(r => r.Extensions.Contains(extension));
        Soup.Sample(text =>
        {
            var result = reader.Read(new InputFile("f" + extension, "/scan/f" + extension, text, namedExplicitly: false));
            Assert.Empty(result.Diagnostics);
        }, iter: 1500);
    }

    [Theory]
    [InlineData(".py", "client = OpenAI(base_url=\"https://api.groq.com/openai/v1\"\ndef broken(:\n    '''never closed\n")]
    [InlineData(".ts", "const c = new OpenAI({ baseURL: \"https://api.groq.com/openai/v1\" ;\nfunction (( { `never closed ${ x\n")]
    [InlineData(".go", "c := openai.NewClient(option.WithBaseURL(\"https://api.groq.com/openai/v1\")\nfunc {{{ \"unterminated\n")]
    [InlineData(".java", "var c = OpenAIOkHttpClient.builder().baseUrl(\"https://api.groq.com/openai/v1\").build(;\nclass { \"\"\" never closed\n")]
    public void Source_that_does_not_parse_is_still_scanned(string extension, string text)
    {
        var reader = ReaderRegistry.Default.OfType<LexicalSourceReader>().Single(r => r.Extensions.Contains(extension));
        var result = reader.Read(new InputFile("broken" + extension, "/scan/broken" + extension, text, namedExplicitly: true));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Hosting.ThirdParty, result.Fragment.Find("provider:groq")?.Hosting);
    }

    [Fact]
    public void Deeply_nested_templates_are_bounded()
    {
        var text = "const x = " + string.Concat(Enumerable.Repeat("`${", 50_000)) + "\"https://api.openai.com/v1/models\"";
        var reader = new JavaScriptSourceReader();
        var result = reader.Read(new InputFile("deep.ts", "/scan/deep.ts", text, namedExplicitly: true));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_file_naming_nothing_known_is_not_tokenised()
    {
        var reader = new PythonSourceReader();
        Assert.False(reader.Recognizes(new InputFile("util.py", "/scan/util.py", "def add(a, b):\n    return a + b\n", namedExplicitly: false)));
        Assert.True(reader.Recognizes(new InputFile("util.py", "/scan/util.py", "URL = 'https://api.groq.com/openai/v1'\n", namedExplicitly: false)));
    }
}
