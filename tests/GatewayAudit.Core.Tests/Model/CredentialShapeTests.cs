using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>
/// A password in a URL's user info or after a name's '@user:' is redacted by its place in any text, however short;
/// names that only look alike (digests, host:port, git remotes, references) stay whole.
/// </summary>
public sealed class CredentialShapeTests
{
    [Theory]
    [InlineData("model: openai/gpt-4o@alice:pw1", "model: openai/gpt-4o@alice:****", "pw1")]
    [InlineData("\"openrouter/x@dave:DavePw88y\"", "\"openrouter/x@dave:****\"", "DavePw88y")]
    [InlineData("routes x@dave:short to", "routes x@dave:**** to", "short")]
    [InlineData("c6[\"Any x@dave:Pw<br/>third\"]", "c6[\"Any x@dave:****<br/>third\"]", ":Pw<")]
    [InlineData("postgresql://u:pw@db:5432/x", "postgresql://u:****@db:5432/x", ":pw@")]
    [InlineData("see https://bob:p@ss/w0rd@llm.example.com/v1 now", "see https://bob:****@llm.example.com/v1 now", "ss/w0rd")]
    [InlineData("| redis://default:x@cache:6379 |", "| redis://default:****@cache:6379 |", ":x@")]
    [InlineData("\"https://u:p\\u0022q@h\"", "\"https://u:****@h\"", "p\\u0022q")]
    [InlineData("mail a@b.example, then postgresql://u:pw@db:5432/x", "mail a@b.example, then postgresql://u:****@db:5432/x", ":pw@")]
    [InlineData("docs https://docs.example/a and https://u:pw@h.example/b", "docs https://docs.example/a and https://u:****@h.example/b", ":pw@")]
    [InlineData("see https://docs.example/a, model x@dave:Pw7", "see https://docs.example/a, model x@dave:****", "Pw7")]
    [InlineData("a: b, then x@dave:Pw7", "a: b, then x@dave:****", "Pw7")]
    public void A_password_in_user_info_is_redacted_wherever_it_is(string text, string expected, string secretPart)
    {
        var scrubbed = new SecretLedger().Scrub(text);
        Assert.Equal(expected, scrubbed);
        Assert.DoesNotContain(secretPart, scrubbed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ghcr.io/berriai/litellm@sha256:0123456789abcdef0123456789abcdef")]
    [InlineData("postgresql://llmproxy:${POSTGRES_PASSWORD}@db:5432/litellm")]
    [InlineData("postgresql://u:****@db:5432/x")]
    [InlineData("user@db.internal:5432")]
    [InlineData("\"user@db:5432\"")]
    [InlineData("git@github.com:acme/gateway.git")]
    [InlineData("vertex_ai/claude-3-5-sonnet@20240620")]
    [InlineData("http://localhost:4873/@acme/plugin")]
    [InlineData("https://user@host.example.com/x")]
    [InlineData("write to alice@example.com: thanks")]
    [InlineData("https://api.openai.com/v1")]
    public void Look_alikes_stay_whole(string text) => Assert.Equal(text, new SecretLedger().Scrub(text));
}
