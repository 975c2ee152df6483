using CsCheck;

namespace GatewayAudit.Cli.Tests.Fuzz;

/// <summary>
/// The fuzz harness with a small budget, so every test run mutates real-shaped inputs for a few seconds; the larger
/// fixed budget runs in bench/fuzz/run.sh. A failure prints the CsCheck seed that replays it and the mutated input;
/// each one found becomes a regression test (FuzzRegressionTests).
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Unmutated, every seed (the baseline and DPA too) is accepted: mutations start from inputs the scan reads through.</summary>
    [Fact]
    public void Every_seed_is_scanned_clean_before_mutation()
    {
        foreach (var index in Enumerable.Range(0, FuzzSeeds.All.Length))
        {
            var (failure, exit) = FuzzRun.Run(new FuzzRun.Case(index, [], 0));
            Assert.Null(failure);
            Assert.True(exit is 0 or 1, $"{FuzzSeeds.All[index].FileName}: exit {exit}");
        }
    }

    /// <summary>A dozen random cases each run (a few seconds); CsCheck prints the seed of a failure to replay it.</summary>
    [Fact]
    public void Mutated_real_inputs_never_crash_hang_or_leak_the_planted_password() =>
        FuzzRun.Cases.Sample(c => Assert.Null(FuzzRun.Check(c)), iter: 12, threads: 1);

    /// <summary>Every kind of mutation, each on its own seed file and in its own format, with a strong argument.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_mutation_kind_holds(Mutations.Kind kind)
    {
        var k = (int)kind;
        Assert.Null(FuzzRun.Check(new FuzzRun.Case(k % FuzzSeeds.All.Length, [new Mutations.Mutation(kind, 137 * k % 1000, 63 - k)], k)));
    }

    public static TheoryData<Mutations.Kind> Kinds() => new(Enum.GetValues<Mutations.Kind>());
}
