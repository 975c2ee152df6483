namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Real paths (every symlink on the way resolved, as realpath gives them) of the files and folders one discovery meets,
/// so that a file reached by two paths is one input; folders are resolved once per scan. Best effort: what cannot be
/// resolved stays as it was named.
/// </summary>
internal sealed class RealPaths
{
    /// <summary>The real path of a file the walk found not to be a symlink itself: its folder's real path and its name.</summary>
    public string OfFile(string path)
    {
        var full = IsFullAndNormal(path) ? path : Path.GetFullPath(path);

        // Most folders of a walk are no symlinks and are their own real path, so is the file: found by the folder's
        // part of the path, without cutting it into new strings (bench/SCALE.md round 14).
        var parentPart = Path.GetDirectoryName(full.AsSpan());
        if (parentPart.Length > 0 && _realFolders.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(parentPart, out var known)
            && parentPart.SequenceEqual(known) && full.Length > parentPart.Length && full[parentPart.Length] == Path.DirectorySeparatorChar)
        {
            return full;
        }

        return Path.GetDirectoryName(full) is { } parent ? Path.Combine(RealFolder(parent, 0), Path.GetFileName(full)) : full;
    }

    /// <summary>
    /// True for a path <see cref="Path.GetFullPath(string)"/> gives back unchanged on Unix: rooted, with no empty, "." or
    /// ".." part to collapse and no NUL, as every path a walk makes from a full folder path and entry names is. Asking
    /// GetFullPath of each file read was 13.6 million instructions at 1,000 configs (bench/SCALE.md round 18).
    /// </summary>
    private static bool IsFullAndNormal(string path) =>
        Path.DirectorySeparatorChar == '/' && path.Length > 1 && path[0] == '/' && path[^1] != '/' && !path.EndsWith("/.", StringComparison.Ordinal)
        && !path.EndsWith("/..", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/./", StringComparison.Ordinal)
        && !path.Contains("/../", StringComparison.Ordinal) && !path.Contains('\0');

    /// <summary>The path with every symlink on the way resolved (realpath), so one file is one input; best effort.</summary>
    public string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            return full;
        }

        var here = Path.Combine(RealFolder(parent, 0), Path.GetFileName(full));
        return new FileInfo(here).LinkTarget is { } target ? RealPath(Path.GetFullPath(target, Path.GetDirectoryName(here)!), 1) : here;
    }

    private string RealPath(string path, int hops)
    {
        if (hops > 64)
        {
            return path;
        }

        var parent = Path.GetDirectoryName(path);
        if (parent is null)
        {
            return path;
        }

        var here = Path.Combine(RealFolder(parent, hops + 1), Path.GetFileName(path));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        return info.LinkTarget is { } target ? RealPath(Path.GetFullPath(target, Path.GetDirectoryName(here)!), hops + 1) : here;
    }

    // Folders resolved once per scan: a monorepo of 20,000 files has a few thousand folders, each a chain of parents.
    private readonly Dictionary<string, string> _realFolders = new(StringComparer.Ordinal);

    /// <summary>The real path of a folder, worked out once.</summary>
    public string Folder(string folder) => RealFolder(folder, 0);

    /// <summary>
    /// Tells of a subfolder the walk is entering, found no symlink itself: its real path is its parent's and its name,
    /// known without system calls when the parent's is. A folder that is its own real path has subfolders that are
    /// theirs: no new string for each (bench/SCALE.md round 14).
    /// </summary>
    public void EnterFolder(string parent, string sub)
    {
        if (_realFolders.TryGetValue(parent, out var realParent))
        {
            _realFolders[sub] = ReferenceEquals(realParent, parent) || (realParent == parent && Path.GetDirectoryName(sub.AsSpan()).SequenceEqual(parent))
                ? sub : Path.Combine(realParent, Path.GetFileName(sub));
        }
    }

    private string RealFolder(string folder, int hops)
    {
        if (_realFolders.TryGetValue(folder, out var real))
        {
            return real;
        }

        real = RealPath(folder, hops);
        _realFolders[folder] = real;
        return real;
    }
}
