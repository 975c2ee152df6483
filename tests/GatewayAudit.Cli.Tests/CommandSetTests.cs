namespace GatewayAudit.Cli.Tests;

/// <summary>
/// A run builds only the subcommand its first argument names (a cold scan skips building the other six: bench/STARTUP.md);
/// root help, a mistyped command and a response file still see them all.
/// </summary>
public sealed class CommandSetTests
{
    private static readonly Terminal Quiet = new(TextWriter.Null, TextWriter.Null);

    [Fact]
    public void Each_listed_name_is_the_name_its_command_has()
    {
        foreach (var (name, create) in CliApp.Commands)
        {
            Assert.Equal(name, create(Quiet, Directory.GetCurrentDirectory()).Name);
        }
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("merge")]
    [InlineData("catalog")]
    public void A_named_command_is_built_alone(string name)
    {
        var built = CliApp.CommandsFor([name, "--help"]).Select(create => create(Quiet, Directory.GetCurrentDirectory()).Name);
        Assert.Equal([name], built);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--help")]
    [InlineData("scna examples")]
    [InlineData("@args.rsp")]
    [InlineData("--version scan")]
    public void Anything_else_builds_every_command(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CliApp.Commands.Count, CliApp.CommandsFor(args).Count());
    }

    [Fact]
    public void Root_help_and_a_mistyped_command_still_list_every_command()
    {
        var help = CliRunner.RunInRepo("--help").AssertExit(0).Stdout;
        var typo = CliRunner.RunInRepo("scna", "examples/minimal-single-provider").AssertExit(2).Stderr;
        foreach (var (name, _) in CliApp.Commands)
        {
            Assert.Contains(name, help, StringComparison.Ordinal);
        }

        Assert.Contains("scna", typo, StringComparison.Ordinal);
    }
}
