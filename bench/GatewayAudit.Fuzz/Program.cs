using System.Diagnostics;
using System.Globalization;
using CsCheck;
using GatewayAudit.Cli.Tests.Fuzz;

// Runs the fuzz harness for a fixed budget: `dotnet run -c Release --project bench/GatewayAudit.Fuzz -- SECONDS [FAILURE_DIR]`.
// Each failure is written to FAILURE_DIR/<seed>.txt with the CsCheck seed that replays it (shrunk to the smallest
// case found), then fuzzing goes on from a fresh seed until the budget is spent. Exit 1 when anything failed.
var budget = TimeSpan.FromSeconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300);
var failures = args.Length > 1 ? args[1] : Path.Combine("bench", "fuzz", "failures");
var clock = Stopwatch.StartNew();
var found = 0;
while (clock.Elapsed < budget)
{
    var seconds = (int)Math.Max(1, Math.Min(60, (budget - clock.Elapsed).TotalSeconds));
    try
    {
        FuzzRun.Cases.Sample(c =>
        {
            if (FuzzRun.Check(c) is { } failure)
            {
                throw new InvalidOperationException(failure);
            }
        }, time: seconds, threads: 1, writeLine: Console.WriteLine);
    }
    catch (Exception e) when (e is CsCheckException or InvalidOperationException)
    {
        found++;
        Directory.CreateDirectory(failures);
        var seed = SeedOf(e.Message) ?? $"unknown-{found}";
        File.WriteAllText(Path.Combine(failures, $"{seed}.txt"), $"replay: FuzzRun.Cases.Sample(..., seed: \"{seed}\")\n\n{e.Message}\n");
        Console.WriteLine($"FAILURE {found}: seed {seed} (written to {failures}/{seed}.txt)");
    }
}

Console.WriteLine($"fuzz: {clock.Elapsed.TotalSeconds:0} s, {found} failure(s)");
return found == 0 ? 0 : 1;

// CsCheck's message names the seed as: Set seed: "XXXXXXXXXXXX" or -e CsCheck_Seed=XXXXXXXXXXXX to reproduce.
static string? SeedOf(string message)
{
    var match = System.Text.RegularExpressions.Regex.Match(message, @"seed: ""(?<seed>[^""]+)""|CsCheck_Seed=(?<seed>\S+)");
    return match.Success ? match.Groups["seed"].Value : null;
}
