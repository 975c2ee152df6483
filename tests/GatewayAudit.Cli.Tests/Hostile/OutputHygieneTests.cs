using System.Globalization;

namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>Terminal control characters from inputs never reach stdout, stderr or a report file; output is culture-invariant.</summary>
public sealed class OutputHygieneTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // YAML double-quoted escapes: \e is ESC, \a BEL, \b backspace (YAML 1.2, 5.7 Escaped Characters).
    private const string HostileConfig = """
        model_list:
          - model_name: "gpt\e]0;owned\a\b\b\bclean"
            litellm_params:
              model: "openai/gpt-4o\e[2J"
              api_key: os.environ/OPENAI_API_KEY
        general_settings:
          alerting: ["slack\e[31m"]
        """;

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    [InlineData("sarif")]
    public void Control_characters_never_reach_stdout_stderr_or_the_report_file(string format)
    {
        _dir.Write("deploy/config.yaml", HostileConfig);
        _dir.Write("deploy/notes\u001b[2J\u0007.txt", "not a config\n");
        var printed = CliRunner.Run(_dir.Path, "scan", "deploy", "--format", format).AssertNoStackTrace();
        var written = CliRunner.Run(_dir.Path, "scan", "deploy", "--format", format, "--output", "report").AssertNoStackTrace();
        var report = File.Exists(Path.Combine(_dir.Path, "report")) ? File.ReadAllText(Path.Combine(_dir.Path, "report")) : "";
        // The hostile file name reaches every report that lists inputs (SARIF lists none), with its controls made inert.
        Assert.True(format == "sarif" || printed.Stdout.Contains("[2J", StringComparison.Ordinal), printed.Stdout);
        foreach (var text in new[] { printed.Stdout, printed.Stderr, written.Stdout, written.Stderr, report })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\b', text);
        }
    }

    [Fact]
    public void The_filter_keeps_line_structure_and_replaces_controls()
    {
        Assert.Equal("a\tb\nc\r\nd", ControlCharacters.Neutralise("a\tb\nc\r\nd"));
        Assert.Equal("x\uFFFD[2J\uFFFDy\uFFFDz\uFFFDw", ControlCharacters.Neutralise("x\u001b[2J\u0007y\bz\u009bw"));
        Assert.Equal("a\uFFFDb", ControlCharacters.Neutralise("a\rb"));
        // Past a vector's width, after kept tabs and line ends, and DEL and the C1 edges.
        var plain = new string('p', 100);
        Assert.Equal(plain + "\t\r\n" + plain + "\uFFFD" + plain, ControlCharacters.Neutralise(plain + "\t\r\n" + plain + "\u007F" + plain));
        Assert.Equal("\n\n\uFFFD\u00A0\uFFFD\uFFFD ", ControlCharacters.Neutralise("\n\n\u009F\u00A0\u0080\u001F "));
        Assert.Equal("x\r\n\uFFFD", ControlCharacters.Neutralise("x\r\n\r"));
    }

    public static TheoryData<string> Cultures => new() { "ar-SA", "fa-IR", "th-TH", "de-DE" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Output_is_the_same_bytes_under_any_culture(string name)
    {
        var example = RepoPaths.Combine("examples", "litellm-langfuse-postgres-redis");
        foreach (var format in new[] { "json", "md", "sarif", "csv" })
        {
            var invariant = WithCulture(CultureInfo.InvariantCulture, () => CliRunner.RunInRepo("scan", example, "--format", format));
            var local = WithCulture(CultureInfo.GetCultureInfo(name), () => CliRunner.RunInRepo("scan", example, "--format", format));
            Assert.Equal(invariant.Exit, local.Exit);
            Assert.Equal(invariant.Stdout, local.Stdout);
            Assert.Equal(invariant.Stderr, local.Stderr);
        }
    }

    [Fact]
    public void The_callers_culture_comes_back_after_a_run()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        WithCulture(german, () =>
        {
            CliRunner.RunInRepo("catalog", "list");
            Assert.Equal(german, CultureInfo.CurrentCulture);
            return 0;
        });
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> run)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            return run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
