using System.Diagnostics;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Discovery;

/// <summary>
/// The C library calls a folder scan makes itself on 64-bit Linux: a folder's entries with the kind their directory
/// entry states, and a file read to the size it reports. Each must tell what .NET (and the kernel, asked directly)
/// tells, since the walk now trusts them instead of asking once more per file.
/// </summary>
public sealed class PosixFilesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Lists_every_entry_with_the_kind_the_kernel_reports()
    {
        if (!PosixFiles.Works)
        {
            return; // elsewhere the walk uses .NET's listing, covered by the discovery tests
        }

        var root = _dir.Path;
        _dir.Write("config.yaml", "a: 1\n");
        _dir.Write(".hidden.yaml", "a: 1\n");
        _dir.Write("ünïcode.yaml", "a: 1\n");
        Directory.CreateDirectory(Path.Combine(root, "folder"));
        File.CreateSymbolicLink(Path.Combine(root, "link.yaml"), Path.Combine(root, "config.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(root, "folder-link"), Path.Combine(root, "folder"));
        File.CreateSymbolicLink(Path.Combine(root, "dangling.yaml"), Path.Combine(root, "nowhere.yaml"));
        Run("mkfifo", Path.Combine(root, "values.yaml"));

        var listed = PosixFiles.List(root)!.ToDictionary(e => Path.GetFileName(e.Path), e => e.Kind);

        Assert.Equal(Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, kind) in listed)
        {
            // A file system that states no type (null) leaves the walk to ask; one that states it must agree with lstat.
            Assert.True(kind is null || kind == FileIdentity.KindOf(Path.Combine(root, name), followLinks: false), name);
        }

        Assert.All(PosixFiles.List(root)!, e => Assert.StartsWith(root + "/", e.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_throws_as_dotnet_does()
    {
        if (!PosixFiles.Works)
        {
            return;
        }

        Assert.ThrowsAny<IOException>(() => PosixFiles.List(Path.Combine(_dir.Path, "missing")));
        _dir.Write("config.yaml", "a: 1\n");
        Assert.ThrowsAny<IOException>(() => PosixFiles.List(Path.Combine(_dir.Path, "config.yaml")));
    }

    [Fact]
    public void Lists_a_folder_larger_than_one_read_of_the_kernel_entries()
    {
        if (!PosixFiles.Works)
        {
            return;
        }

        // 2,000 names of about 100 bytes are about 240 KiB of directory records: several reads of the listing buffer.
        var stem = new string('n', 90);
        for (var i = 0; i < 2_000; i++)
        {
            File.WriteAllText(Path.Combine(_dir.Path, $"{stem}-{i:D5}-ü.yaml"), "");
        }

        var listed = PosixFiles.List(_dir.Path + "/")!;

        Assert.Equal(Directory.EnumerateFiles(_dir.Path).Order(StringComparer.Ordinal), listed.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(listed, e => Assert.True(e.Kind is null or FileKind.Regular));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4_096)]
    [InlineData(300_001)]
    public void Reads_a_file_to_the_size_it_reports(int size)
    {
        if (!PosixFiles.Works)
        {
            return;
        }

        var bytes = Enumerable.Range(0, size).Select(i => (byte)('a' + i % 26)).ToArray();
        var path = _dir.WriteBytes("file.yaml", bytes);

        var (read, reported) = PosixFiles.ReadRegular(path, maxBytes: 1_000_000)!.Value;

        Assert.Equal(bytes, read);
        Assert.Equal(size, reported);
    }

    [Fact]
    public void A_file_over_the_bound_is_not_read_and_its_size_is_told()
    {
        if (!PosixFiles.Works)
        {
            return;
        }

        var path = _dir.WriteBytes("big.yaml", new byte[1_001]);

        Assert.Equal((null, 1_001L), PosixFiles.ReadRegular(path, maxBytes: 1_000));
    }

    [Fact]
    public void A_file_that_reports_no_size_is_read_to_its_end_in_chunks_and_bounded()
    {
        if (!PosixFiles.Works || !File.Exists("/proc/self/status"))
        {
            return;
        }

        var (read, _) = PosixFiles.ReadRegular("/proc/self/status", maxBytes: 1_000_000)!.Value;
        Assert.Contains("Name:", System.Text.Encoding.UTF8.GetString(read!), StringComparison.Ordinal);
        Assert.Null(PosixFiles.ReadRegular("/proc/self/status", maxBytes: 10)!.Value.Bytes);
    }

    [Fact]
    public async Task Missing_files_folders_and_FIFOs_throw_what_the_callers_report()
    {
        if (!PosixFiles.Works)
        {
            return;
        }

        Assert.Throws<FileNotFoundException>(() => PosixFiles.ReadRegular(Path.Combine(_dir.Path, "missing.yaml"), 100));
        Assert.Throws<DirectoryNotFoundException>(() => PosixFiles.ReadRegular(Path.Combine(_dir.Path, "no", "missing.yaml"), 100));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "folder.yaml"));
        Assert.ThrowsAny<IOException>(() => PosixFiles.ReadRegular(Path.Combine(_dir.Path, "folder.yaml"), 100));

        // A FIFO is opened without waiting for a writer and refused, never read (it would block).
        var fifo = Path.Combine(_dir.Path, "fifo.yaml");
        Run("mkfifo", fifo);
        var read = Task.Run(() => Assert.ThrowsAny<IOException>(() => PosixFiles.ReadRegular(fifo, 100)));
        await read.WaitAsync(TimeSpan.FromMinutes(1)); // a liveness bound (a blocked open never returns), not a timing
    }

    private static void Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
