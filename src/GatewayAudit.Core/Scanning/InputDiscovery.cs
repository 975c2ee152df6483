using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Expands the paths a user gave into input files. Named files are always read; folders are walked for files
/// whose name some reader takes (by ending, or by name for Dockerfile and requirements.txt), skipping build
/// output and dependency folders.
/// </summary>
public sealed class InputDiscovery(IReadOnlyList<IConfigReader> readers, string workingDirectory)
{
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "bin", "obj", "node_modules", ".venv", "venv", "__pycache__", ".idea", ".vs", ".terraform", ".tox",
    };

    public const int MaxFiles = 20_000;

    public List<InputFile> Discover(IEnumerable<string> paths, List<Diagnostic> diagnostics)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                Add(full, namedExplicitly: true);
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Walk(full, diagnostics))
                {
                    Add(file, namedExplicitly: false);
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("input-missing", "no such file or folder", new SourceLocation(Display(full), 0)));
            }
        }

        return files;

        void Add(string full, bool namedExplicitly)
        {
            if (!seen.Add(full))
            {
                return;
            }

            var shown = Display(full);
            var text = InputText.Read(full, shown, diagnostics);
            if (text is not null)
            {
                files.Add(new InputFile(shown, full, text, namedExplicitly));
            }
        }
    }

    /// <summary>Paths in output are relative to the working folder, with forward slashes, so reports are portable.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    private bool Offered(string fileName) => readers.Any(r => r.OffersFileName(fileName));

    private IEnumerable<string> Walk(string root, List<Diagnostic> diagnostics)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    if (Offered(Path.GetFileName(file)) && (File.GetAttributes(file) & FileAttributes.ReparsePoint) == 0)
                    {
                        found.Add(file);
                    }
                }

                foreach (var sub in Directory.EnumerateDirectories(folder))
                {
                    // Symlinked folders are not followed: they can loop and can leave the tree the user named.
                    if (!IgnoredFolders.Contains(Path.GetFileName(sub)) && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                diagnostics.Add(Diagnostic.Error("input-unreadable", "cannot list this folder: permission denied or I/O error", new SourceLocation(Display(folder), 0)));
            }

            if (found.Count > MaxFiles)
            {
                diagnostics.Add(Diagnostic.Error("input-too-many", $"more than {MaxFiles:N0} candidate files; name a smaller folder", new SourceLocation(Display(root), 0)));
                return [];
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
