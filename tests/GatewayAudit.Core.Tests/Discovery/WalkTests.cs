using System.Diagnostics;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Discovery;

/// <summary>
/// What a folder walk finds, now that it takes each file's kind from the folder's listing and asks readers once per
/// file ending: the same files as a plain recursive listing filtered by the readers' names, what .gitignore ignores
/// passed over, symlinked files followed, symlinked folders not, special files passed over with their kind.
/// </summary>
public sealed class WalkTests : IDisposable
{
    private const string Config = "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Data_files_told_by_their_read_never_count_toward_the_file_limit()
    {
        // A .json file's size is learnt when it is read; a walk over the limit asks the sizes it left, so the limit
        // counts what it counted when every .json file's size was asked while walking: data files never.
        for (var i = 0; i < InputDiscovery.MaxFiles; i++)
        {
            _dir.Write($"c/{i / 1_000:D2}/{i:D5}.json", "{}");
        }

        foreach (var name in new[] { "c/00/a-embeddings.json", "c/19/a-vectors.json" })
        {
            using var sparse = File.Create(Path.Combine(_dir.Path, name));
            sparse.SetLength(InputText.MaxBytes + 1);
        }

        var diagnostics = new List<Diagnostic>();
        var discovery = new InputDiscovery(ReaderRegistry.Default, _dir.Path);
        var read = discovery.Discover(["."], diagnostics);

        Assert.DoesNotContain(diagnostics, d => d.Code == "input-too-many");
        Assert.Equal(InputDiscovery.MaxFiles, read.Count);
        foreach (var name in new[] { "c/00/a-embeddings.json", "c/19/a-vectors.json" })
        {
            Assert.Contains(discovery.NotRead, n => n.File == name && n.SkippedReason == "larger than 8 MiB: a data file, not a gateway config");
        }

        _dir.Write("c/19/one-more.json", "{}");
        var over = new List<Diagnostic>();
        new InputDiscovery(ReaderRegistry.Default, _dir.Path).Discover(["."], over);
        Assert.Contains(over, d => d.Code == "input-too-many");
    }

    [Fact]
    public void Finds_the_files_a_plain_listing_finds_that_some_reader_takes()
    {
        var names = new[]
        {
            "config.yaml", "values-prod.yaml", "docker-compose.override.yml", "Dockerfile", "Dockerfile.dev", "requirements-dev.txt",
            "application-dev.yml", "appsettings.Development.json", "README.md", "notes.txt", "build.gradle.kts", ".env.local", "setup.cfg",
        };
        for (var i = 0; i < 30; i++)
        {
            _dir.Write($"team-{i % 3}/svc-{i}/{names[i % names.Length]}", "a: 1\n");
        }

        var discovery = new InputDiscovery(ReaderRegistry.Default, _dir.Path);
        var found = discovery.Discover(["."], []).Select(f => f.DisplayPath).ToList();

        var expected = Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories)
            .Where(f => ReaderRegistry.Default.Any(r => r.OffersFileName(Path.GetFileName(f))))
            .Select(f => Path.GetRelativePath(_dir.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, found);
        Assert.Contains(discovery.NotRead, n => n.File.EndsWith("README.md", StringComparison.Ordinal));
        Assert.Contains(discovery.NotRead, n => n.File.EndsWith("setup.cfg", StringComparison.Ordinal));
    }

    [Fact]
    public void Honours_gitignore_follows_symlinked_files_and_never_symlinked_folders()
    {
        _dir.Write(".gitignore", "ignored/\n*.local.yaml\n");
        _dir.Write("svc/config.yaml", Config);
        _dir.Write("svc/dev.local.yaml", Config);
        _dir.Write("ignored/config.yaml", Config);
        _dir.Write("elsewhere/real.yaml", Config);
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "svc", "linked.yaml"), Path.Combine(_dir.Path, "elsewhere", "real.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(_dir.Path, "svc-alias"), Path.Combine(_dir.Path, "svc"));

        var discovery = new InputDiscovery(ReaderRegistry.Default, _dir.Path);
        var found = discovery.Discover(["."], []).Select(f => f.DisplayPath).ToList();

        // The symlinked file is the same file as elsewhere/real.yaml: read once, under the first path.
        Assert.Equal(["elsewhere/real.yaml", "svc/config.yaml"], found);
        Assert.Contains(discovery.NotRead, n => n.File == "svc/dev.local.yaml" && n.SkippedReason == "ignored by .gitignore");
        Assert.Contains(discovery.NotRead, n => n.File == "ignored/" && n.SkippedReason!.Contains("not walked", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.StartsWith("svc-alias/", StringComparison.Ordinal));
    }

    [Fact]
    public void Passes_over_special_files_and_warns_of_dangling_links()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _dir.Write("svc/config.yaml", Config);
        Run("mkfifo", Path.Combine(_dir.Path, "svc", "values.yaml"));
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "svc", "gone.yaml"), Path.Combine(_dir.Path, "nowhere.yaml"));
        var diagnostics = new List<Diagnostic>();

        var discovery = new InputDiscovery(ReaderRegistry.Default, _dir.Path);
        var found = discovery.Discover(["."], diagnostics).Select(f => f.DisplayPath).ToList();

        Assert.Equal(["svc/config.yaml"], found);
        Assert.Contains(discovery.NotRead, n => n.File == "svc/values.yaml" && n.SkippedReason!.StartsWith("a FIFO (named pipe), not a regular file", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Code == "input-dangling-link" && d.Location.File == "svc/gone.yaml");
    }

    private static void Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
