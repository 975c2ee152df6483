using System.Diagnostics;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Discovery;

/// <summary>
/// .gitignore does not apply to files git tracks: a <c>.env</c> committed before the line that ignores it was added is
/// in every clone, and its secrets with it. The walk reads git's index (made here by git itself, in each index
/// version and object format) and reads tracked files whatever .gitignore says; untracked ignored files stay skipped.
/// </summary>
public sealed class GitTrackedFilesTests : IDisposable
{
    private const string Config = "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n";
    private const string Key = "sk-proj-Q7mX2vLr9Tk4Wn8Pz3Hs6Jd1";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("2", "sha1")]
    [InlineData("3", "sha1")]
    [InlineData("4", "sha1")]
    [InlineData("4", "sha256")]
    [InlineData("2", "sha256")]
    public void Reads_the_paths_git_tracks_in_each_index_version_and_object_format(string version, string format)
    {
        Git("init", "-q", $"--object-format={format}");
        _dir.Write("svc/config.yaml", Config);
        _dir.Write("svc/deep/er/notes.md", "x\n");
        _dir.Write("top.txt", "x\n");
        _dir.Write("untracked.txt", "x\n");
        Git("add", "svc", "top.txt");
        Git("update-index", "--index-version", version);

        var tracked = GitTrackedFiles.Read(_dir.Path, p => p, []);

        Assert.NotNull(tracked);
        Assert.Equal(3, tracked.Count);
        Assert.True(tracked.Tracks(Path.Combine(_dir.Path, "svc/deep/er/notes.md"), isFolder: false));
        Assert.True(tracked.Tracks(Path.Combine(_dir.Path, "top.txt"), isFolder: false));
        Assert.True(tracked.Tracks(Path.Combine(_dir.Path, "svc/deep"), isFolder: true));
        Assert.False(tracked.Tracks(Path.Combine(_dir.Path, "untracked.txt"), isFolder: false));
        Assert.False(tracked.Tracks(Path.Combine(_dir.Path, "svc/config.yaml/x"), isFolder: false));
        Assert.False(tracked.Tracks(Path.Combine(_dir.Path, "svc/deep/er/notes"), isFolder: true));
    }

    [Fact]
    public void A_committed_env_file_that_gitignore_ignores_is_read_and_its_key_is_a_finding()
    {
        Git("init", "-q");
        _dir.Write(".env", $"OPENAI_API_KEY={Key}\n");
        _dir.Write("app/config.yaml", Config);
        Git("add", ".env", "app/config.yaml");
        _dir.Write(".gitignore", ".env\n.env.*\n");
        _dir.Write(".env.local", $"OPENAI_API_KEY={Key}\n"); // ignored and never committed: stays skipped

        var result = Audit();

        Assert.Contains(result.Inputs, i => i.File == ".env" && !i.Skipped);
        Assert.DoesNotContain(result.Inputs, i => i.File == ".env.local" && !i.Skipped);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "literal-secret");
        Assert.Equal(".env", finding.Location!.File);
        Assert.DoesNotContain(Key, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_an_ignored_folder_only_the_files_git_tracks_are_read()
    {
        Git("init", "-q");
        _dir.Write("deploy/private/config.yaml", Config);
        Git("add", "deploy/private/config.yaml");
        _dir.Write(".gitignore", "private/\nscratch/\n");
        _dir.Write("deploy/private/values.yaml", "proxy_config:\n  model_list: []\n");
        _dir.Write("deploy/private/more/config.yaml", Config);
        _dir.Write("scratch/config.yaml", Config);

        var discovery = new InputDiscovery(ReaderRegistry.Default, _dir.Path);
        var found = discovery.Discover(["."], []).Select(f => f.DisplayPath).ToList();

        Assert.Equal(["deploy/private/config.yaml"], found);
        Assert.Contains(discovery.NotRead, n => n.File == "deploy/private/values.yaml" && n.SkippedReason == "ignored by .gitignore");
        Assert.Contains(discovery.NotRead, n => n.File == "scratch/" && n.SkippedReason!.Contains("not walked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_linked_worktree_reads_its_own_index_through_the_gitdir_file()
    {
        var main = Path.Combine(_dir.Path, "main");
        Directory.CreateDirectory(main);
        GitIn(main, "init", "-q");
        File.WriteAllText(Path.Combine(main, ".gitignore"), ".env\n");
        File.WriteAllText(Path.Combine(main, ".env"), $"OPENAI_API_KEY={Key}\n");
        GitIn(main, "add", "-f", ".env", ".gitignore");
        GitIn(main, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "x");
        GitIn(main, "worktree", "add", "-q", Path.Combine(_dir.Path, "wt"));

        var found = new InputDiscovery(ReaderRegistry.Default, Path.Combine(_dir.Path, "wt")).Discover(["."], []).Select(f => f.DisplayPath).ToList();

        Assert.True(File.Exists(Path.Combine(_dir.Path, "wt", ".git"))); // a file naming the worktree's git folder
        Assert.Equal([".env"], found);
    }

    [Fact]
    public void A_damaged_index_is_a_warning_and_gitignore_alone_decides()
    {
        Git("init", "-q");
        _dir.Write(".env", $"OPENAI_API_KEY={Key}\n");
        Git("add", ".env");
        _dir.Write(".gitignore", ".env\n");
        var index = Path.Combine(_dir.Path, ".git", "index");
        var bytes = File.ReadAllBytes(index);
        File.WriteAllBytes(index, bytes[..20]); // the header and half an entry
        var diagnostics = new List<Diagnostic>();

        var found = new InputDiscovery(ReaderRegistry.Default, _dir.Path).Discover(["."], diagnostics).Select(f => f.DisplayPath).ToList();

        Assert.Empty(found);
        var warning = Assert.Single(diagnostics, d => d.Code == "git-index-unreadable");
        Assert.Equal(".git/index", warning.Location.File);
        Assert.Contains("runs past the end", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'D', (byte)'I', (byte)'R' }, "no DIRC signature")]
    [InlineData(new byte[] { (byte)'D', (byte)'I', (byte)'R', (byte)'C', 0, 0, 0, 9, 0, 0, 0, 0 }, "index version 9")]
    [InlineData(new byte[] { (byte)'D', (byte)'I', (byte)'R', (byte)'C', 0, 0, 0, 2, 0, 0, 0, 1 }, "runs past the end")]
    public void A_malformed_index_is_refused_with_the_reason(byte[] index, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => GitTrackedFiles.Parse(index));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkout_without_git_has_no_tracked_files_and_gitignore_decides()
    {
        _dir.Write(".env", $"OPENAI_API_KEY={Key}\n");
        _dir.Write(".gitignore", ".env\n");

        Assert.Null(GitTrackedFiles.Read(_dir.Path, p => p, []));
        Assert.Empty(new InputDiscovery(ReaderRegistry.Default, _dir.Path).Discover(["."], []));
    }

    private AuditResult Audit() => Auditor.Default.Run(new AuditOptions
    {
        Paths = ["."],
        WorkingDirectory = _dir.Path,
        Today = new DateOnly(2026, 12, 1),
    });

    private void Git(params string[] args) => GitIn(_dir.Path, args);

    private static void GitIn(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = folder; // no user config of the machine's
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
