using CsCheck;

namespace GatewayAudit.Cli.Tests.Fuzz;

/// <summary>
/// The fuzz harness with a small budget, so every test run mutates real-shaped inputs for a few seconds; the larger
/// fixed budget runs in bench/fuzz/run.sh. A failure prints the CsCheck seed that replays it and the mutated input;
/// each one found becomes a regression test (FuzzRegressionTests).
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    public void Every_seed_is_scanned_clean_before_mutation()
    {
        foreach (var index in Enumerable.Range(0, FuzzSeeds.All.Length))
        {
            Assert.Null(FuzzRun.Check(new FuzzRun.Case(index, [], 0)));
        }
    }

    [Fact]
    public void Mutated_real_inputs_never_crash_hang_or_leak_the_planted_password() =>
        FuzzRun.Cases.Sample(c => Assert.Null(FuzzRun.Check(c)), time: 8, threads: 1);

    [Theory]
    [InlineData(Mutations.Kind.DeepNesting, 1000, 63)]
    [InlineData(Mutations.Kind.InvalidUtf8, 10, 1)]
    [InlineData(Mutations.Kind.YamlIndicator, 300, 1)]
    [InlineData(Mutations.Kind.HugeNumber, 500, 0)]
    [InlineData(Mutations.Kind.RepeatBlock, 0, 63)]
    public void Each_mutation_kind_on_each_seed_holds(Mutations.Kind kind, int at, int argument)
    {
        foreach (var index in Enumerable.Range(0, FuzzSeeds.All.Length))
        {
            Assert.Null(FuzzRun.Check(new FuzzRun.Case(index, [new Mutations.Mutation(kind, at, argument)], index)));
        }
    }
}
