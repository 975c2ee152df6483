using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Expands the paths a user gave into input files. Named files are always read; folders are walked for files
/// whose name some reader takes (by ending, or by name for Dockerfile and requirements.txt), skipping build
/// output and dependency folders. Every other file in a walked folder is listed in <see cref="NotRead"/> (not
/// opened), so the report shows what the scan passed over instead of silently dropping it.
/// </summary>
public sealed class InputDiscovery(IReadOnlyList<IConfigReader> readers, string workingDirectory)
{
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "bin", "obj", "node_modules", ".venv", "venv", "__pycache__", ".idea", ".vs", ".terraform", ".tox",
    };

    public const int MaxFiles = 20_000;

    // Endings offered to readers that recognise a file by its content (gateway JSON), not by its name: a walked file of
    // such an ending above the size limit is a data file, passed over with the reason rather than refused.
    private static readonly HashSet<string> ReadByContent = new(StringComparer.OrdinalIgnoreCase) { ".json" };

    private readonly HashSet<string> _tooLarge = new(StringComparer.Ordinal);

    /// <summary>At most this many passed-over files are listed one by one; the rest are counted in a warning.</summary>
    public const int MaxListedNotRead = 1_000;

    /// <summary>
    /// Files found in the walked folders that no reader takes by name (or too large to look into), with why they were
    /// not read, in path order; filled by <see cref="Discover"/>. <see cref="PassedOver"/> lists them for the report.
    /// </summary>
    public List<ScannedInput> NotRead { get; } = [];

    public List<InputFile> Discover(IEnumerable<string> paths, List<Diagnostic> diagnostics)
    {
        var candidates = new List<(string Full, bool Named, bool Offered)>();
        var firstFolder = (string?)null;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                candidates.Add((full, true, true));
            }
            else if (Directory.Exists(full))
            {
                firstFolder ??= full;
                var (offered, passedOver) = Walk(full, diagnostics);
                candidates.AddRange(offered.Select(f => (f, false, true)));
                candidates.AddRange(passedOver.Select(f => (f, false, false)));
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("input-missing", "no such file or folder", new SourceLocation(Display(full), 0)));
            }
        }

        // The order paths are named in must not change the report: files are read in path order, and a file reached
        // twice (named and inside a named folder, or through a symlink) is read once, under the first path. Named
        // beats walked for the same path, so an unrecognised file the user named is still warned about.
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Of two paths to one file, the one without hidden folders wins (config.yaml over ..2026_11_25/config.yaml
        // in a ConfigMap mount), then the named one, then path order.
        var notRead = new List<string>();
        foreach (var (full, named, offered) in candidates.OrderBy(c => Display(c.Full).Split('/').Any(p => p.StartsWith('.') && p is not ("." or "..")) ? 1 : 0)
                     .ThenBy(c => c.Named ? 0 : 1).ThenBy(c => Display(c.Full), StringComparer.Ordinal))
        {
            var real = RealPath(full, 0);
            if (!seen.Add(real))
            {
                continue;
            }

            var shown = Display(full);
            if (!offered)
            {
                notRead.Add(shown);
                continue;
            }

            var text = InputText.Read(full, shown, diagnostics);
            if (text is not null)
            {
                files.Add(new InputFile(shown, full, text, named));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        notRead.Sort(StringComparer.Ordinal);
        NotRead.AddRange(notRead.Select(f => new ScannedInput(f, "none", _tooLarge.Contains(f)
            ? $"larger than {InputText.MaxBytes / (1024 * 1024)} MiB: a data file, not a gateway config"
            : NotReadReason(f))));
        _firstFolder = firstFolder;
        return files;
    }

    private string? _firstFolder;

    /// <summary>
    /// The walked files the scan passed over (<see cref="NotRead"/>, plus <paramref name="unrecognised"/>: files offered
    /// to the readers that none recognised), in path order, at most <see cref="MaxListedNotRead"/> of them; a warning
    /// counts the rest.
    /// </summary>
    public IReadOnlyList<ScannedInput> PassedOver(IEnumerable<ScannedInput> unrecognised, List<Diagnostic> diagnostics)
    {
        var all = NotRead.Concat(unrecognised).OrderBy(i => i.File, StringComparer.Ordinal).ToList();
        if (all.Count > MaxListedNotRead)
        {
            diagnostics.Add(Diagnostic.Warning("input-not-read-many",
                $"{all.Count - MaxListedNotRead:N0} more files of types gateway-audit does not read are not listed (the first {MaxListedNotRead:N0} in path order are); name a smaller folder to see them all",
                new SourceLocation(Display(_firstFolder ?? workingDirectory), 0)));
        }

        return all.Take(MaxListedNotRead).ToList();
    }

    /// <summary>Why a walked file was not read: no reader takes its name.</summary>
    public static string NotReadReason(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length > 1 && !Path.GetFileName(path).StartsWith(extension, StringComparison.Ordinal)
            ? $"no reader for {extension} files"
            : "no reader for this file name";
    }

    /// <summary>The path with every symlink on the way resolved (realpath), so one file is one input; best effort.</summary>
    private static string RealPath(string path, int hops)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || hops > 64)
        {
            return full;
        }

        var realParent = RealPath(parent, hops + 1);
        var here = Path.Combine(realParent, Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        return info.LinkTarget is { } target ? RealPath(Path.GetFullPath(target, realParent), hops + 1) : here;
    }

    /// <summary>Paths in output are relative to the working folder, with forward slashes, so reports are portable.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    private bool Offered(string fileName) => readers.Any(r => r.OffersFileName(fileName));

    private bool TooLargeToSniff(string file)
    {
        if (!ReadByContent.Contains(Path.GetExtension(file)) || new FileInfo(file) is not { Exists: true, Length: > InputText.MaxBytes })
        {
            return false;
        }

        _tooLarge.Add(Display(file));
        return true;
    }

    private (List<string> Offered, List<string> PassedOver) Walk(string root, List<Diagnostic> diagnostics)
    {
        var found = new List<string>();
        var passedOver = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    // A symlinked file is read when it points at a file (Kubernetes ConfigMap mounts are symlinks);
                    // a dangling link is reported, not dropped. Symlinked folders are still not followed (below).
                    if (!Offered(Path.GetFileName(file)) || TooLargeToSniff(file))
                    {
                        passedOver.Add(file);
                        continue;
                    }

                    if ((File.GetAttributes(file) & FileAttributes.ReparsePoint) == 0 || new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true) is { Exists: true })
                    {
                        found.Add(file);
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Warning("input-dangling-link", "symbolic link to a file that does not exist; skipped", new SourceLocation(Display(file), 0)));
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
                return ([], []);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return (found, passedOver);
    }
}
