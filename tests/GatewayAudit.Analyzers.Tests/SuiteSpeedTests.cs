using GatewayAudit.Tests.Shared;

namespace GatewayAudit.Analyzers.Tests;

/// <summary>
/// The suite stays fast for the inner loop without CI running less: slow packaging builds are behind a trait that a
/// filter skips, CI runs the plain command, and `dotnet test Audit.sln` does not build the bench projects.
/// </summary>
public sealed class SuiteSpeedTests
{
    [Fact]
    public void Packaging_tests_carry_the_trait_the_inner_loop_filters_on()
    {
        var trait = typeof(PackagingTests).GetCustomAttributesData().Single(a => a.AttributeType == typeof(TraitAttribute));
        Assert.Equal(["Category", PackagingTests.Category], trait.ConstructorArguments.Select(a => (string)a.Value!));
        Assert.Contains($"--filter \"Category!={PackagingTests.Category}\"", File.ReadAllText(RepoPaths.Combine("tests", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_runs_the_whole_suite_without_a_filter()
    {
        var script = File.ReadAllText(RepoPaths.Combine(".ci", "run"));
        Assert.Contains("\ndotnet test Audit.sln\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--filter", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_solution_build_leaves_out_the_bench_projects()
    {
        var solution = File.ReadAllLines(RepoPaths.Combine("Audit.sln"));
        var benchIds = solution.Where(l => l.StartsWith("Project(", StringComparison.Ordinal) && l.Contains("\"bench\\", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf('{') + 1)..l.LastIndexOf('}')]).ToList();
        Assert.NotEmpty(benchIds);
        Assert.DoesNotContain(solution, l => benchIds.Any(id => l.Contains(id, StringComparison.Ordinal)) && l.Contains(".Build.0", StringComparison.Ordinal));
        Assert.Contains(solution, l => l.Contains("\"tests\\GatewayAudit.Cli.Tests\\", StringComparison.Ordinal));
    }
}
