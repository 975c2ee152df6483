namespace GatewayAudit.Cli.Tests;

/// <summary>--output never leaves a half-written report: temp file beside the target, then a rename.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Example => RepoPaths.Combine("examples", "eu-multi-provider");

    private string[] LeftoverTemporaries() => Directory.EnumerateFiles(_dir.Path, "*.tmp", SearchOption.AllDirectories).ToArray();

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    public void Output_file_holds_exactly_what_stdout_would(string format)
    {
        var stdout = CliRunner.Run(_dir.Path, "scan", Example, "--format", format).AssertExit(0).Stdout;
        Directory.CreateDirectory(Path.Combine(_dir.Path, "out"));
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--format", format, "--output", "out/report." + format).AssertNoStackTrace().AssertExit(0);
        Assert.Equal("", run.Stdout);
        Assert.Contains($"wrote {format} report to out/report.{format}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(stdout, File.ReadAllText(Path.Combine(_dir.Path, "out", "report." + format)));
        Assert.Empty(LeftoverTemporaries());
    }

    [Fact]
    public void Missing_folder_is_refused_and_nothing_is_created()
    {
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--output", "no/such/folder/report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("no/such/folder/report.md: cannot write the report: folder", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "no")));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Target_that_is_a_folder_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "report.md"));
        var run = CliRunner.Run(_dir.Path, "scan", Example, "--output", "report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("report.md: cannot write the report: it is a folder", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(LeftoverTemporaries());
    }

    [Fact]
    public void Unwritable_target_folder_is_refused_without_leftovers()
    {
        // /proc refuses new files even for root, so this is unwritable whoever runs the tests.
        if (!Directory.Exists("/proc/self"))
        {
            Assert.False(OperatingSystem.IsLinux(), "Linux without /proc");
            return;
        }

        var run = CliRunner.Run(_dir.Path, "scan", Example, "--output", "/proc/gateway-audit-report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("/proc/gateway-audit-report.md: cannot write the report", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists("/proc/gateway-audit-report.md"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Read_only_folder_is_refused_or_written_according_to_what_the_os_enforces()
    {
        var folder = Path.Combine(_dir.Path, "locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        bool writable;
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "x");
            File.Delete(Path.Combine(folder, "probe"));
            writable = true;
        }
        catch (UnauthorizedAccessException)
        {
            writable = false;
        }

        var run = CliRunner.Run(_dir.Path, "scan", Example, "--output", "locked/report.md").AssertNoStackTrace();
        if (writable)
        {
            run.AssertExit(0);
            Assert.True(File.Exists(Path.Combine(folder, "report.md")));
        }
        else
        {
            run.AssertExit(2);
            Assert.Contains("cannot write the report (permission denied)", run.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "report.md")));
        }

        Assert.Empty(LeftoverTemporaries());
    }

    [Fact]
    public void Existing_report_is_replaced_whole()
    {
        var target = _dir.Write("report.md", "old report that is much longer than nothing\n" + new string('x', 100_000));
        CliRunner.Run(_dir.Path, "scan", Example, "--output", "report.md").AssertExit(0);
        var text = File.ReadAllText(target);
        Assert.StartsWith("# Gateway sub-processor audit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("old report", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_scan_leaves_an_existing_report_untouched()
    {
        var target = _dir.Write("report.md", "previous good report\n");
        _dir.Write("bad.yaml", "model_list: [\n");
        CliRunner.Run(_dir.Path, "scan", "bad.yaml", "--output", "report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Equal("previous good report\n", File.ReadAllText(target));
        Assert.Empty(LeftoverTemporaries());
    }

    [Fact]
    public void Broken_template_leaves_an_existing_report_untouched()
    {
        var target = _dir.Write("report.md", "previous good report\n");
        _dir.Write("broken.liquid", "{% for x in subprocessors %}never closed");
        CliRunner.Run(_dir.Path, "scan", Example, "--template", "broken.liquid", "--output", "report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Equal("previous good report\n", File.ReadAllText(target));
    }

    [Fact]
    public void Report_file_writer_returns_a_message_instead_of_throwing()
    {
        Assert.Null(ReportFile.Write(Path.Combine(_dir.Path, "a.md"), "text"));
        Assert.Equal("text", File.ReadAllText(Path.Combine(_dir.Path, "a.md")));
        Assert.Contains("does not exist", ReportFile.Write(Path.Combine(_dir.Path, "x", "a.md"), "text"), StringComparison.Ordinal);
        Assert.Contains("it is a folder", ReportFile.Write(_dir.Path, "text"), StringComparison.Ordinal);
        Assert.Empty(LeftoverTemporaries());
    }

    [Fact]
    public void Report_never_overwrites_a_scanned_input()
    {
        var config = File.ReadAllText(Path.Combine(Example, "config.yaml"));
        var input = _dir.Write("config.yaml", config);
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--output", "config.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("config.yaml: is a scanned input of this run", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(config, File.ReadAllText(input));
    }
}
