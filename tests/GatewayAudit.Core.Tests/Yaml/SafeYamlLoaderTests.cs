using System.Text;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Yaml;

/// <summary>The ways YAML can hurt a scanner, each refused with a message and a line instead of a crash.</summary>
public sealed class SafeYamlLoaderTests
{
    private static (YamlDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Load(string text) => new SafeYamlLoader().Load("f.yaml", text);

    private static Diagnostic SingleError(string text)
    {
        var (document, diagnostics) = Load(text);
        Assert.Null(document);
        return Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("k: plain", false, null)]
    [InlineData("k: 'single'", true, null)]
    [InlineData("k: \"double\"", true, null)]
    [InlineData("k: !!str 5", false, "tag:yaml.org,2002:str")]
    [InlineData("k: !!str '5'", true, "tag:yaml.org,2002:str")]
    public void A_scalar_keeps_whether_it_was_quoted_and_its_tag(string yaml, bool quoted, string? tag)
    {
        var (document, diagnostics) = new SafeYamlLoader().Load("q.yaml", yaml);
        Assert.Empty(diagnostics);
        var value = Assert.IsType<YamlScalar>(((YamlMapping)document!.Root!)["k"]);
        Assert.Equal((quoted, tag), (value.Quoted, value.Tag));
    }

    [Fact]
    public void Billion_laughs_is_refused_with_a_line()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 10))}]\n");
        }

        var error = SingleError(text.ToString());
        Assert.Equal("yaml-alias-bomb", error.Code);
        Assert.Contains("alias", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Location.Line, 2, 9);
        Assert.Equal("f.yaml", error.Location.File);
    }

    [Fact]
    public void Large_document_without_aliases_is_not_mistaken_for_a_bomb()
    {
        // 50,000 deployments-like mappings: ~250,000 nodes, more than the absolute bound, but nothing expands.
        var text = new StringBuilder("model_list:\n");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("  - {model_name: g, litellm_params: {model: openai/gpt-4o}}\n");
        }

        var (document, diagnostics) = Load(text.ToString());
        Assert.Empty(diagnostics);
        Assert.Equal(50_000, ((YamlSequence)((YamlMapping)document!.Root!)["model_list"]!).Items.Count);
    }

    [Fact]
    public void A_bomb_hidden_in_a_large_document_is_still_refused()
    {
        var text = new StringBuilder("filler:\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("  - {a: 1, b: 2}\n");
        }

        text.Append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            text.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{(char)(level - 1)}", 10))}]\n");
        }

        Assert.Equal("yaml-alias-bomb", SingleError(text.ToString()).Code);
    }

    [Fact]
    public void Merge_key_bomb_is_refused_too()
    {
        var text = new StringBuilder("a0: &a0 {k0: v, k1: v, k2: v, k3: v, k4: v, k5: v, k6: v, k7: v}\n");
        for (var i = 1; i <= 12; i++)
        {
            text.Append($"a{i}: &a{i}\n  x: {{<<: *a{i - 1}}}\n  y: {{<<: *a{i - 1}}}\n  z: {{<<: *a{i - 1}}}\n  w: {{<<: *a{i - 1}}}\n");
        }

        Assert.Equal("yaml-alias-bomb", SingleError(text.ToString()).Code);
    }

    [Fact]
    public void Shared_aliases_below_the_bound_load_and_share_the_node()
    {
        var (document, diagnostics) = Load("base: &b {x: 1}\none: *b\ntwo: *b\n");
        Assert.Empty(diagnostics);
        var root = (YamlMapping)document!.Root!;
        Assert.Same(root["one"], root["two"]);
    }

    [Fact]
    public void Ten_thousand_open_brackets_are_refused_without_a_stack_overflow()
    {
        var error = SingleError(new string('[', 10_000));
        Assert.True(error.Code is "yaml-too-deep", error.ToString());
        Assert.Equal(1, error.Location.Line);
        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_block_nesting_is_refused()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            text.Append(' ', i).Append("k:\n");
        }

        text.Append(' ', 500).Append("v\n");
        var error = SingleError(text.ToString());
        Assert.Equal("yaml-too-deep", error.Code);
        Assert.True(error.Location.Line > 60, error.ToString());
    }

    [Fact]
    public void Nesting_at_the_limit_loads()
    {
        var depth = SafeYamlLoader.DefaultMaxDepth - 1;
        var (document, diagnostics) = Load(new string('[', depth) + new string(']', depth));
        Assert.Empty(diagnostics);
        Assert.NotNull(document);
    }

    [Fact]
    public void Merge_keys_explicit_keys_win_then_earlier_sources()
    {
        var (document, diagnostics) = Load("""
            a: &a {x: from-a, y: from-a, z: from-a}
            b: &b {x: from-b, w: from-b}
            m:
              <<: [*b, *a]
              x: explicit
            """);
        Assert.Empty(diagnostics);
        var m = (YamlMapping)((YamlMapping)document!.Root!)["m"]!;
        string Value(string key) => ((YamlScalar)m[key]!).Value;
        Assert.Equal(("explicit", "from-a", "from-a", "from-b"), (Value("x"), Value("y"), Value("z"), Value("w")));
        Assert.DoesNotContain(m.Entries, e => e.Key.Value == "<<");
        Assert.Equal(4, m.Entries.Count);
    }

    [Fact]
    public void Quoted_merge_key_is_an_ordinary_key()
    {
        var (document, _) = Load("m:\n  '<<': 1\n");
        Assert.True(((YamlMapping)((YamlMapping)document!.Root!)["m"]!).ContainsKey("<<"));
    }

    [Theory]
    [InlineData("m:\n  <<: 5\n", "yaml-bad-merge", 2)]
    [InlineData("m:\n  <<: [1, 2]\n", "yaml-bad-merge", 2)]
    [InlineData("m: *nowhere\n", "yaml-unknown-alias", 1)]
    [InlineData("? [a, b]\n: v\n", "yaml-complex-key", 1)]
    [InlineData("a: 1\n---\nb: 2\n", "yaml-multiple-documents", 2)]
    [InlineData("a: [1, 2\nb: 3\n", "yaml-syntax", 1)]
    [InlineData("model_list:\n  - a: [1, 2\n  - b: 3\n", "yaml-syntax", 2)]
    [InlineData("a:\n\t- tab\n", "yaml-syntax", 1)]
    [InlineData("a: 'unterminated\n", "yaml-syntax", 1)]
    [InlineData("a: b: c\n", "yaml-syntax", 1)]
    public void Structural_problems_are_errors_with_code_and_line(string text, string code, int line)
    {
        var error = SingleError(text);
        Assert.Equal((code, line), (error.Code, error.Location.Line));
    }

    [Fact]
    public void Tab_indentation_names_the_line_where_the_tab_is()
    {
        var error = SingleError("a:\n  b: 1\n\t- tab\n");
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_warn_with_the_line_and_the_last_value_wins()
    {
        var (document, diagnostics) = Load("a: 1\nb: 2\na: 3\n");
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("yaml-duplicate-key", DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Location.Line));
        Assert.Equal("3", ((YamlScalar)((YamlMapping)document!.Root!)["a"]!).Value);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Duplicate_keys_and_merges_hold_in_short_and_long_mappings(int keys)
    {
        // Short mappings look keys up by a scan, long ones by a set: each duplicate is warned once, at its line, in
        // both, and merged keys never replace explicit ones.
        var text = new StringBuilder("base: &base\n  k0: merged\n  extra: merged\nm:\n  <<: *base\n");
        for (var i = 0; i < keys; i++)
        {
            text.Append($"  k{i}: {i}\n");
        }

        text.Append("  k0: last\n");
        text.Append($"  k{keys - 1}: again\n");
        var (document, diagnostics) = Load(text.ToString());
        var m = (YamlMapping)((YamlMapping)document!.Root!)["m"]!;
        Assert.Equal([6 + keys, 7 + keys], diagnostics.Where(d => d.Code == "yaml-duplicate-key").Select(d => d.Location.Line));
        Assert.Equal("last", ((YamlScalar)m["k0"]!).Value);
        Assert.Equal("again", ((YamlScalar)m[$"k{keys - 1}"]!).Value);
        Assert.Equal("merged", ((YamlScalar)m["extra"]!).Value);
        Assert.Equal(keys + 3, m.Entries.Count);
        Assert.Equal("extra", m.Entries[^1].Key.Value);
    }

    [Fact]
    public void Syntax_errors_never_quote_the_text_on_the_bad_line()
    {
        var error = SingleError("model_list:\n  - api_key: sk-live-SECRET-0123456789 : : [\n");
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# just a comment\n")]
    [InlineData("---\n")]
    public void Empty_documents_have_no_root_and_no_error(string text)
    {
        var (document, diagnostics) = Load(text);
        Assert.Empty(diagnostics);
        Assert.Null(document!.Root);
    }

    [Fact]
    public void Positions_are_one_based_line_and_column()
    {
        var (document, _) = Load("a:\n  b: value\n");
        var b = ((YamlMapping)((YamlMapping)document!.Root!)["a"]!)["b"]!;
        Assert.Equal((2, 6), (b.Line, b.Column));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("false", false)]
    [InlineData("off", false)]
    [InlineData("'true'", null)]
    [InlineData("maybe", null)]
    [InlineData("FALSE", false)]
    [InlineData("Y", true)]
    [InlineData("falsey", null)]
    [InlineData("true true", null)]
    public void Yaml_1_1_booleans_read_as_pyyaml_reads_them(string text, bool? expected)
    {
        var (document, _) = Load("v: " + text + "\n");
        Assert.Equal(expected, ((YamlScalar)((YamlMapping)document!.Root!)["v"]!).AsBool());
    }
}
