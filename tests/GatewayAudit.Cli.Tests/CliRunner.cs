using System.Text.RegularExpressions;
using GatewayAudit.Cli;

namespace GatewayAudit.Cli.Tests;

/// <summary>Runs the CLI in-process, as `gateway-audit ARGS` run from a given folder.</summary>
public static partial class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, workingDirectory);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>From the repository root, so paths in reports read "examples/...".</summary>
    public static CliResult RunInRepo(params string[] args) => Run(RepoPaths.Root, args);

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    internal static partial Regex StackFrame();
}

public sealed record CliResult(int Exit, string Stdout, string Stderr)
{
    /// <summary>Every run's stderr must be free of .NET stack frames, whatever went wrong.</summary>
    public CliResult AssertNoStackTrace()
    {
        Assert.False(CliRunner.StackFrame().IsMatch(Stderr), "stderr holds a stack trace:\n" + Stderr);
        Assert.False(CliRunner.StackFrame().IsMatch(Stdout), "stdout holds a stack trace:\n" + Stdout);
        Assert.DoesNotContain("Exception", Stderr, StringComparison.Ordinal);
        return this;
    }

    public CliResult AssertExit(int expected)
    {
        Assert.True(Exit == expected, $"exit {Exit}, expected {expected}\nstderr:\n{Stderr}\nstdout (first 2000 chars):\n{Stdout[..Math.Min(2000, Stdout.Length)]}");
        return this;
    }
}
