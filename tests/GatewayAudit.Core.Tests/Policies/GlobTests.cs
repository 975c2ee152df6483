using System.Text.RegularExpressions;
using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// <see cref="RuleEngine.Glob"/> matches ASCII names without building a regex; its answers must stay those of the regex
/// it used to build for every call (<c>^</c> + escaped parts joined by <c>.*</c> + <c>$</c>, case-insensitive).
/// </summary>
public sealed class GlobTests
{
    private static bool Reference(string pattern, string text) =>
        Regex.IsMatch(text, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "*compose*.y*ml", "docker-compose.prod.yaml", true },
        { "*compose*.y*ml", "Docker-Compose.YML", true },
        { "*compose*.y*ml", "compose.json", false },
        { "Dockerfile*", "dockerfile", true },
        { "Dockerfile*", "my.Dockerfile", false },
        { "*requirements*.txt", "requirements-dev.txt", true },
        { "*requirements*.txt", "requirements.txt.bak", false },
        { "provider:*", "provider:openai", true },
        { "provider:*", "exporter:openai", false },
        { "*a*b", "aab", true },
        { "*a*b", "aabx", false },
        { "a**b", "ab", true },
        { "*", "", true },
        { "a*", "", false },
        { "x.y*", "xzy", false },
        { "[a]*", "[a]bc", true },
        { "a*b", "a\nb", false },
        { "k*", "\u212Aelvin", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_the_regex_it_replaces(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, RuleEngine.Glob(pattern, text));
        Assert.Equal(Reference(pattern, text), RuleEngine.Glob(pattern, text));
    }

    [Fact]
    public void Agrees_with_the_regex_on_generated_ascii_names()
    {
        var random = new Random(10);
        const string alphabet = "aAbB.-_*";
        for (var i = 0; i < 5_000; i++)
        {
            var pattern = new string([.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var text = new string([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => alphabet[random.Next(alphabet.Length - 1)])]);
            Assert.True(Reference(pattern, text) == RuleEngine.Glob(pattern, text), $"'{pattern}' on '{text}'");
        }
    }
}
