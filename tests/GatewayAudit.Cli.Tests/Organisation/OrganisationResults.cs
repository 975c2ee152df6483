namespace GatewayAudit.Cli.Tests.Organisation;

/// <summary>
/// The scan results of the four repositories under <c>Organisation/repositories/</c>, written once per test class
/// (xUnit class fixture) into a scratch folder as <c>NAME.json</c>: scanning is the slow part, and the tests only read
/// the results. <c>payments</c> and <c>ledger</c> are one template (Anthropic, Langfuse EU without message text,
/// Postgres spend logs kept 30 days); <c>search</c> has two stacks (OpenAI, OpenRouter with ZDR on one route, Langfuse
/// US; Anthropic); <c>support</c> logs every prompt to Langfuse US, keeps spend logs without a bound and caches in Redis.
/// </summary>
public sealed class OrganisationResults : IDisposable
{
    public static readonly string[] Names = ["ledger", "payments", "search", "support"];

    private readonly TempDir _dir = new();

    public OrganisationResults()
    {
        var repositories = RepoPaths.Combine("tests", "GatewayAudit.Cli.Tests", "Organisation", "repositories");
        foreach (var name in Names)
        {
            CliRunner.Run(repositories, "scan", name, "--format", "json", "--output", System.IO.Path.Combine(_dir.Path, $"{name}.json"))
                .AssertNoStackTrace().AssertExit(0);
        }
    }

    /// <summary>The folder holding the results; tests run <c>merge</c> there and write nothing into it.</summary>
    public string Path => _dir.Path;

    /// <summary>The result files as a shell glob over the folder would give them: <c>ledger.json payments.json ...</c>.</summary>
    public static string[] Files => [.. Names.Select(n => $"{n}.json")];

    public CliResult Merge(params string[] extra) => CliRunner.Run(Path, ["merge", .. Files, .. extra]).AssertNoStackTrace();

    public void Dispose() => _dir.Dispose();
}
