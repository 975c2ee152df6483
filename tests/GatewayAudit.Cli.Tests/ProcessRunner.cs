using System.Diagnostics;

namespace GatewayAudit.Cli.Tests;

/// <summary>Runs a real process (the built tool, a script, dotnet itself) and collects its exit code and both streams.</summary>
public static class ProcessRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(string file, string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>The tool built beside the tests, as <c>dotnet gateway-audit.dll</c>.</summary>
    public static string ToolDll => Path.Combine(AppContext.BaseDirectory, "gateway-audit.dll");
}
