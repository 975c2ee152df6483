using System.Diagnostics;
using System.Text;
using GatewayAudit.Cli;

namespace GatewayAudit.Cli.Tests.Fuzz;

/// <summary>
/// One fuzz case: every seed file written to a fresh folder, one of them mutated, and the whole scan run in-process
/// as a user runs it (the folder, with --baseline / --dpa when that file is the mutated one), in one format. The
/// properties: no exception escapes (exit 0, 1 or 2, never 3 or a throw), no stack trace, the run ends within the
/// time bound, and the planted password appears in no output.
/// </summary>
public static class FuzzRun
{
    /// <summary>Generous: a scan of these few small files takes well under a second; a hang or a blow-up does not.</summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

    private static readonly string[] Formats = ["json", "md", "html", "sarif", "csv", "annex"];

    public sealed record Case(int SeedIndex, Mutations.Mutation[] Mutations, int Format)
    {
        public override string ToString() =>
            $"{FuzzSeeds.All[SeedIndex].FileName} {string.Join(" ", Mutations)} --format {Formats[Format % Formats.Length]}";
    }

    public static readonly CsCheck.Gen<Case> Cases = CsCheck.Gen.Select(
        CsCheck.Gen.Int[0, FuzzSeeds.All.Length - 1], Mutations.Several, CsCheck.Gen.Int[0, Formats.Length - 1], (s, m, f) => new Case(s, m, f));

    /// <summary>Null when the case holds; else what broke, with the mutated input for the regression test.</summary>
    public static string? Check(Case c) => Run(c).Failure;

    /// <summary>The case's outcome: what broke (null when it held) and the exit code (-1 when there was none).</summary>
    public static (string? Failure, int Exit) Run(Case c)
    {
        var root = Path.Combine(Path.GetTempPath(), "gateway-audit-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var seed = FuzzSeeds.All[c.SeedIndex];
            var mutated = Mutations.Apply(Encoding.UTF8.GetBytes(seed.Text), c.Mutations);
            foreach (var other in FuzzSeeds.All.Where(s => s.Option is null))
            {
                Write(root, other.FileName, other == seed ? mutated : Encoding.UTF8.GetBytes(other.Text));
            }

            var args = new List<string> { "scan", "." };
            if (seed.Option is not null)
            {
                Write(root, Path.Combine("..", Path.GetFileName(root) + "-" + seed.FileName), mutated);
                args.AddRange([seed.Option, Path.Combine("..", Path.GetFileName(root) + "-" + seed.FileName)]);
            }

            args.AddRange(["--format", Formats[c.Format % Formats.Length]]);
            return Scan(root, [.. args], mutated);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            foreach (var sidecar in Directory.GetFiles(Path.GetDirectoryName(root)!, Path.GetFileName(root) + "-*"))
            {
                File.Delete(sidecar);
            }
        }
    }

    private static void Write(string root, string relative, byte[] bytes)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static (string? Failure, int Exit) Scan(string folder, string[] args, byte[] input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => CliApp.Run(args, stdout, stderr, folder));
        string Shown() => $"args: {string.Join(' ', args)}\ninput ({input.Length} bytes):\n{Printable(input)}";
        if (!task.Wait(TimeBound))
        {
            return ($"no result after {TimeBound.TotalSeconds:0} s\n{Shown()}", -1);
        }

        if (task.IsFaulted)
        {
            return ($"exception escaped: {task.Exception!.InnerException}\n{Shown()}", -1);
        }

        var (exit, output, error) = (task.Result, stdout.ToString(), stderr.ToString());
        if (exit is not (0 or 1 or 2))
        {
            return ($"exit {exit} after {clock.Elapsed.TotalSeconds:0.0} s\nstderr:\n{error}\n{Shown()}", exit);
        }

        if (error.Contains("Exception", StringComparison.Ordinal) || error.Contains("   at ", StringComparison.Ordinal))
        {
            return ($"stderr holds a stack trace:\n{error}\n{Shown()}", exit);
        }

        foreach (var (name, text) in new[] { ("stdout", output), ("stderr", error) })
        {
            var index = text.IndexOf(FuzzSeeds.Secret, StringComparison.Ordinal);
            if (index >= 0)
            {
                var context = text[Math.Max(0, index - 120)..Math.Min(text.Length, index + 40)];
                return ($"the planted password reached {name}: ...{context.Replace(FuzzSeeds.Secret, "<PLANTED>", StringComparison.Ordinal)}...\n{Shown()}", exit);
            }
        }

        return (null, exit);
    }

    /// <summary>The input as C#-escapable text for a regression test: control bytes and invalid UTF-8 as \xNN.</summary>
    public static string Printable(byte[] input)
    {
        var text = new StringBuilder();
        foreach (var b in input)
        {
            text.Append(b is (>= 0x20 and < 0x7f) or (byte)'\n' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }
}
