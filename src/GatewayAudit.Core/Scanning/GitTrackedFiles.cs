using System.Buffers.Binary;
using System.Text;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// The paths git tracks in a repository, from its index (<c>.git/index</c>). .gitignore never applies to a tracked
/// file: a <c>.env</c> committed before the line that ignores it was added is in every clone, secrets and all, so the
/// walk reads it. Only the entries' paths are read (index versions 2, 3 and 4, SHA-1 and SHA-256 object names).
/// <para>
/// Hand-written rather than LibGit2Sharp (on the package list): that brings the native libgit2 per platform and an
/// open repository for what is a list of names; the format is git's documented <c>gitformat-index</c> layout.
/// </para>
/// </summary>
public sealed class GitTrackedFiles
{
    // An index bigger than this is not read (about a million entries): the scan goes on with .gitignore alone.
    internal const int MaxIndexBytes = 128 * 1024 * 1024;

    private readonly HashSet<string> _files;
    private readonly HashSet<string> _folders;

    private GitTrackedFiles(string root, HashSet<string> files, HashSet<string> folders) => (Root, _files, _folders) = (root, files, folders);

    /// <summary>The repository's work-tree folder: index paths are relative to it.</summary>
    public string Root { get; }

    public int Count => _files.Count;

    /// <summary>
    /// The tracked paths of the repository whose work tree is <paramref name="folder"/>, or null when it has no
    /// <c>.git</c>, no index (nothing staged yet) or one that cannot be read (a warning, then .gitignore alone decides).
    /// </summary>
    public static GitTrackedFiles? Read(string folder, Func<string, string> display, List<Diagnostic> diagnostics)
    {
        var gitDir = GitDir(folder);
        var index = gitDir is null ? null : Path.Combine(gitDir, "index");
        if (index is null || !File.Exists(index))
        {
            return null;
        }

        try
        {
            var info = new FileInfo(index);
            if (info.Length > MaxIndexBytes)
            {
                diagnostics.Add(Diagnostic.Warning("git-index-unreadable", $"git's index is larger than {MaxIndexBytes / (1024 * 1024)} MiB and was not read: files .gitignore ignores are skipped even where git tracks them", new SourceLocation(display(index), 0)));
                return null;
            }

            var (files, folders) = Parse(File.ReadAllBytes(index), ObjectNameLength(gitDir!));
            return new GitTrackedFiles(folder, files, folders);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Warning("git-index-unreadable", $"cannot read git's index ({e.GetType().Name}): files .gitignore ignores are skipped even where git tracks them", new SourceLocation(display(index), 0)));
        }
        catch (InvalidDataException e)
        {
            diagnostics.Add(Diagnostic.Warning("git-index-unreadable", $"git's index is not in a format this tool reads ({e.Message}): files .gitignore ignores are skipped even where git tracks them", new SourceLocation(display(index), 0)));
        }

        return null;
    }

    /// <summary>Whether git tracks the file, or, for a folder, any file below it.</summary>
    public bool Tracks(string fullPath, bool isFolder)
    {
        var relative = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        return relative != "." && !relative.StartsWith("../", StringComparison.Ordinal) && (isFolder ? _folders : _files).Contains(relative);
    }

    /// <summary>A work tree's git folder: <c>.git</c>, or, where <c>.git</c> is a file (a worktree or a submodule),
    /// the folder its <c>gitdir:</c> line names.</summary>
    private static string? GitDir(string folder)
    {
        var dotGit = Path.Combine(folder, ".git");
        if (Directory.Exists(dotGit))
        {
            return dotGit;
        }

        if (!File.Exists(dotGit) || new FileInfo(dotGit).Length > 4096)
        {
            return null;
        }

        var line = File.ReadLines(dotGit).FirstOrDefault()?.Trim();
        if (line is null || !line.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            return null;
        }

        var named = line["gitdir:".Length..].Trim();
        return Path.IsPathRooted(named) ? named : Path.GetFullPath(Path.Combine(folder, named));
    }

    /// <summary>20 bytes (SHA-1), or 32 where the repository's config sets <c>extensions.objectFormat = sha256</c>.
    /// A linked worktree's config is its common folder's, which its own folder does not hold: SHA-1 is assumed there.</summary>
    private static int ObjectNameLength(string gitDir)
    {
        var config = Path.Combine(gitDir, "config");
        if (!File.Exists(config) || new FileInfo(config).Length > 1024 * 1024)
        {
            return 20;
        }

        return File.ReadLines(config).Any(l => l.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal)
            .Equals("objectformat=sha256", StringComparison.OrdinalIgnoreCase)) ? 32 : 20;
    }

    /// <summary>The entries' paths (files) and every folder above one. Throws <see cref="InvalidDataException"/> on a
    /// header or entry that does not fit the format.</summary>
    internal static (HashSet<string> Files, HashSet<string> Folders) Parse(ReadOnlySpan<byte> index, int hashLength = 20)
    {
        if (index.Length < 12 || !index[..4].SequenceEqual("DIRC"u8))
        {
            throw new InvalidDataException("no DIRC signature");
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(index[4..]);
        if (version is < 2 or > 4)
        {
            throw new InvalidDataException($"index version {version}");
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(index[8..]);
        var files = new HashSet<string>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var at = 12;
        var previous = Array.Empty<byte>();
        for (var i = 0u; i < count; i++)
        {
            // ctime, mtime (8 each), dev, ino, mode, uid, gid, size (4 each), the object name, 16-bit flags.
            var fixedPart = 40 + hashLength + 2;
            if (at + fixedPart > index.Length)
            {
                throw new InvalidDataException($"entry {i + 1} of {count} runs past the end");
            }

            var flags = BinaryPrimitives.ReadUInt16BigEndian(index[(at + fixedPart - 2)..]);
            var extended = version >= 3 && (flags & 0x4000) != 0;
            var nameAt = at + fixedPart + (extended ? 2 : 0);
            byte[] name;
            if (version == 4)
            {
                // The name is the previous name less N trailing bytes (N a varint), then a NUL-terminated suffix.
                var (strip, used) = VarInt(index, nameAt);
                if (strip > (ulong)previous.Length)
                {
                    throw new InvalidDataException($"entry {i + 1} strips more than the previous name");
                }

                var suffixAt = nameAt + used;
                var end = index[suffixAt..].IndexOf((byte)0);
                if (end < 0)
                {
                    throw new InvalidDataException($"entry {i + 1} has no end");
                }

                name = [.. previous.AsSpan(0, previous.Length - (int)strip), .. index.Slice(suffixAt, end)];
                at = suffixAt + end + 1;
            }
            else
            {
                var end = index[nameAt..].IndexOf((byte)0);
                if (end < 0)
                {
                    throw new InvalidDataException($"entry {i + 1} has no end");
                }

                name = index.Slice(nameAt, end).ToArray();

                // 1-8 NUL bytes pad the entry to a multiple of eight.
                var length = nameAt - at + end;
                at += length + (8 - (length % 8));
            }

            if (at > index.Length)
            {
                throw new InvalidDataException($"entry {i + 1} runs past the end");
            }

            previous = name;
            Add(Encoding.UTF8.GetString(name), files, folders);
        }

        return (files, folders);
    }

    // Git's offset varint (varint.c): 7 bits a byte, high bit = more, each continuation adds one before shifting.
    private static (ulong Value, int Used) VarInt(ReadOnlySpan<byte> data, int at)
    {
        if (at >= data.Length)
        {
            throw new InvalidDataException("a name runs past the end");
        }

        var i = at;
        ulong value = data[i] & 0x7Fu;
        while ((data[i] & 0x80) != 0)
        {
            if (++i >= data.Length || i - at > 9)
            {
                throw new InvalidDataException("a name's length is malformed");
            }

            value = ((value + 1) << 7) | (data[i] & 0x7Fu);
        }

        return (value, i - at + 1);
    }

    private static void Add(string path, HashSet<string> files, HashSet<string> folders)
    {
        files.Add(path);
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (!folders.Add(path[..slash]))
            {
                break; // its parents are in already
            }
        }
    }
}
