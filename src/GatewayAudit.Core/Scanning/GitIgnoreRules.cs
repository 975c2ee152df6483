using GatewayAudit.Core.Model;
using MAB.DotIgnore;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// The .gitignore files that apply inside a folder: each folder's own rules (MAB.DotIgnore, which follows git's
/// pattern semantics) on top of its parents'. A path any of them ignores is not read. Not modelled: a deeper file's
/// <c>!pattern</c> re-including what a parent's file ignored, <c>.git/info/exclude</c> and global excludes.
/// </summary>
public sealed class GitIgnoreRules
{
    private readonly List<(string Folder, IgnoreList Rules)> _chain;

    private GitIgnoreRules(List<(string Folder, IgnoreList Rules)> chain) => _chain = chain;

    public static GitIgnoreRules None { get; } = new([]);

    /// <summary>These rules plus the folder's own .gitignore, if it has one; a .gitignore that cannot be read is a warning.
    /// <paramref name="listed"/>: whether the folder's listing has a .gitignore that is not a folder (when false, the
    /// file system is not asked: one system call per folder of a monorepo walk).</summary>
    public GitIgnoreRules Enter(string folder, Func<string, string> display, List<Diagnostic> diagnostics, bool listed = true)
    {
        var file = Path.Combine(folder, ".gitignore");
        if (!listed || !File.Exists(file))
        {
            return this;
        }

        try
        {
            return new GitIgnoreRules([.. _chain, (folder, new IgnoreList(file))]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            diagnostics.Add(Diagnostic.Warning("gitignore-unreadable", $"cannot read this .gitignore ({e.GetType().Name}); its rules are not applied", new SourceLocation(display(file), 0)));
            return this;
        }
    }

    /// <summary>True when a .gitignore of the path's folder or one above it (within the walk) ignores it.</summary>
    public bool Ignores(string fullPath, bool isFolder)
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
