using System.Text.Json;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// A scan of many stacks stays readable (issue 10, section 2): a row shows the first few locations and a count, the
/// JSON keeps every location once, a roll-up says in how many stacks each party appears, and a long scan shows its
/// progress on stderr only when stderr is a terminal.
/// </summary>
public sealed class ScaleReportTests : IDisposable
{
    private const int Teams = 8;
    private readonly TempDir _dir = new();

    public ScaleReportTests()
    {
        // Eight teams, each with its own LiteLLM proxy config calling OpenAI: eight stacks that share one provider.
        for (var i = 0; i < Teams; i++)
        {
            _dir.Write($"teams/team-{i}/config.yaml",
                $"model_list:\n  - model_name: gpt-4o-{i}\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: os.environ/OPENAI_API_KEY\n");
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_party_in_many_files_shows_five_locations_and_the_count_and_the_json_keeps_each_location_once()
    {
        var run = CliRunner.Run(_dir.Path, "scan", "teams", "--format", "json").AssertNoStackTrace().AssertExit(0);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());

        var openAi = root.GetProperty("subprocessors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "provider:openai");
        Assert.Equal(5, openAi.GetProperty("evidence").GetArrayLength());
        Assert.Equal(Teams, openAi.GetProperty("evidenceCount").GetInt32());

        var all = root.GetProperty("locations").GetProperty("provider:openai").EnumerateArray()
            .Select(e => $"{e.GetProperty("file").GetString()}:{e.GetProperty("line").GetInt32()}").ToList();
        Assert.Equal(Teams, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(Enumerable.Range(0, Teams), i => Assert.Contains($"teams/team-{i}/config.yaml:4", all));
    }

    [Fact]
    public void The_roll_up_lists_each_party_once_with_its_number_of_stacks_and_the_first_stacks()
    {
        var json = CliRunner.Run(_dir.Path, "scan", "teams", "--format", "json").AssertNoStackTrace().AssertExit(0);
        var openAi = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("partyStacks").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "provider:openai");
        Assert.Equal(Teams, openAi.GetProperty("stacks").GetInt32());
        Assert.Equal(["teams/team-0/config.yaml", "teams/team-1/config.yaml", "teams/team-2/config.yaml", "teams/team-3/config.yaml", "teams/team-4/config.yaml"],
            openAi.GetProperty("first").EnumerateArray().Select(s => s.GetString()));

        var markdown = CliRunner.Run(_dir.Path, "scan", "teams").AssertNoStackTrace().AssertExit(0).Stdout;
        Assert.Contains("### Parties across stacks", markdown, StringComparison.Ordinal);
        Assert.Contains("| OpenAI | 8 | teams/team-0/config.yaml; teams/team-1/config.yaml; teams/team-2/config.yaml; teams/team-3/config.yaml; teams/team-4/config.yaml (and 3 more) |",
            markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_file_holds_the_same_bytes_as_standard_output()
    {
        var printed = CliRunner.Run(_dir.Path, "scan", "teams", "--format", "json").AssertNoStackTrace().AssertExit(0);
        CliRunner.Run(_dir.Path, "scan", "teams", "--format", "json", "--output", "report.json").AssertNoStackTrace().AssertExit(0);
        Assert.Equal(printed.Stdout, File.ReadAllText(Path.Combine(_dir.Path, "report.json")));
    }

    [Fact]
    public void Progress_shows_on_stderr_when_it_is_a_terminal_and_not_otherwise()
    {
        using var output = new StringWriter();
        using var terminal = new StringWriter();
        Assert.Equal(0, CliApp.Run(["scan", "teams", "--format", "json"], output, terminal, _dir.Path, errorIsTerminal: true));
        Assert.Contains($"\rreading 1/{Teams} files: teams/team-0", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\rreading {Teams}/{Teams} files: teams/team-{Teams - 1}", terminal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("reading", output.ToString(), StringComparison.Ordinal);

        var redirected = CliRunner.Run(_dir.Path, "scan", "teams", "--format", "json").AssertExit(0);
        Assert.DoesNotContain("reading", redirected.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', redirected.Stderr);
        Assert.Equal(redirected.Stdout, output.ToString());
    }
}
