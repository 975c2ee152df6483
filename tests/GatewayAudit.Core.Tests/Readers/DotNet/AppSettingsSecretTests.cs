using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.DotNet;

namespace GatewayAudit.Core.Tests.Readers.DotNet;

/// <summary>
/// Literal credentials in a .NET project's appsettings.json: a signing key is one; an authentication scheme's name
/// under a *Key setting (Ocelot's AuthenticationProviderKey) or the name of the variable that holds the key is not.
/// A settings file found in a checkout that cannot be parsed is a warning, not a stopped scan.
/// </summary>
public sealed class AppSettingsSecretTests
{
    private static ReaderResult Read(string text, bool named = false) =>
        new AppSettingsReader().Read(new InputFile("Gateway/appsettings.json", "/scan/Gateway/appsettings.json", text, named));

    [Fact]
    public void A_signing_key_is_a_literal_secret_but_a_scheme_name_or_a_variable_name_is_not()
    {
        var result = Read("""
            {
              "Jwt": { "Key": "q7Rk2vXw9Lp4Tz8Bn3Hc6Md1Fs5Gy0Ja+Ue2Wo4Ki7Y=" },
              "ChatGPT": { "Key": "OPENAI_API_KEY" },
              "Routes": [
                { "AuthenticationOptions": { "AuthenticationProviderKey": "Bearer" } }
              ]
            }
            """);
        Assert.Equal(["2 Jwt:Key"], result.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key}"));
    }

    [Fact]
    public void A_found_settings_file_that_does_not_parse_is_a_warning_and_a_named_one_an_error()
    {
        const string broken = "{ \"OpenAI\": { \"Endpoint\": \"https://api.openai.com/v1\" ";
        var found = Assert.Single(Read(broken).Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, found.Severity);
        Assert.Contains("not read as .NET settings", found.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(Read(broken, named: true).Diagnostics).Severity);
    }
}
