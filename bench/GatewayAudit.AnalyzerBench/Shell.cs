using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GatewayAudit.AnalyzerBench;

/// <summary>Runs a process with its output sent to a log file, and times it from start to exit.</summary>
internal static class Shell
{
    /// <param name="CpuSeconds">User + system CPU of the process and every descendant it waited for (Linux only).</param>
    public sealed record Result(int ExitCode, TimeSpan Elapsed, string LogPath, double? CpuSeconds);

    public static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(fileName, workingDirectory, arguments);

        // A harness started by `dotnet run` may inherit the MSBuild location variables of the CLI that launched it;
        // a child build must find its own. Telemetry and the first-run banner are noise in timings.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        using var log = new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        var cpuBefore = ChildrenCpuSeconds();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(log);
        process.WaitForExit();
        watch.Stop();
        var cpuAfter = ChildrenCpuSeconds();
        var errors = stderr.GetAwaiter().GetResult();
        if (errors.Length > 0)
        {
            using var writer = new StreamWriter(log);
            writer.Write("\n---- stderr ----\n");
            writer.Write(errors);
        }

        return new Result(process.ExitCode, watch.Elapsed, logPath, cpuAfter - cpuBefore);
    }

    /// <summary>
    /// getrusage(RUSAGE_CHILDREN): CPU seconds of all terminated, waited-for descendants of this process. The
    /// difference around one build is the CPU the build's process tree used (dotnet, MSBuild, a command-line csc);
    /// a compiler server or MSBuild node that outlives the build is not in it. Null off Linux.
    /// </summary>
    private static double? ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return null;
        }

        // struct rusage on 64-bit Linux: ru_utime {tv_sec, tv_usec}, ru_stime {tv_sec, tv_usec}, then 14 longs.
        var usage = new long[18];
        if (GetRUsage(-1, usage) != 0)
        {
            return null;
        }

        return usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRUsage(int who, [Out] long[] usage);

    private static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs a short command and returns its standard output, or null if it failed.</summary>
    public static string? Capture(string fileName, string workingDirectory, params string[] arguments)
    {
        try
        {
            var start = StartInfo(fileName, workingDirectory, arguments);

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = stderr.GetAwaiter().GetResult();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
