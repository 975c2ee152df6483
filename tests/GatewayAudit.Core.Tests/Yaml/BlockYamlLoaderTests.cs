using System.Text;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Yaml;

/// <summary>
/// The block YAML reader's trees are the YAML loader's trees (kinds, values, quoting, lines, columns), and whatever it is
/// not sure of goes to the YAML loader, so a config, compose file or Helm values file reads exactly as it did.
/// </summary>
public sealed class BlockYamlLoaderTests
{
    private const string LiteLlmConfig = """
        # LiteLLM proxy
        model_list:
          - model_name: gpt-4o   # the default
            litellm_params:
              model: azure/gpt-4o
              api_base: https://example-eu.openai.azure.com/
              api_key: "os.environ/AZURE_API_KEY"
              rpm: 600
          - model_name: claude
            litellm_params:
              model: anthropic/claude-sonnet-4-5 # a comment after a value
        litellm_settings:
          success_callback: [langfuse, "s3", 'prometheus']
          failure_callback: []
          drop_params: true
          cache_params: {}
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: 'postgresql://llm:${PG_PASSWORD}@db:5432/litellm'
          alerting:
          - slack
          - email
          temperature: -0.5
          note: issue#12, a:colon and [brackets] inside
        """;

    private const string Compose = "services:\r\n  litellm:\r\n    image: ghcr.io/berriai/litellm:main-v1.55.0\r\n    ports:\r\n      - \"4000:4000\"\r\n    environment:\r\n      - DATABASE_URL=postgresql://u:p@db/litellm\r\n      - STORE_MODEL_IN_DB=True\r\n    command: [\"--config\", \"/app/config.yaml\", \"--port\", \"4000\"]\r\n  db:\r\n    image: postgres:16\r\n";

    public static TheoryData<string> Taken => new()
    {
        LiteLlmConfig,
        Compose,
        "- a\n- b: 1\n  c: [x, y]\n- 'q'\n",
        "  indented:\n    root: yes\n",
        "key: value\n\n\n# trailing comment\n",
        "a:\n  - x\n  -   y   # spaced\nb:\n- z\n",
        "a:\nb: 1\nc:   # empty\n  \nd:\n  e:\n  f: 2\n",
        "---\nlist:\n- a:\n  b: 1\n-   c:\n",
        "--- # the one document\nkey: v\n",
    };

    [Theory]
    [MemberData(nameof(Taken))]
    public void Plain_block_yaml_gives_the_yaml_loaders_tree(string text) => AssertSameTree(text);

    [Fact]
    public void Generated_documents_it_takes_give_the_yaml_loaders_tree()
    {
        var random = new Random(20261201);
        var taken = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var text = new StringBuilder();
            var lineEnd = random.Next(4) == 0 ? "\r\n" : "\n";
            WriteMapping(text, random, indent: random.Next(3) == 0 ? 2 : 0, depth: 0, lineEnd);
            taken += TakenAsTheYamlLoaderReadsIt(text.ToString()) ? 1 : 0;
        }

        // The generator writes what the reader refuses too (anchors, tags, block scalars, empty values ...): both must be common.
        Assert.InRange(taken, 400, 1_600);
    }

    [Fact]
    public void The_bundled_policies_catalog_and_examples_read_the_same()
    {
        var root = RepositoryRoot();
        var taken = 0;
        foreach (var path in new[] { "policies", "examples" }.SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.y*ml", SearchOption.AllDirectories)))
        {
            var text = File.ReadAllText(path);
            if (BlockYamlLoader.TryLoad("f.yaml", text) is not { } fast)
            {
                continue;
            }

            taken++;
            var expected = new SafeYamlLoader().Load("f.yaml", text);
            Assert.Empty(expected.Diagnostics);
            Assert.True(YamlTreeText.Of(expected.Document!.Root) == YamlTreeText.Of(fast.Root), $"different trees for {path}");
        }

        Assert.True(taken >= 20, $"only {taken} bundled YAML files were taken");
    }

    [Fact]
    public void Mutated_documents_never_throw_and_what_it_takes_reads_as_the_yaml_loader_reads_it()
    {
        // Hostile or broken input: one character inserted, deleted or replaced, a line's indentation changed, a line
        // repeated. The reader must not throw, and a document it takes must be one the YAML loader reads cleanly, alike.
        var random = new Random(20261202);
        string[] seeds = [LiteLlmConfig, Compose, "- a\n- b: 1\n  c: [x, y]\n- 'q'\n", "a:\nb: 1\nc:   # empty\n  \nd:\n  e:\n  f: 2\n", "---\nlist:\n- a:\n  b: 1\n-   c:\n"];
        const string Inserted = " -:#'\"[]{},&*!|>%@`?\n\r\t\\~0aZ";
        var taken = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var edits = 1 + random.Next(3); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(5))
                {
                    case 0: text.Insert(at, Inserted[random.Next(Inserted.Length)]); break;
                    case 1: text.Remove(at, 1); break;
                    case 2: text[at] = Inserted[random.Next(Inserted.Length)]; break;
                    case 3: text.Insert(LineStart(text, at), ' '); break;
                    default:
                        var start = LineStart(text, at);
                        var end = text.ToString().IndexOf('\n', at);
                        text.Insert(start, text.ToString(start, (end < 0 ? text.Length : end + 1) - start));
                        break;
                }
            }

            taken += TakenAsTheYamlLoaderReadsIt(text.ToString()) ? 1 : 0;
        }

        Assert.True(taken > 500, $"only {taken} mutated documents were taken");

        static int LineStart(StringBuilder text, int at)
        {
            while (at > 0 && text[at - 1] != '\n')
            {
                at--;
            }

            return at;
        }
    }

    public static TheoryData<string> LeftToYaml => new()
    {
        "a: &x 1\nb: *x\n",                      // an anchor and an alias
        "base: {a: 1}\nc:\n  <<: {b: 2}\n",         // a merge key
        "a: !!str 5\n",                          // a tag
        "a: |\n  line\n",                        // a block scalar
        "a: >-\n  folded\n",                     // a folded scalar
        "a: one\n  two\n",                       // a plain scalar on two lines
        "---\n---\na: 1\n",                      // two document starts
        "--- a: 1\n",                           // content on the document start line
        "a: 1\na: 2\n",                          // a duplicate key: the YAML loader warns
        string.Concat(Enumerable.Range(0, 12).Select(i => $"k{i}: 1\n")) + "k3: 2\n", // a duplicate in a long mapping
        "a: 1\n---\nb: 2\n",                     // two documents
        "%YAML 1.2\n---\na: 1\n",                // a directive
        "a:\t1\n",                               // a tab
        "caf\u00e9: 1\n",                        // not ASCII
        "a: \"line\\nbreak\"\n",                 // an escape
        "a: 'it''s'\n",                          // a doubled quote
        "a: [x, ]\n",                            // a trailing comma
        "a: [x, [y]]\n",                         // a nested flow list
        "a: {b: 1}\n",                           // a flow mapping with entries
        "- - a\n",                               // a list in a list
        "-\n  a: 1\n",                           // an item on the line below its dash
        "a: b: c\n",                             // a colon and space inside a value
        "\"a\": 1\n",                            // a quoted key
        "a:1\n",                                 // no space after the colon: one text value
        "a: 1\n b: 2\n",                         // a mis-indented line
        "a: 1\r b: 2\n",                         // a lone CR
        "just text\n",                           // a scalar at the top
        "",
        "# only a comment\n",
        "a: @x\n",                               // a reserved indicator
        "a: 'open\n",                            // an unclosed quote
        string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + $"k{i}:\n")) + new string(' ', 80) + "v: 1\n", // deeper than it takes
    };

    [Theory]
    [MemberData(nameof(LeftToYaml))]
    public void What_it_is_not_sure_of_is_left_to_the_yaml_loader(string text)
    {
        Assert.Null(BlockYamlLoader.TryLoad("f.yaml", text));
        var file = new InputFile("f.yaml", "/scan/f.yaml", text, namedExplicitly: false);
        var expected = new SafeYamlLoader().Load("f.yaml", text);
        Assert.Equal(YamlTreeText.Of(expected.Document?.Root), YamlTreeText.Of(file.Yaml.Document?.Root));
        Assert.Equal(expected.Diagnostics.Select(d => (d.Code, d.Message, d.Location.Line)), file.Yaml.Diagnostics.Select(d => (d.Code, d.Message, d.Location.Line)));
    }

    [Fact]
    public void A_duplicate_key_is_still_warned_with_its_line()
    {
        var file = new InputFile("config.yaml", "/scan/config.yaml", "general_settings:\n  master_key: a\n  master_key: b\n", namedExplicitly: false);
        var (document, diagnostics) = file.Yaml;
        var warning = Assert.Single(diagnostics);
        Assert.Equal("yaml-duplicate-key", warning.Code);
        Assert.Equal(3, warning.Location.Line);
        Assert.Equal("b", ((YamlScalar)((YamlMapping)((YamlMapping)document!.Root!)["general_settings"]!)["master_key"]!).Value);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: litellm\ndata:\n  LITELLM_LOG: DEBUG\n")]
    [InlineData("---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n")]
    [InlineData("apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Secret\n")]
    public void A_manifest_reads_as_the_same_documents(string text)
    {
        var expected = new SafeYamlLoader().LoadAll("m.yaml", text);
        var file = new InputFile("m.yaml", "/scan/m.yaml", text, namedExplicitly: false);
        Assert.Equal(expected.Documents!.Select(d => YamlTreeText.Of(d.Root)), file.YamlDocuments.Documents!.Select(d => YamlTreeText.Of(d.Root)));
        Assert.Equal(expected.Diagnostics.Count, file.YamlDocuments.Diagnostics.Count);
    }

    /// <summary>Whether the block reader takes the document; when it does, the YAML loader must read it without a diagnostic, to the same tree.</summary>
    private static bool TakenAsTheYamlLoaderReadsIt(string document)
    {
        if (BlockYamlLoader.TryLoad("f.yaml", document) is not { } fast)
        {
            return false;
        }

        var expected = new SafeYamlLoader().Load("f.yaml", document);
        Assert.True(expected.Diagnostics.Count == 0, $"the block reader took a document the YAML loader reports ({string.Join(", ", expected.Diagnostics.Select(d => d.Code))}):\n{document}");
        Assert.True(YamlTreeText.Of(expected.Document!.Root) == YamlTreeText.Of(fast.Root), $"different trees for:\n{document}");
        return true;
    }

    private static void AssertSameTree(string text)
    {
        var expected = new SafeYamlLoader().Load("f.yaml", text);
        Assert.Empty(expected.Diagnostics);
        var fast = BlockYamlLoader.TryLoad("f.yaml", text);
        Assert.NotNull(fast);
        Assert.Equal(YamlTreeText.Of(expected.Document!.Root), YamlTreeText.Of(fast.Root));
        Assert.Equal("f.yaml", fast.File);
    }

    private static readonly string[] Keys = ["model", "api_base", "litellm-params", "x.y", "a/b", "_k", "9lives", "on", "null"];

    private static readonly string[] Values =
    [
        "openai/gpt-4o", "os.environ/KEY", "https://api.example.com:8443/v1", "a b  c", "x#y", "-12", "3.5", "true", "~", "null",
        "'single'", "\"double\"", "\"a # b\"", "'x: y'", "[a, b]", "[]", "{}", "[\"q\", r , 's']", "value # comment", "a, b", "{ }", "[ ]",
    ];

    // Values the reader leaves to the YAML loader.
    private static readonly string[] Refused =
    [
        "-x", "&anchor v", "*alias", "!tag v", "|", "a: b", "'it''s'", "\"esc\\t\"", "[a, [b]]", "{a: 1}", "@at", "`tick`", "%pc",
        "[a,]", "trailing:", "? q",
    ];

    private static string Value(Random random) => random.Next(10) == 0 ? Refused[random.Next(Refused.Length)] : Values[random.Next(Values.Length)];

    private static void WriteMapping(StringBuilder text, Random random, int indent, int depth, string lineEnd, bool compactFirst = false)
    {
        var count = 1 + random.Next(4);
        var used = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var key = Keys[random.Next(Keys.Length)];
            if (random.Next(40) != 0 && !used.Add(key))
            {
                continue; // now and then a duplicate key, which the reader must leave to the YAML loader
            }

            if (!(compactFirst && i == 0))
            {
                text.Append(' ', indent);
            }

            text.Append(key).Append(':');
            if (random.Next(40) == 0)
            {
                text.Append(lineEnd).Append(' ', indent).Append("# between").Append(lineEnd);
                continue; // an empty value
            }

            var kind = depth > 3 ? 0 : random.Next(5);
            switch (kind)
            {
                case 0:
                case 1:
                    text.Append(' ', 1 + random.Next(2)).Append(Value(random)).Append(random.Next(6) == 0 ? "   " : "").Append(lineEnd);
                    if (random.Next(60) == 0)
                    {
                        text.Append(' ', indent + 4).Append("continued").Append(lineEnd); // a second line of the value
                    }

                    break;
                case 2:
                    text.Append(random.Next(3) == 0 ? "   # nested" : "").Append(lineEnd);
                    WriteMapping(text, random, indent + 2 + random.Next(2) * 2, depth + 1, lineEnd);
                    break;
                default:
                    text.Append(lineEnd);
                    WriteSequence(text, random, random.Next(3) == 0 ? indent : indent + 2, depth + 1, lineEnd);
                    break;
            }

            if (random.Next(8) == 0)
            {
                text.Append(' ', random.Next(6)).Append("# a comment line").Append(lineEnd);
            }
        }
    }

    private static void WriteSequence(StringBuilder text, Random random, int indent, int depth, string lineEnd)
    {
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            text.Append(' ', indent).Append('-').Append(' ', 1 + random.Next(2) * random.Next(2));
            if (random.Next(2) == 0 && depth <= 3)
            {
                var column = text.Length - text.ToString().LastIndexOf('\n') - 1;
                WriteMapping(text, random, column, depth + 1, lineEnd, compactFirst: true);
            }
            else
            {
                text.Append(Value(random)).Append(lineEnd);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Audit.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Audit.sln not found above the test folder");
    }
}
