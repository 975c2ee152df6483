using GatewayAudit.Core.Reports;

namespace GatewayAudit.Core.Tests.Reports;

/// <summary>The JSON writer's memory of cleaned strings: always what the cleaning function says, whatever collides or repeats.</summary>
public sealed class CleanedStringsTests
{
    [Fact]
    public void Gives_what_the_cleaning_function_gives_for_every_value_in_any_order()
    {
        // More distinct values than slots, so values share slots and evict each other; the secret is in some of them.
        static string Scrub(string text) => text.Replace("sk-secret", "****", StringComparison.Ordinal);
        var random = new Random(10);
        var values = Enumerable.Range(0, 20_000).Select(_ => random.Next(12_000))
            .Select(i => i % 7 == 0 ? $"https://host/{i}?key=sk-secret" : $"value {i}").ToList();
        var cleaned = new CleanedStrings(Scrub);

        Assert.All(values, v => Assert.Equal(Scrub(v), cleaned.Clean(v)));
        Assert.DoesNotContain(values.Select(cleaned.Clean), v => v.Contains("sk-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_written_again_is_not_cleaned_again()
    {
        var calls = 0;
        var cleaned = new CleanedStrings(text => { calls++; return text.ToUpperInvariant(); });

        Assert.Equal("REMEDIATION", cleaned.Clean("remediation"));
        Assert.Equal("REMEDIATION", cleaned.Clean(new string("remediation".AsSpan()))); // equal text, another instance
        Assert.Equal(1, calls);
    }
}
