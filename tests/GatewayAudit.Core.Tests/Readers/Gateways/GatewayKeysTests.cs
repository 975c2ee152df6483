using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Readers.Gateways;

/// <summary>
/// Portkey and SDK configs write keys in camelCase as often as snake_case; the readers look a setting up by its
/// snake_case name, so apiKey and api_key must be the same setting, and a header-style name is not renamed.
/// </summary>
public sealed class GatewayKeysTests
{
    private static readonly string[] Keys =
    [
        "apiKey", "api_key", "baseURL", "APIKey", "overrideParams", "awsSecretAccessKey", "x-portkey-Api-Key", "virtualKey",
        "URL", "retryAttempts2", "a", "A", "", "model", "ÉtatKey", "keyÉ", "zdr", "HTTPSProxyURL",
        "veryLongCamelCaseKeyName" + string.Concat(Enumerable.Repeat("PartOfItXY", 20)),
    ];

    [Theory]
    [InlineData("apiKey", "api_key")]
    [InlineData("baseURL", "base_url")]
    [InlineData("APIKey", "api_key")]
    [InlineData("overrideParams", "override_params")]
    [InlineData("awsSecretAccessKey", "aws_secret_access_key")]
    [InlineData("api_key", "api_key")]
    [InlineData("x-portkey-Api-Key", "x-portkey-Api-Key")]
    public void A_camel_case_key_reads_as_its_snake_case_name(string key, string snake) =>
        Assert.Equal(snake, GatewayKeys.Snake(key));

    [Fact]
    public void Comparing_without_making_the_name_answers_as_making_it_does()
    {
        var names = Keys.Concat(Keys.Select(GatewayKeys.Snake)).Concat(["api", "api_keys", "base_ur", "h_t_t_p_s_proxy_url"]).ToList();
        foreach (var key in Keys)
        {
            foreach (var name in names)
            {
                var expected = key == name || GatewayKeys.Snake(key) == name;
                Assert.True(expected == GatewayKeys.SnakeIs(key, name), $"{key} vs {name}: expected {expected}");
            }
        }
    }

    [Fact]
    public void A_setting_is_found_under_either_spelling()
    {
        var mapping = (YamlMapping)JsonTreeLoader.TryLoad("c.json", """{ "virtualKey": "a", "override_params": { "model": "m" } }""")!.Root!;

        Assert.Equal("a", ((YamlScalar)GatewayKeys.Value(mapping, "virtual_key")!).Value);
        Assert.NotNull(GatewayKeys.Value(mapping, "override_params"));
        Assert.Null(GatewayKeys.Value(mapping, "virtual"));
    }
}
