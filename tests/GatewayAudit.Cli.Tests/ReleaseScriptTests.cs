namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The release script (tools/release/release.sh) with a stand-in <c>dotnet</c> first on PATH and a stand-in AOT check:
/// what it packs, that nothing is pushed unless the AOT build passed its check and installs as the AOT build printing
/// the golden report, that the pointer package goes up last, and that the feed's API key is never printed. Fast:
/// nothing is packed or compiled.
/// </summary>
public sealed class ReleaseScriptTests
{
    // Logs each call. `pack PROJECT -o DIR -p:Version=V [-r RID]` leaves the package NuGet would name (unless
    // FAKE_SKIP_PACKAGE names it); `tool install --tool-path DIR` lays out the store for FAKE_CHOICE and a
    // `gateway-audit` that prints FAKE_REPORT; `nuget push` exits FAKE_PUSH_EXIT.
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        echo "$*" >> "$FAKE_LOG"
        verb=$1
        if [[ $verb == pack ]]; then
          project=$2; rid=""; out=""; version=""
          while [[ $# -gt 0 ]]; do
            case $1 in -o) out=$2 ;; -r) rid=$2 ;; -p:Version=*) version=${1#-p:Version=} ;; esac; shift
          done
          case $project in *Analyzers*) id=GatewayAudit.Analyzers ;; *) id=GatewayAudit.Cli${rid:+.$rid} ;; esac
          [[ $id == "${FAKE_SKIP_PACKAGE:-}" ]] || : > "$out/$id.$version.nupkg"
          exit 0
        fi
        if [[ $verb == tool ]]; then
          while [[ $# -gt 0 ]]; do
            case $1 in --tool-path) tools=$2 ;; --version) version=$2 ;; esac; shift
          done
          mkdir -p "$tools/.store/gatewayaudit.cli/$version/$FAKE_CHOICE"
          printf '#!/usr/bin/env bash\ncat "%s"\n' "$FAKE_REPORT" > "$tools/gateway-audit"
          chmod +x "$tools/gateway-audit"
          exit 0
        fi
        [[ $verb == nuget ]] && exit "${FAKE_PUSH_EXIT:-0}"
        exit 0
        """;

    private const string Key = "feed-key-7d1e0c9b";
    private const string Golden = "tests/GatewayAudit.Cli.Tests/golden/minimal-single-provider.md";

    private sealed record Run(int Exit, string Stdout, string Stderr, string[] Calls, string Out);

    private static Run Release(TempDir dir, string version = "0.2.0", Dictionary<string, string>? inputs = null)
    {
        var fake = dir.Write(Path.Combine("bin", "dotnet"), FakeDotnet.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        var check = dir.Write("aot-check.sh", "echo \"aot-check $1\" >> \"$FAKE_LOG\"\nexit \"${FAKE_AOT_EXIT:-0}\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var log = Path.Combine(dir.Path, "calls.log");
        var output = Path.Combine(dir.Path, "out");
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(fake) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_LOG"] = log,
            ["FAKE_CHOICE"] = "gatewayaudit.cli.linux-x64",
            ["FAKE_REPORT"] = Path.Combine(RepoPaths.Root, Golden),
            ["AOT_CHECK"] = check,
            ["PUSH_SOURCE"] = "",
            ["NUGET_API_KEY"] = "",
        };
        foreach (var (name, value) in inputs ?? [])
        {
            environment[name] = value;
        }

        var (exit, stdout, stderr) = ProcessRunner.Run("bash", dir.Path, [Path.Combine(RepoPaths.Root, "tools", "release", "release.sh"), version, output], environment);
        return new Run(exit, stdout, stderr, File.Exists(log) ? File.ReadAllLines(log) : [], output);
    }

    private static Dictionary<string, string> Pushing(params (string Name, string Value)[] more)
    {
        var inputs = new Dictionary<string, string> { ["PUSH_SOURCE"] = "https://feed.example/v3/index.json", ["NUGET_API_KEY"] = Key };
        foreach (var (name, value) in more)
        {
            inputs[name] = value;
        }

        return inputs;
    }

    private static string[] Pushes(Run run) =>
        [.. run.Calls.Where(c => c.StartsWith("nuget push ", StringComparison.Ordinal)).Select(c => Path.GetFileName(c.Split(' ')[2]))];

    [Fact]
    public void A_checked_release_pushes_the_analyzer_and_both_tool_builds_before_the_pointer_package()
    {
        using var dir = new TempDir();
        var run = Release(dir, "0.2.0", Pushing());
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Equal(
            ["GatewayAudit.Analyzers.0.2.0.nupkg", "GatewayAudit.Cli.linux-x64.0.2.0.nupkg", "GatewayAudit.Cli.any.0.2.0.nupkg", "GatewayAudit.Cli.0.2.0.nupkg"],
            Pushes(run));
        Assert.All(run.Calls.Where(c => c.StartsWith("nuget push", StringComparison.Ordinal)), c => Assert.Contains("--skip-duplicate", c, StringComparison.Ordinal));

        // Every pack carries the version; the AOT pack is for linux-x64 and the fallback is not AOT.
        var packs = run.Calls.Where(c => c.StartsWith("pack ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, packs.Length);
        Assert.All(packs, p => Assert.Contains("-p:Version=0.2.0", p, StringComparison.Ordinal));
        Assert.Contains(packs, p => p.Contains("-p:AotTool=true -r linux-x64", StringComparison.Ordinal));
        Assert.Contains(packs, p => p.Contains("-r any -p:PublishAot=false", StringComparison.Ordinal));

        // The check ran on the AOT publish output, and the install came from the packed folder alone.
        Assert.Contains(run.Calls, c => c.StartsWith("aot-check ", StringComparison.Ordinal) && c.EndsWith("linux-x64/publish/gateway-audit", StringComparison.Ordinal));
        Assert.Contains(run.Calls, c => c.StartsWith("tool install GatewayAudit.Cli --version 0.2.0", StringComparison.Ordinal) && c.EndsWith("--source " + run.Out, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aot_build_that_fails_its_check_is_never_pushed()
    {
        using var dir = new TempDir();
        var run = Release(dir, "0.2.0", Pushing(("FAKE_AOT_EXIT", "1")));
        Assert.Equal(1, run.Exit);
        Assert.Empty(Pushes(run));
        Assert.Contains("nothing was pushed", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_that_installs_as_the_fallback_instead_of_the_aot_build_is_never_pushed()
    {
        using var dir = new TempDir();
        var run = Release(dir, "0.2.0", Pushing(("FAKE_CHOICE", "gatewayaudit.cli.any")));
        Assert.Equal(1, run.Exit);
        Assert.Empty(Pushes(run));
        Assert.Contains("not the Native AOT build", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_whose_installed_tool_prints_another_report_than_the_golden_is_never_pushed()
    {
        using var dir = new TempDir();
        var wrong = dir.Write("wrong.md", "# not the golden report\n");
        var run = Release(dir, "0.2.0", Pushing(("FAKE_REPORT", wrong)));
        Assert.Equal(1, run.Exit);
        Assert.Empty(Pushes(run));
        Assert.Contains("differs from " + Golden, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_the_pack_did_not_produce_stops_the_release_by_name()
    {
        using var dir = new TempDir();
        var run = Release(dir, "0.2.0", Pushing(("FAKE_SKIP_PACKAGE", "GatewayAudit.Cli.linux-x64")));
        Assert.Equal(1, run.Exit);
        Assert.Empty(Pushes(run));
        Assert.Contains("GatewayAudit.Cli.linux-x64.0.2.0.nupkg is missing", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_feed_the_release_is_packed_and_checked_but_not_pushed()
    {
        using var dir = new TempDir();
        var run = Release(dir);
        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Empty(Pushes(run));
        Assert.Contains("not pushed", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(run.Out, "*.0.2.0.nupkg").Length);
    }

    [Theory]
    [InlineData("v0.2.0")]
    [InlineData("0.2")]
    [InlineData("")]
    public void A_version_that_is_not_semantic_is_refused_before_anything_is_packed(string version)
    {
        using var dir = new TempDir();
        var run = Release(dir, version, Pushing());
        Assert.Equal(2, run.Exit);
        Assert.Empty(run.Calls);
        Assert.Contains("semantic version", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_without_an_api_key_is_refused_before_anything_is_packed()
    {
        using var dir = new TempDir();
        var run = Release(dir, "0.2.0", new Dictionary<string, string> { ["PUSH_SOURCE"] = "https://feed.example/v3/index.json" });
        Assert.Equal(2, run.Exit);
        Assert.Empty(run.Calls);
    }
}
