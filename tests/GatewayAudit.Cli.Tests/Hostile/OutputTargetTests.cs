using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>
/// --output (and baseline write --output) replaces only a regular file the user meant: never a device, FIFO, socket or
/// symlink, and never a file the run reads, through whatever path names it.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _config;

    public OutputTargetTests() =>
        _config = _dir.Write("config.yaml", File.ReadAllText(RepoPaths.Combine("examples", "eu-multi-provider", "config.yaml")));

    public void Dispose() => _dir.Dispose();

    private string ConfigText => File.ReadAllText(RepoPaths.Combine("examples", "eu-multi-provider", "config.yaml"));

    [Fact]
    public void A_fifo_as_output_is_refused_and_stays_a_fifo()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.Path, "report.md"));
        var run = SpecialFiles.RunBounded(_dir.Path, "scan", "config.yaml", "--output", "report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("is a FIFO (named pipe); a report only replaces a regular file", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(FileKind.Fifo, FileIdentity.KindOf(fifo));
    }

    [Fact]
    public void A_socket_as_output_is_refused()
    {
        using var socket = SpecialFiles.UnixSocket(Path.Combine(_dir.Path, "audit.sock"));
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--output", "audit.sock").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("is a socket", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(FileKind.Socket, FileIdentity.KindOf(Path.Combine(_dir.Path, "audit.sock")));
    }

    [Fact]
    public void A_device_is_never_a_target()
    {
        // Asked of the guard itself: a run that wrote would, as root, replace the machine's /dev/null.
        Assert.Equal(FileKind.CharacterDevice, FileIdentity.KindOf("/dev/null"));
        Assert.Contains("is a character device", OutputTarget.Refusal("/dev/null", "/dev/null", []), StringComparison.Ordinal);
        var link = Path.Combine(_dir.Path, "null.md");
        File.CreateSymbolicLink(link, "/dev/null");
        Assert.Contains("is a symbolic link", OutputTarget.Refusal(link, "null.md", []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_to_a_scanned_input_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "report.md"), _config);
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--output", "report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("is a symbolic link", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(ConfigText, File.ReadAllText(_config));
    }

    [Fact]
    public void A_hard_link_to_a_scanned_input_is_refused()
    {
        SpecialFiles.HardLink(_config, Path.Combine(_dir.Path, "report.md"));
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--output", "report.md").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("report.md: is a scanned input of this run", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("through a link or another spelling", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(ConfigText, File.ReadAllText(_config));
    }

    [Fact]
    public void A_scanned_input_reached_through_a_symlinked_folder_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "out"));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "out", "deploy"), _dir.Path);
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", "--output", "out/deploy/config.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("is a scanned input of this run", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(ConfigText, File.ReadAllText(_config));
    }

    [Fact]
    public void The_file_an_input_was_read_from_is_refused_through_a_hard_link_after_its_path_moved()
    {
        // What the scan read is what a report must not replace: compared by the identity recorded when the input was
        // read, so the file stays protected after its path stops naming it (a stat of that path would find nothing).
        var options = new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = _dir.Path };
        var audit = Auditor.Default.Run(options);
        var moved = Path.Combine(_dir.Path, "moved.yaml");
        File.Move(_config, moved);
        var report = SpecialFiles.HardLink(moved, Path.Combine(_dir.Path, "report.md"));

        var refusal = OutputTarget.Refusal(report, "report.md", OutputTarget.Of(options, audit.ReadInputs(), templatePath: null));
        Assert.Contains("report.md: is a scanned input of this run", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_input_replaced_after_it_was_read_is_still_refused_by_its_path()
    {
        // A file saved over the input while the scan ran (an editor's write-and-rename) is no longer the file read,
        // but the path is still the input's: never the report.
        var options = new AuditOptions { Paths = ["config.yaml"], WorkingDirectory = _dir.Path };
        var audit = Auditor.Default.Run(options);
        var saved = _dir.Write("config.yaml.new", ConfigText);
        File.Move(saved, _config, overwrite: true);

        var refusal = OutputTarget.Refusal(_config, "config.yaml", OutputTarget.Of(options, audit.ReadInputs(), templatePath: null));
        Assert.Contains("config.yaml: is a scanned input of this run", refusal, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> FilesTheRunReads => new()
    {
        { "--template", "report.md.liquid", "the template" },
        { "--baseline", "baseline.yaml", "the baseline" },
        { "--dpa", "dpa.yaml", "the DPA declaration" },
        { "--settings", "gateway-audit.settings.yaml", "the settings file" },
        { "--policies", "rules/my-rule.yaml", "a policy file" },
    };

    [Theory]
    [MemberData(nameof(FilesTheRunReads))]
    public void A_file_the_run_reads_is_never_the_report(string option, string file, string role)
    {
        var text = File.ReadAllText(TemplateOrDataFor(option)).Replace("id: alerting-receives-content", "id: my-own-rule", StringComparison.Ordinal);
        var full = _dir.Write(file, text);
        var given = option == "--policies" ? "rules" : file;
        var run = CliRunner.Run(_dir.Path, "scan", "config.yaml", option, given, "--output", file).AssertNoStackTrace();
        Assert.Equal(2, run.Exit);
        Assert.Contains($"{file}: is {role} of this run", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(full));
    }

    [Fact]
    public void Baseline_write_obeys_the_same_rule()
    {
        var run = CliRunner.Run(_dir.Path, "baseline", "write", "config.yaml", "--reason", "accepted", "--output", "config.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("is a scanned input of this run", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(ConfigText, File.ReadAllText(_config));
        SpecialFiles.Fifo(Path.Combine(_dir.Path, "baseline.yaml"));
        var fifo = SpecialFiles.RunBounded(_dir.Path, "baseline", "write", "config.yaml", "--reason", "accepted", "--output", "baseline.yaml").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("is a FIFO", fifo.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_file_the_run_does_not_read_is_replaced()
    {
        _dir.Write("report.md", "old report\n");
        CliRunner.Run(_dir.Path, "scan", "config.yaml", "--output", "report.md").AssertNoStackTrace().AssertExit(0);
        Assert.StartsWith("#", File.ReadAllText(Path.Combine(_dir.Path, "report.md")), StringComparison.Ordinal);
    }

    private static string TemplateOrDataFor(string option) => option switch
    {
        "--template" => RepoPaths.Combine("templates", "report.md.liquid"),
        "--baseline" => BaselineFile,
        "--dpa" => DpaFile,
        "--settings" => SettingsFile,
        _ => RepoPaths.Combine("policies", "rules", "alerting-receives-content.yaml"),
    };

    private static string BaselineFile { get; } = WriteTemp("version: 1\nfindings: []\n");

    private static string DpaFile { get; } = WriteTemp("subprocessors: [mistral]\n");

    private static string SettingsFile { get; } = WriteTemp("requireZdr: false\n");

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "gateway-audit-tests", "output-target-" + Guid.NewGuid().ToString("N") + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
