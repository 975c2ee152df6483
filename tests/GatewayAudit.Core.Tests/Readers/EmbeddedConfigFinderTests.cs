using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// A LiteLLM config written inside a deployment file (a ConfigMap's block scalar, Helm values' proxy_config) is read
/// as the proxy's config: every way of writing the key that starts one must be found, and nothing else.
/// </summary>
public sealed class EmbeddedConfigFinderTests
{
    private const string Sections = "  model_list:\n    - model_name: m\n      litellm_params:\n        model: openai/gpt-4o\n";

    [Theory]
    [InlineData("config.yaml: |\n", "config.yaml")]
    [InlineData("proxy.yaml: >-\n", "proxy.yaml")]
    [InlineData("proxy_config:\n", "proxy_config")]
    [InlineData("LiteLLMConfig:\n", "LiteLLMConfig")]
    [InlineData("\"litellm-CONFIG\":\n", "litellm-CONFIG")]
    [InlineData("'settings': |+2 # the proxy's\n", "settings")]
    public void A_config_under_a_block_scalar_or_a_config_named_key_is_found(string keyLine, string name)
    {
        var found = Assert.Single(EmbeddedConfigFinder.Find("values.yaml", "replicaCount: 2\n" + keyLine + Sections + "image: x\n"));

        Assert.Equal(name, found.Name);
        Assert.Equal(2, found.At.Line);
        // The text keeps the file's line numbers (the lines before the config are blank) and ends with a line break.
        Assert.Equal("\n\n" + Sections, found.Text);
    }

    [Theory]
    [InlineData("settings:\n")]
    [InlineData("# config: |\n")]
    [InlineData("proxy: yes\n")]
    public void A_mapping_under_another_key_is_no_config(string keyLine) =>
        Assert.Empty(EmbeddedConfigFinder.Find("values.yaml", keyLine + Sections));

    [Fact]
    public void Template_lines_are_blank_and_template_values_are_placeholders()
    {
        var text = "data:\n  config.yaml: |\r\n    {{- if .Values.x }}\r\n    model_list:\r\n      - model_name: {{ .Values.model }}\r\n    {{- end }}\r\n";

        var found = Assert.Single(EmbeddedConfigFinder.Find("cm.yaml", text));

        // The file's last line break leaves an empty last line, which belongs to the block like any blank line.
        Assert.Equal("\n\n\n    model_list:\n      - model_name: " + EmbeddedConfigFinder.TemplatePlaceholder + "\n\n\n", found.Text);
    }
}
