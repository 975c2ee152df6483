using GatewayAudit.Core.Model;
using MAB.DotIgnore;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// The .gitignore files that apply inside a folder: each folder's own rules (MAB.DotIgnore, which follows git's
/// pattern semantics) on top of its parents'. A path any of them ignores is not read, unless git tracks it
/// (<see cref="GitTrackedFiles"/>: as in git, .gitignore does not apply to tracked files); in a folder the rules ignore
/// but that holds tracked files, only those are read. Not modelled: a deeper file's <c>!pattern</c> re-including what a
/// parent's file ignored, <c>.git/info/exclude</c> and global excludes.
/// </summary>
public sealed class GitIgnoreRules
{
    private readonly List<(string Folder, IgnoreList Rules)> _chain;
    private readonly GitTrackedFiles? _tracked;
    private readonly bool _onlyTracked;

    private GitIgnoreRules(List<(string Folder, IgnoreList Rules)> chain, GitTrackedFiles? tracked = null, bool onlyTracked = false) =>
        (_chain, _tracked, _onlyTracked) = (chain, tracked, onlyTracked);

    public static GitIgnoreRules None { get; } = new([]);

    /// <summary>These rules plus the folder's own .gitignore, if it has one; a .gitignore that cannot be read is a warning.
    /// <paramref name="listed"/>: whether the folder's listing has a .gitignore that is not a folder (when false, the
    /// file system is not asked: one system call per folder of a monorepo walk).</summary>
    public GitIgnoreRules Enter(string folder, Func<string, string> display, List<Diagnostic> diagnostics, bool listed = true)
    {
        // The path is made only where the listing showed a .gitignore (a few folders of thousands).
        if (!listed || Path.Combine(folder, ".gitignore") is var file && !File.Exists(file))
        {
            return this;
        }

        try
        {
            return new GitIgnoreRules([.. _chain, (folder, new IgnoreList(file))], _tracked, _onlyTracked);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            diagnostics.Add(Diagnostic.Warning("gitignore-unreadable", $"cannot read this .gitignore ({e.GetType().Name}); its rules are not applied", new SourceLocation(display(file), 0)));
            return this;
        }
    }

    /// <summary>These rules, with the files git tracks in the repository whose work tree is this folder.</summary>
    public GitIgnoreRules Tracking(GitTrackedFiles tracked) => new(_chain, tracked, onlyTracked: false);

    /// <summary>The rules inside a folder they ignore but git tracks files in: only the tracked ones are read.</summary>
    public GitIgnoreRules OnlyTracked() => new(_chain, _tracked, onlyTracked: true);

    /// <summary>True when a .gitignore of the path's folder or one above it (within the walk) ignores it and git does not
    /// track it (for a folder: nothing below it).</summary>
    public bool Ignores(string fullPath, bool isFolder) =>
        _onlyTracked ? !_tracked!.Tracks(fullPath, isFolder) : IgnoredByRules(fullPath, isFolder) && _tracked?.Tracks(fullPath, isFolder) != true;

    /// <summary>True when the rules ignore a folder that git tracks files in: walked, reading only the tracked files.</summary>
    public bool IgnoresButTracks(string folder) =>
        !_onlyTracked && _tracked?.Tracks(folder, isFolder: true) == true && IgnoredByRules(folder, isFolder: true);

    private bool IgnoredByRules(string fullPath, bool isFolder)
    {
        foreach (var (folder, rules) in _chain)
        {
            var relative = Path.GetRelativePath(folder, fullPath).Replace('\\', '/');
            if (rules.IsIgnored(relative, isFolder))
            {
                return true;
            }
        }

        return false;
    }
}
