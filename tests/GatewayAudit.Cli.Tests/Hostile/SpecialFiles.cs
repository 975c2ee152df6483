using System.Diagnostics;
using System.Net.Sockets;

namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>Makes the special files hostile-input tests need (FIFO, socket, hard link) with the system's own tools.</summary>
internal static class SpecialFiles
{
    public static string Fifo(string path)
    {
        Run("mkfifo", path);
        return path;
    }

    public static string HardLink(string existing, string link)
    {
        Run("ln", existing, link);
        return link;
    }

    /// <summary>A Unix domain socket file at <paramref name="path"/>; dispose the socket after the test.</summary>
    public static Socket UnixSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>
    /// Runs the CLI on a worker and fails instead of hanging when it does not return (a FIFO opened for reading blocks
    /// until a writer comes). A liveness bound, not a performance assertion: minutes, on any machine.
    /// </summary>
    public static CliResult RunBounded(string workingDirectory, params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(workingDirectory, args));
        Assert.True(run.Wait(TimeSpan.FromMinutes(3)), "the CLI did not return: it blocked on a special file");
        return run.Result;
    }

    private static void Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
    }
}
