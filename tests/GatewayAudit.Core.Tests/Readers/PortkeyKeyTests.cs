using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// Portkey's API keys have no prefix, so a key shape cannot show them: the client that takes one (<c>Portkey(api_key=...)</c>,
/// <c>new Portkey({ apiKey })</c>) or the variable <c>PORTKEY_API_KEY</c> in a committed env file is the evidence. A
/// literal there is a <c>literal-secret</c> finding that never shows the value; a placeholder or a reference is none.
/// </summary>
public sealed class PortkeyKeyTests
{
    private const string Key = "pQ7vK2mZ9xL4tR8wN3bJ";

    [Theory]
    [InlineData("app/gateway.py", "from portkey_ai import Portkey\n\nportkey = Portkey(\n    api_key=\"" + Key + "\",\n    virtual_key=\"openai-prod\",\n)\n", 4)]
    [InlineData("src/gateway.ts", "import Portkey from 'portkey-ai';\n\nconst portkey = new Portkey({\n  apiKey: \"" + Key + "\",\n  virtualKey: \"openai-prod\",\n});\n", 4)]
    [InlineData(".env.example", "PORTKEY_VIRTUAL_KEY=openai-prod\nPORTKEY_API_KEY=" + Key + "\n", 2)]
    public void A_literal_portkey_key_is_a_finding_that_never_shows_the_value(string file, string text, int line)
    {
        var result = AuditFiles((file, text));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "literal-secret");
        Assert.Equal((file, line), (finding.Location?.File, finding.Location?.Line));
        Assert.DoesNotContain(Key, finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Model.Secrets, s => s.Redacted.Contains(Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PORTKEY_API_KEY=your-portkey-api-key")]
    [InlineData("PORTKEY_API_KEY=<PORTKEY_API_KEY>")]
    [InlineData("PORTKEY_API_KEY=xxxxxxxxxxxxxxxx")]
    [InlineData("PORTKEY_API_KEY=")]
    [InlineData("PORTKEY_API_KEY=${PORTKEY_KEY}")]
    [InlineData("LANGFUSE_PUBLIC_KEY=" + Key)]
    public void A_placeholder_or_another_variable_in_an_example_file_is_no_finding(string line)
    {
        var result = AuditFiles((".env.example", line + "\n"));

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "literal-secret");
    }

    [Theory]
    [InlineData("portkey = Portkey(api_key=os.environ[\"PORTKEY_API_KEY\"])")]
    [InlineData("portkey = Portkey(api_key=\"YOUR_PORTKEY_API_KEY\")")]
    [InlineData("client = Weather(api_key=\"" + Key + "\")")]
    public void A_reference_a_placeholder_or_another_clients_unshaped_key_is_no_finding(string call)
    {
        var result = AuditFiles(("app/gateway.py", "import os\nfrom portkey_ai import Portkey\n\n" + call + "\n"));

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "literal-secret");
    }
}
