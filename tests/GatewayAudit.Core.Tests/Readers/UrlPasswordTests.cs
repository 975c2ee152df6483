using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Tests.Readers;

public sealed class UrlPasswordTests
{
    [Theory]
    [InlineData("postgresql://llmproxy:dbpassword9090@localhost:5432/litellm", "dbpassword9090")]
    [InlineData("redis://:r3dis@redis:6379", "r3dis")]
    [InlineData("rediss://default:pa55@cache.example.com:6380/0", "pa55")]
    [InlineData("postgresql://user:p@ss@db.example.com/x", "p@ss")]
    [InlineData("postgresql://user:a/b+c==@db.example.com/x", "a/b+c==")]
    [InlineData("postgresql://user@db.example.com/x", null)]
    [InlineData("postgresql://db.example.com:5432/x", null)]
    [InlineData("https://api.openai.com/v1", null)]
    [InlineData("https://host/path@x", null)]
    [InlineData("not a url user:pw@host", null)]
    [InlineData("postgresql://user:@db/x", null)]
    [InlineData("postgresql://${POSTGRES_USER:-llmadmin}:${POSTGRES_PASSWORD}@postgres:5432/litellm", "${POSTGRES_PASSWORD}")]
    [InlineData("postgresql://${DB_USER:-app}:Real-Pass-4417@db:5432/x", "Real-Pass-4417")]
    [InlineData("postgresql://$(DB_USER):$(DB_PASS)@db:5432/x", "$(DB_PASS)")]
    public void Finds_the_whole_password(string url, string? password)
    {
        var found = UrlPassword.Find(url);
        Assert.Equal(password, found is var (start, length) ? url.Substring(start, length) : null);
    }

    [Fact]
    public void Password_with_at_sign_is_fully_redacted_in_the_finding()
    {
        var result = ReaderHarness.Read("""
            model_list: []
            general_settings:
              database_url: postgresql://litellm:hunter@2secret@db.example.com:5432/litellm
            """);
        var secret = Assert.Single(result.Fragment.Secrets);
        Assert.Equal("postgresql://litellm:****@db.example.com:5432/litellm", secret.Redacted);
        Assert.Equal("****", result.Secrets.Scrub("hunter@2secret"));
    }
}
