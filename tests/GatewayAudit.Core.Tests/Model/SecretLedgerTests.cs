using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Tests.Model;

/// <summary>The last-line sweep replaces only values that cannot be mistaken for a word, an id or a URL of the report.</summary>
public sealed class SecretLedgerTests
{
    [Theory]
    [InlineData("postgres", false)]
    [InlineData("openai", false)]
    [InlineData("langfuse", false)]
    [InlineData("litellm-postgres", false)]
    [InlineData("my-very-secret-password", false)]
    [InlineData("123456789012", false)]
    [InlineData("s3cret-4417", false)]
    [InlineData("two words 2024", false)]
    [InlineData("pg-Local-4417x", true)]
    [InlineData("sk-proj-Zx81kQm3VwT9pLr2Nd7s", true)]
    [InlineData("postgresql://postgres:postgres@db:5432/litellm", true)]
    public void Only_unambiguous_values_are_swept(string value, bool swept)
    {
        var ledger = new SecretLedger();
        ledger.Add(value);
        Assert.Equal(swept, ledger.Scrub($"[{value}]") == "[****]");
        Assert.Equal(swept, SecretLedger.IsUnambiguous(value));
    }

    [Fact]
    public void A_provider_key_shape_is_swept_even_without_a_digit()
    {
        var ledger = new SecretLedger();
        ledger.Add("AKIAABCDEFGHIJKLMNOP", knownShape: true);
        Assert.Equal("x **** y", ledger.Scrub("x AKIAABCDEFGHIJKLMNOP y"));
    }

    [Fact]
    public void A_value_inside_the_report_vocabulary_is_never_swept()
    {
        var ledger = new SecretLedger();
        ledger.Add("eu-west-1-rds2");
        ledger.Add("Unrelated-Pass-99");
        ledger.Protect(["https://docs.example.com/eu-west-1-rds2/retention", null, ""]);
        const string Text = "see https://docs.example.com/eu-west-1-rds2/retention; password Unrelated-Pass-99";
        Assert.Equal("see https://docs.example.com/eu-west-1-rds2/retention; password ****", ledger.Scrub(Text));
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    public void Absorbing_another_ledger_keeps_its_values_and_its_protection()
    {
        var reader = new SecretLedger();
        reader.Add("Reader-Secret-4417");
        var scan = new SecretLedger();
        scan.Protect(["catalog text Reader-Secret-4417"]);
        scan.Absorb(reader);
        Assert.Equal("Reader-Secret-4417", scan.Scrub("Reader-Secret-4417"));
    }

    [Fact]
    public void Ledgers_that_start_empty_sweep_what_they_absorb_later_and_keep_protection_absorbed_first()
    {
        var stack = new SecretLedger();
        stack.Absorb(new SecretLedger());
        Assert.Equal(0, stack.Count);
        Assert.Equal("nothing pg-Local-4417x", stack.Scrub("nothing pg-Local-4417x"));

        var vocabulary = new SecretLedger();
        vocabulary.Protect(["https://docs.example.test/pg-Local-4417x/terms"]);
        stack.Absorb(vocabulary);
        var file = new SecretLedger();
        file.Add("pg-Local-4417x");
        file.Add("sk-proj-Zx81kQm3VwT9pLr2Nd7s");
        stack.Absorb(file);
        Assert.Equal(1, stack.Count);
        Assert.Equal("pg-Local-4417x ****", stack.Scrub("pg-Local-4417x sk-proj-Zx81kQm3VwT9pLr2Nd7s"));
    }
}
