using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Yaml;

/// <summary>
/// The loaders keep one string per repeated key or value: the text must be exactly what was read, whatever was read
/// before it, and a second config repeating the first's keys must not cost new strings.
/// </summary>
public sealed class RepeatedTextTests
{
    [Fact]
    public void The_text_is_what_was_read_and_a_repeat_is_the_same_string()
    {
        var first = RepeatedText.Of("os.environ/OPENAI_API_KEY".AsSpan());
        var again = RepeatedText.Of("xos.environ/OPENAI_API_KEYx".AsSpan(1, 25));

        Assert.Equal("os.environ/OPENAI_API_KEY", again);
        Assert.Same(first, again);
        Assert.Equal("os.environ/OPENAI_API_KEz", RepeatedText.Of("os.environ/OPENAI_API_KEz".AsSpan()));
        Assert.Equal("", RepeatedText.Of([]));
        var longText = new string('k', 200);
        Assert.Equal(longText, RepeatedText.Of(longText.AsSpan()));
    }

    [Fact]
    public void Two_configs_share_their_keys_and_values_and_keep_their_own_text()
    {
        var a = (YamlMapping)BlockYamlLoader.TryLoad("a.yaml", "model_list:\n  - model_name: gpt-4o\n    api_key: 'k1'\n")!.Root!;
        var b = (YamlMapping)BlockYamlLoader.TryLoad("b.yaml", "model_list:\n  - model_name: gpt-4o\n    api_key: 'k2'\n")!.Root!;
        var c = (YamlMapping)JsonTreeLoader.TryLoad("c.json", "{\"model_list\": [{\"model_name\": \"gpt-4o\", \"api_key\": 12}]}")!.Root!;

        YamlMapping Entry(YamlMapping root) => (YamlMapping)((YamlSequence)root["model_list"]!).Items[0];
        Assert.Same(a.Entries[0].Key.Value, b.Entries[0].Key.Value);
        Assert.Same(a.Entries[0].Key.Value, c.Entries[0].Key.Value);
        Assert.Same(((YamlScalar)Entry(a)["model_name"]!).Value, ((YamlScalar)Entry(c)["model_name"]!).Value);
        Assert.Equal(("k1", "k2", "12"), (((YamlScalar)Entry(a)["api_key"]!).Value, ((YamlScalar)Entry(b)["api_key"]!).Value, ((YamlScalar)Entry(c)["api_key"]!).Value));
    }
}
