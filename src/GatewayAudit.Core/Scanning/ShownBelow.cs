namespace GatewayAudit.Core.Scanning;

/// <summary>
/// The shown (report) paths of what a walk found below one folder, made from the folder's shown path and each path's
/// part below the folder: what <see cref="InputDiscovery.Display"/> gives, without working out every file's path
/// relative to the working folder anew (22,000 files at 10,000 configs; bench/SCALE.md round 14).
/// </summary>
internal sealed class ShownBelow(string folder, string folderShown, Func<string, string> display)
{
    // A folder outside the working folder (or above it) is shown by its full path, and files below it may be shown
    // relative again (the working folder inside it): those are left to the display function.
    private readonly string? _prefix = Path.IsPathRooted(folderShown) ? null
        : folderShown.TrimEnd('/') is var trimmed && trimmed is "" or "." ? "" : trimmed + "/";

    /// <summary>The path as <paramref name="display"/> shows it.</summary>
    public string Of(string path)
    {
        // Below the working folder itself, a name beginning ".." (a ConfigMap mount's "..2026_11_25") makes a relative
        // path that looks like one going up, which the display shows in full.
        if (_prefix is null || !TryTail(folder, path, out var tail) || (_prefix.Length == 0 && tail.StartsWith("..", StringComparison.Ordinal)))
        {
            return display(path);
        }

        var shown = _prefix.Length == 0 ? tail.ToString() : string.Concat(_prefix, tail);
        return shown.Replace('\\', '/');
    }

    /// <summary>
    /// The part of <paramref name="path"/> below <paramref name="folder"/>, as <see cref="Path.GetRelativePath"/> gives it
    /// for a path a walk made by appending names to the folder; false for any other path (and a folder's own path
    /// ending in a separator), which callers work out the long way.
    /// </summary>
    public static bool TryTail(string folder, string path, out ReadOnlySpan<char> tail)
    {
        tail = default;
        if (path.Length <= folder.Length || !path.StartsWith(folder, StringComparison.Ordinal) || Path.EndsInDirectorySeparator(path))
        {
            return false;
        }

        var rest = path.AsSpan(folder.Length);
        if (!Path.EndsInDirectorySeparator(folder) && rest[0] != Path.DirectorySeparatorChar && rest[0] != Path.AltDirectorySeparatorChar)
        {
            return false; // "/repo" and "/repository/x": not below
        }

        while (rest.Length > 0 && (rest[0] == Path.DirectorySeparatorChar || rest[0] == Path.AltDirectorySeparatorChar))
        {
            rest = rest[1..];
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        tail = rest;
        return true;
    }
}
