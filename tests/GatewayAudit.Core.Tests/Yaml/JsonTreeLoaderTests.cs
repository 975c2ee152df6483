using System.Text;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Yaml;

/// <summary>
/// The JSON reader's trees are the YAML loader's trees (kinds, values, quoting, lines, columns), and whatever it is not
/// sure of goes to the YAML loader, so a gateway JSON file reads exactly as it did.
/// </summary>
public sealed class JsonTreeLoaderTests
{
    private const string PortkeyConfig = """
        {
          "strategy": { "mode": "fallback", "on_status_codes": [429, 500] },
          "targets": [
            { "provider": "openai", "api_key": "sk-proj-abc", "override_params": { "model": "gpt-4o", "temperature": 0.2 } },
            { "provider": "anthropic", "virtual_key": "anthropic-vk", "weight": 1.5e0, "retry": { "attempts": 3 } }
          ],
          "cache": { "mode": "semantic", "max_age": 60 },
          "metadata": null, "enabled": true, "disabled": false, "url": "https://api.portkey.ai/v1#frag", "": ""
        }
        """;

    private const string OpenRouterRequest = "{\n\t\"model\": \"openai/gpt-4o\",\n\t\"models\": [\"anthropic/claude-3.5-sonnet\", \"mistral/large\"],\n\t\"provider\": {\"order\": [\"OpenAI\", \"Together\"], \"data_collection\": \"deny\", \"zdr\": true},\n\t\"messages\": [{\"role\": \"user\", \"content\": \"hi there\"}]\n}\n";

    public static TheoryData<string> Taken => new()
    {
        PortkeyConfig,
        OpenRouterRequest.Replace('\t', ' '),
        "{\"a\": 1, \"b\": [true, false, null, -1.5e3, 0, 12345678901234567890], \"c\": {}, \"d\": []}",
        "{\r\n  \"a\": {\r\n    \"b\": [1, 2, {\"c\": \"x y # z\"}]\r\n  }\r\n}\r\n",
        "[\n  {\"provider\": \"openai\"},\n  [],\n  [[[\"deep\"]]]\n]",
        "  \n\n{ \"key with spaces\" :  \"value\"  }\n\n",
    };

    [Theory]
    [MemberData(nameof(Taken))]
    public void Plain_json_gives_the_yaml_loaders_tree(string text) => AssertSameTree(text);

    [Fact]
    public void Generated_documents_give_the_yaml_loaders_tree()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder();
            var lineEnd = random.Next(3) == 0 ? "\r\n" : "\n";
            WriteValue(text, random, depth: 0, lineEnd, top: true);
            AssertSameTree(text.ToString());
        }
    }

    public static TheoryData<string> LeftToYaml => new()
    {
        "{\"a\": \"line\\nbreak\"}",                 // an escape
        "{\"caf\u00e9\": \"cr\u00e8me\"}",           // not ASCII
        "{\"a\": 1, \"a\": 2}",                      // a duplicate key: the YAML loader warns
        "{\"a\": 1,}",                               // not strict JSON
        "{\"a\": 1 // note\n}",                      // a comment
        "{\"a\"\n: 1}",                              // a key parted from its colon by a line end
        "{\"a\": 1}\r{\"b\": 2}",                    // a lone CR
        "\"just text\"",                             // not an object or array
        "",
        "{\"a\": \"\u007f\"}",                       // DEL, not printable in YAML
        "{\"" + new string('k', 1_200) + "\": 1}",   // longer than a YAML implicit key may be
        new string('[', 40) + new string(']', 40),   // deeper than it takes
    };

    [Theory]
    [MemberData(nameof(LeftToYaml))]
    public void What_it_is_not_sure_of_is_left_to_the_yaml_loader(string text)
    {
        Assert.Null(JsonTreeLoader.TryLoad("f.json", text));
        var file = new InputFile("f.json", "/scan/f.json", text, namedExplicitly: false);
        var expected = new SafeYamlLoader().Load("f.json", text);
        Assert.Equal(YamlTreeText.Of(expected.Document?.Root), YamlTreeText.Of(file.Json.Document?.Root));
        Assert.Equal(expected.Diagnostics.Select(d => (d.Code, d.Message, d.Location.Line)), file.Json.Diagnostics.Select(d => (d.Code, d.Message, d.Location.Line)));
    }

    [Fact]
    public void A_broken_json_file_still_says_where()
    {
        var file = new InputFile("f.json", "/scan/f.json", "{\n  \"provider\": \"openai\",\n  \"api_key\": [1, 2\n}\n", namedExplicitly: false);
        var (document, diagnostics) = file.Json;
        Assert.Null(document);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("yaml-syntax", error.Code);
        Assert.InRange(error.Location.Line, 3, 4);
    }

    [Fact]
    public void A_duplicate_key_is_still_warned_with_its_line()
    {
        var file = new InputFile("f.json", "/scan/f.json", "{\n  \"provider\": \"openai\",\n  \"provider\": \"anthropic\"\n}\n", namedExplicitly: false);
        var (document, diagnostics) = file.Json;
        var warning = Assert.Single(diagnostics);
        Assert.Equal("yaml-duplicate-key", warning.Code);
        Assert.Equal(3, warning.Location.Line);
        Assert.Equal("anthropic", ((YamlScalar)((YamlMapping)document!.Root!)["provider"]!).Value);
    }

    private static void AssertSameTree(string text)
    {
        var expected = new SafeYamlLoader().Load("f.json", text);
        Assert.Empty(expected.Diagnostics);
        var fast = JsonTreeLoader.TryLoad("f.json", text);
        Assert.NotNull(fast);
        Assert.Equal(YamlTreeText.Of(expected.Document!.Root), YamlTreeText.Of(fast.Root));
        Assert.Equal("f.json", fast.File);
    }

    private static readonly string[] Words = ["openai", "gpt-4o", "https://api.example.com/v1", "a b", "x#y", "sk-or-v1-123", "null", "true", "1.5", ""];

    private static void WriteValue(StringBuilder text, Random random, int depth, string lineEnd, bool top = false)
    {
        var kind = top ? random.Next(2) : depth > 5 ? 2 + random.Next(4) : random.Next(6);
        switch (kind)
        {
            case 0:
                {
                    text.Append('{');
                    var count = random.Next(5);
                    for (var i = 0; i < count; i++)
                    {
                        text.Append(i > 0 ? "," : "").Append(Space(random, lineEnd)).Append('"').Append($"k{i}_{Words[random.Next(Words.Length)]}").Append('"')
                            .Append(random.Next(4) == 0 ? " " : "").Append(':').Append(random.Next(4) == 0 ? "" : " ");
                        WriteValue(text, random, depth + 1, lineEnd);
                    }

                    text.Append(Space(random, lineEnd)).Append('}');
                    break;
                }

            case 1:
                {
                    text.Append('[');
                    var count = random.Next(5);
                    for (var i = 0; i < count; i++)
                    {
                        text.Append(i > 0 ? "," : "").Append(Space(random, lineEnd));
                        WriteValue(text, random, depth + 1, lineEnd);
                    }

                    text.Append(Space(random, lineEnd)).Append(']');
                    break;
                }

            case 2:
                text.Append('"').Append(Words[random.Next(Words.Length)]).Append('"');
                break;
            case 3:
                text.Append(random.Next(4) switch { 0 => "-12", 1 => "3.25", 2 => "1e-7", _ => "0" });
                break;
            case 4:
                text.Append(random.Next(2) == 0 ? "true" : "false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static string Space(Random random, string lineEnd) => random.Next(4) switch
    {
        0 => "",
        1 => " ",
        2 => lineEnd + new string(' ', random.Next(6)),
        _ => lineEnd + lineEnd + "  ",
    };
}
