using System.Text.RegularExpressions;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>The built-in pack's matches patterns, compiled at build time, answer as the same pattern made at run time.</summary>
public sealed class MatchPatternTests
{
    private static readonly Lazy<PolicyPack> Pack = new(() =>
        PolicyPack.Load([PolicyPack.RulesDir(BuiltIn.Root)], PolicyPack.RuleSchema(BuiltIn.Root), p => Path.GetFileName(p)).Pack);

    private static readonly string[] Samples =
    [
        "", "1.84.0", "v1.84.0", "1.84.0-dev.3", "1.80.0.dev3", "1.80.0.DEV", "1.84.0-rc.1", "1.80.0rc1", "v1.74.3-stable", "v1.80.0-nightly",
        "ghcr.io/berriai/litellm:main-latest", "ghcr.io/berriai/litellm:v1.80.0-NIGHTLY", "ghcr.io/berriai/litellm", "litellm@sha256:abc",
        "ghcr.io/berriai/litellm:latest", "registry:5000/litellm", "rc", "-rc", "dev", "x.dev\n", "ﬀnightly", "NİGHTLY",
    ];

    public static TheoryData<string> BuiltInPatterns() =>
        [MatchPattern.PrereleaseVersionPattern, MatchPattern.NightlyPattern, MatchPattern.UnpinnedImagePattern];

    [Theory]
    [MemberData(nameof(BuiltInPatterns))]
    public void A_compiled_pattern_matches_what_the_run_time_regex_matches_under_the_same_first_time_limit(string pattern)
    {
        var compiled = MatchPattern.BuiltIn(pattern);
        Assert.NotNull(compiled);
        Assert.Equal(RuleEngine.RegexTimeout, compiled.MatchTimeout);
        var made = new Regex(pattern, RegexOptions.CultureInvariant, RuleEngine.RegexTimeout);
        foreach (var sample in Samples)
        {
            Assert.True(made.IsMatch(sample) == compiled.IsMatch(sample), $"{pattern} on '{sample}'");
        }
    }

    [Theory]
    [MemberData(nameof(BuiltInPatterns))]
    public void Each_compiled_pattern_is_one_the_built_in_pack_uses(string pattern)
    {
        // A rule whose pattern changes leaves its old twin unused: this says so, and the twin is updated or dropped.
        var used = Pack.Value.Rules.SelectMany(r => Conditions(r.When)).OfType<FactCondition>()
            .SelectMany(f => f.Tests).Where(t => t.Operator == "matches").Select(t => t.Operand.Literal as string);
        Assert.Contains(pattern, used);
    }

    private static IEnumerable<RuleCondition> Conditions(RuleCondition? condition) => condition switch
    {
        null => [],
        AllCondition all => all.Conditions.SelectMany(Conditions),
        AnyCondition any => any.Conditions.SelectMany(Conditions),
        NotCondition not => Conditions(not.Condition),
        ReachCondition reach => Conditions(reach.Where),
        FlowCondition flows => Conditions(flows.Where),
        _ => [condition],
    };
}
