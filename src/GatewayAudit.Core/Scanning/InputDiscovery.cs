using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Expands the paths a user gave into input files. Named files are always read; folders are walked for files
/// whose name some reader takes (by ending, or by name for Dockerfile and requirements.txt), skipping build
/// output and dependency folders and what the folders' .gitignore files ignore. Source code is read only when it is
/// the project's own (not vendored, test, generated or minified: <see cref="SourceFilePolicy"/>) and a source reader's
/// cheap pre-filter finds something it knows in it. Every other file in a walked folder is listed in
/// <see cref="NotRead"/> with the reason, so the report shows what the scan passed over instead of silently dropping it.
/// </summary>
public sealed partial class InputDiscovery(IReadOnlyList<IConfigReader> readers, string workingDirectory)
{
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "bin", "obj", "node_modules", ".venv", "venv", "__pycache__", ".idea", ".vs", ".terraform", ".tox",
    };

    // Endings offered to readers that recognise a file by its content (gateway JSON), not by its name.
    private static readonly HashSet<string> ReadByContent = new(StringComparer.OrdinalIgnoreCase) { ".json" };

    public const int MaxFiles = 20_000;

    /// <summary>
    /// All inputs of one scan together hold at most this many bytes: each file is bounded by <see cref="InputText.MaxBytes"/>,
    /// and this bounds many of them (a folder of large generated YAML) so memory stays bounded too.
    /// </summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>The budget of this discovery (<see cref="MaxTotalBytes"/> unless a caller sets a smaller one).</summary>
    public long TotalBudget { get; init; } = MaxTotalBytes;

    /// <summary>Told of each file offered to the readers as it is read: files read, how many in all, its folder.</summary>
    public IProgress<ScanProgress>? Progress { get; init; }

    /// <summary>At most this many passed-over files are listed one by one; the rest are counted in a warning.</summary>
    public const int MaxListedNotRead = 1_000;

    /// <summary>
    /// Files found in the walked folders that no reader takes by name, with why they were not read, in path order;
    /// filled by <see cref="Discover"/>.
    /// </summary>
    public List<ScannedInput> NotRead { get; } = [];

    public List<InputFile> Discover(IEnumerable<string> paths, List<Diagnostic> diagnostics)
    {
        var candidates = new List<Candidate>();
        var firstFolder = (string?)null;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                candidates.Add(new(full, Display(full), Named: true, Offered: true, null));
            }
            else if (Directory.Exists(full))
            {
                firstFolder ??= full;
                var (offered, passedOver) = Walk(full, diagnostics);
                var below = new ShownBelow(full, Display(full), Display);
                candidates.EnsureCapacity(candidates.Count + offered.Count + passedOver.Count);
                foreach (var f in offered)
                {
                    candidates.Add(new Candidate(f.Path, below.Of(f.Path), Named: false, Offered: true, null, f.SourceOnly, f.NotLink, f.SizeAtRead, f.Beside));
                }

                foreach (var f in passedOver)
                {
                    candidates.Add(new Candidate(f.Path, below.Of(f.Path), Named: false, Offered: false, f.Reason));
                }
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
        var seen = new HashSet<string>(candidates.Count, StringComparer.Ordinal); // sized once: each candidate adds at most one
        // Of two paths to one file, the one without hidden folders wins (config.yaml over ..2026_11_25/config.yaml
        // in a ConfigMap mount), then the named one, then path order.
        var notRead = new List<(string File, string Reason)>(candidates.Count);
        var sourceFiles = 0;
        var totalChars = 0L;
        var (toRead, read) = (candidates.Count(c => c.Offered), 0);
        foreach (var (full, shown, named, offered, reason, sourceOnly, notLink, sizeAtRead, beside) in InReadingOrder(candidates))
        {
            // Only a file that will be read is resolved to its real path (one input per file); one passed over is
            // listed under the path it was found at.
            if (!offered)
            {
                if (seen.Add(full))
                {
                    notRead.Add((shown, reason ?? NotReadReasonOnce(shown)));
                }

                continue;
            }

            var real = notLink ? _real.OfFile(full) : _real.Of(full);
            if (!seen.Add(real))
            {
                // Another path to a file met before. A data file is still listed under this path, as when the walk asked
                // every .json file's size (rare: two paths to one large .json, one through a symlinked folder).
                if (sizeAtRead && IsDataFile(full) && seen.Add(full))
                {
                    notRead.Add((shown, DataFile));
                }

                continue;
            }

            Progress?.Report(new ScanProgress(++read, toRead, Path.GetDirectoryName(shown) is { Length: > 0 } folder ? folder : "."));

            if (sourceOnly)
            {
                string? why, source = null;
                FileId? sourceReadAs = null;
                if (++sourceFiles > SourceFilePolicy.MaxFiles)
                {
                    why = $"beyond the first {SourceFilePolicy.MaxFiles:N0} source files of this scan; name a smaller folder";
                }
                else
                {
                    // A string is made only of a file some reader may recognise: most are passed over once read.
                    var decoded = SourceFilePolicy.ReadDecoded(full, regularFile: notLink);
                    (why, sourceReadAs) = (decoded.Reason, decoded.ReadAs);
                    totalChars += decoded.Text.Length;
                    source = why is null && decoded.HasText && SomeReaderMayRecognize(full, decoded.Text) ? decoded.TextString() : null;
                    why ??= source is null ? NoneRecognizes : null;
                }

                if (totalChars > TotalBudget)
                {
                    diagnostics.Add(OverBudget(shown));
                    break;
                }

                var file = source is null ? null : new InputFile(shown, full, source, namedExplicitly: false) { ReadAs = sourceReadAs };
                why ??= SomeReaderRecognizes(file!) ? null : NoneRecognizes;
                if (why is null)
                {
                    files.Add(file!);
                }
                else
                {
                    notRead.Add((shown, why));
                }

                continue;
            }

            var (text, readAs, overSize) = InputText.ReadInput(full, shown, diagnostics, walked: !named, regularFile: notLink, tooLargeIsData: sizeAtRead);
            if (overSize > 0)
            {
                // A .json file too large to be a config, told by the read's own size: passed over as the walk would have,
                // listed under the path it was found at.
                seen.Remove(real);
                if (seen.Add(full))
                {
                    notRead.Add((shown, DataFile));
                }

                continue;
            }

            if (text is not null)
            {
                if ((totalChars += text.Length) > TotalBudget)
                {
                    diagnostics.Add(OverBudget(shown));
                    break;
                }

                files.Add(new InputFile(shown, full, text, named) { ReadAs = readAs, Beside = beside });
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        notRead.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        NotRead.AddRange(notRead.Take(MaxListedNotRead).Select(f => new ScannedInput(f.File, "none", f.Reason)));
        if (notRead.Count > MaxListedNotRead)
        {
            diagnostics.Add(Diagnostic.Warning("input-not-read-many",
                $"{notRead.Count - MaxListedNotRead:N0} more files of types gateway-audit does not read are not listed (the first {MaxListedNotRead:N0} in path order are); name a smaller folder to see them all",
                new SourceLocation(Display(firstFolder!), 0)));
        }

        return files;
    }

    /// <summary>
    /// The walked files the scan passed over (<see cref="NotRead"/>, plus <paramref name="unrecognised"/>: files offered
    /// to the readers by their ending that none recognised), in path order, at most <see cref="MaxListedNotRead"/>.
    /// </summary>
    public IReadOnlyList<ScannedInput> PassedOver(IEnumerable<ScannedInput> unrecognised, List<Diagnostic> diagnostics)
    {
        var all = NotRead.Concat(unrecognised).OrderBy(i => i.File, StringComparer.Ordinal).ToList();
        if (all.Count > MaxListedNotRead && !diagnostics.Any(d => d.Code == "input-not-read-many"))
        {
            diagnostics.Add(Diagnostic.Warning("input-not-read-many",
                $"{all.Count - MaxListedNotRead:N0} more files gateway-audit does not read are not listed (the first {MaxListedNotRead:N0} in path order are); name a smaller folder to see them all",
                new SourceLocation(Display(workingDirectory), 0)));
        }

        return all.Take(MaxListedNotRead).ToList();
    }

    private Diagnostic OverBudget(string shown) => Diagnostic.Error("input-budget",
        $"the inputs read up to this one hold more than {TotalBudget / (1024.0 * 1024.0):0.#} MiB together; the rest is not read: name a smaller folder",
        new SourceLocation(shown, 0));

    /// <summary>Why a walked file was not read: no reader takes its name.</summary>
    public static string NotReadReason(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length > 1 && !Path.GetFileName(path).StartsWith(extension, StringComparison.Ordinal)
            ? $"no reader for {extension} files"
            : "no reader for this file name";
    }

    // The reason of each ending made once: a monorepo passes over thousands of .md and .txt files (bench/SCALE.md round 14).
    private readonly Dictionary<string, string> _notReadReasons = new(StringComparer.Ordinal);

    private string NotReadReasonOnce(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Length <= 1 || Path.GetFileName(path.AsSpan()).StartsWith(extension, StringComparison.Ordinal))
        {
            return NotReadReason(path);
        }

        if (!_notReadReasons.TryGetValue(extension, out var reason))
        {
            _notReadReasons[extension] = reason = NotReadReason(path);
        }

        return reason;
    }

    /// <summary>
    /// A path as discovery found it: named by the user or walked, and what the walk already knows of it. <c>SizeAtRead</c>:
    /// a plain .json file whose size the read tells (a data file is passed over then); <c>Beside</c>: what the walk
    /// listed in its folder of the names the stack assembly asks about.
    /// </summary>
    private sealed record Candidate(string Full, string Shown, bool Named, bool Offered, string? Reason, bool SourceOnly = false, bool NotLink = false,
        bool SizeAtRead = false, ListedBeside? Beside = null);

    private const string NoneRecognizes = "source code naming no known model provider, gateway or observability SDK, host or API path (not tokenised)";

    // Made once (bench/SCALE.md round 14).
    private static readonly string DataFile = $"larger than {InputText.MaxBytes / (1024 * 1024)} MiB: a data file, not a gateway config";

    /// <summary>Whether a file offered by its ending to readers that look inside it (every .json) is too large to be a config: a data file.</summary>
    private static bool IsDataFile(string path) => new FileInfo(path) is { Exists: true, Length: > InputText.MaxBytes };

    /// <summary>True when a part of the shown path (a folder or the file itself) begins with a dot, as ".git" or "..2026_11_25".</summary>
    private static bool InHiddenFolder(string shown)
    {
        var start = 0;
        while (start <= shown.Length)
        {
            var end = shown.IndexOf('/', start);
            var part = shown.AsSpan(start, (end < 0 ? shown.Length : end) - start);
            if (part.Length > 0 && part[0] == '.' && !part.SequenceEqual(".") && !part.SequenceEqual(".."))
            {
                return true;
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return false;
    }

    /// <summary>Paths in output are relative to the working folder, with forward slashes, so reports are portable.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    // Real paths of what the walk met, worked out once per folder.
    private readonly RealPaths _real = new();

    private (List<(string Path, bool SourceOnly, bool NotLink, bool SizeAtRead, ListedBeside Beside)> Offered, List<(string Path, string? Reason)> PassedOver) Walk(
        string root, List<Diagnostic> diagnostics)
    {
        var found = new List<(string Path, bool SourceOnly, bool NotLink, bool SizeAtRead, ListedBeside Beside)>();
        var sizesAsked = 0; // found[..sizesAsked] hold no .json whose size is left to the read (see DataFilesAmong)
        var configs = 0;
        var passedOver = new List<(string, string?)>();
        var pending = new Stack<(string Folder, GitIgnoreRules Ignore)>();
        pending.Push((root, GitIgnoreRules.None));
        var readByContent = ReadByContent.GetAlternateLookup<ReadOnlySpan<char>>();
        var ignoredFolders = IgnoredFolders.GetAlternateLookup<ReadOnlySpan<char>>();
        Func<string, string> display = Display; // one delegate for the walk, not one per folder
        try
        {
            // The root's real path, from which the walk knows each folder's below it.
            _ = Path.TrimEndingDirectorySeparator(root) == root ? _real.Folder(root) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left to be resolved file by file, as any folder the walk could not tell.
        }

        while (pending.Count > 0)
        {
            var (folder, inherited) = pending.Pop();
            try
            {
                var (files, subfolders) = FolderListing.Of(folder);
                var ignore = inherited.Enter(folder, display, diagnostics, listed: files.Exists(f => f.Path.EndsWith("/.gitignore", StringComparison.Ordinal)));
                var beside = ListedBeside.Of(files);
                var (folderJudged, folderVerdict) = (false, (string?)null); // SourceFilePolicy.ByFolders, once per folder
                if ((files.Exists(f => f.Path.EndsWith("/.git", StringComparison.Ordinal)) || subfolders.Exists(f => f.Path.EndsWith("/.git", StringComparison.Ordinal)))
                    && GitTrackedFiles.Read(folder, display, diagnostics) is { } tracked)
                {
                    ignore = ignore.Tracking(tracked); // a work tree's root: what git tracks is read whatever .gitignore says
                }

                foreach (var (file, listedKind) in files)
                {
                    // A symlinked file is read when it points at a file (Kubernetes ConfigMap mounts are symlinks);
                    // a dangling link is reported, not dropped. Symlinked folders are still not followed (below).
                    var name = Path.GetFileName(file.AsSpan());
                    if (ignore.Ignores(file, isFolder: false))
                    {
                        passedOver.Add((file, "ignored by .gitignore"));
                        continue;
                    }

                    var takers = TakersOf(name);
                    if (takers == Takers.None)
                    {
                        passedOver.Add((file, null));
                        continue;
                    }

                    // A FIFO, socket or device under a config's name (a symlink to /dev/zero as values.yaml) is passed
                    // over: opening a FIFO blocks and a device never ends. The folder's listing tells a plain file (most of
                    // them) where the file system says, else one status call does; only a symlink is followed.
                    var own = listedKind ?? FileIdentity.KindOf(file, followLinks: false);
                    if ((own == FileKind.SymbolicLink ? FileIdentity.KindOf(file) : own) is var kind and not (FileKind.Regular or FileKind.Missing))
                    {
                        passedOver.Add((file, $"{FileIdentity.Describe(kind)}, not a regular file; not read"));
                        continue;
                    }

                    var sourceOnly = takers == Takers.SourceOnly;
                    if (sourceOnly)
                    {
                        ReadOnlySpan<char> below = ShownBelow.TryTail(root, file, out var tail) ? tail : Path.GetRelativePath(root, file);
                        var cut = below.LastIndexOfAny('/', '\\') + 1;
                        if (!folderJudged)
                        {
                            (folderJudged, folderVerdict) = (true, SourceFilePolicy.ByFolders(below[..cut]));
                        }

                        if ((folderVerdict ?? SourceFilePolicy.ByName(below[cut..])) is { } reason)
                        {
                            passedOver.Add((file, reason));
                            continue;
                        }
                    }

                    // A file offered by its ending to readers that look inside it (every .json) and too large to be a
                    // config is a data file: passed over with the reason rather than refused. A plain file's size is
                    // the one its read reports (Discover), which costs no status call per .json file here.
                    var readInside = readByContent.Contains(Path.GetExtension(name));
                    if (readInside && own != FileKind.Regular && IsDataFile(file))
                    {
                        passedOver.Add((file, DataFile));
                        continue;
                    }

                    configs += sourceOnly ? 0 : 1;

                    if (own == FileKind.Regular)
                    {
                        found.Add((file, sourceOnly, NotLink: true, SizeAtRead: readInside, beside));
                    }
                    else if ((File.GetAttributes(file) & FileAttributes.ReparsePoint) == 0 || new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true) is { Exists: true })
                    {
                        found.Add((file, sourceOnly, NotLink: false, SizeAtRead: false, beside));
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Warning("input-dangling-link", "symbolic link to a file that does not exist; skipped", new SourceLocation(Display(file), 0)));
                    }
                }

                foreach (var (sub, link) in subfolders)
                {
                    // Symlinked folders are not followed: they can loop and can leave the tree the user named. A folder
                    // .gitignore ignores is listed once, not walked.
                    if (ignoredFolders.Contains(Path.GetFileName(sub.AsSpan())) || (link ?? (File.GetAttributes(sub) & FileAttributes.ReparsePoint) != 0))
                    {
                        continue;
                    }

                    if (ignore.Ignores(sub, isFolder: true))
                    {
                        passedOver.Add((sub + "/", "folder ignored by .gitignore; not walked"));
                        continue;
                    }

                    var inner = ignore.IgnoresButTracks(sub) ? ignore.OnlyTracked() : ignore;

                    // The folder is no symlink (above), so its real path is its parent's and its name: no system
                    // calls to resolve it when a file in it is read (RealPaths.OfFile).
                    _real.EnterFolder(folder, sub);

                    pending.Push((sub, inner));
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                diagnostics.Add(Diagnostic.Error("input-unreadable", "cannot list this folder: permission denied or I/O error", new SourceLocation(Display(folder), 0)));
            }

            // Over the limit, the .json files whose size was left to the read are asked now: a data file never counted.
            if (configs > MaxFiles && (configs -= DataFilesAmong(found, passedOver, ref sizesAsked)) > MaxFiles)
            {
                diagnostics.Add(Diagnostic.Error("input-too-many", $"more than {MaxFiles:N0} candidate files; name a smaller folder", new SourceLocation(Display(root), 0)));
                return ([], []);
            }
        }

        // Not sorted here: the reading order sorts every candidate by shown path, and two walked files of one root never
        // share a shown path, so the order they were found in decides nothing (sorting them by full path first was
        // 22 million instructions at 1,000 configs; bench/SCALE.md round 18).
        return (found, passedOver);
    }

    /// <summary>
    /// How many of the files found since <paramref name="asked"/> are .json data files (<see cref="IsDataFile"/>), moved
    /// to <paramref name="passedOver"/> as the walk once did file by file; only when a walk goes over
    /// <see cref="MaxFiles"/>, so the limit counts exactly what it counted when each size was asked while walking.
    /// </summary>
    private static int DataFilesAmong(List<(string Path, bool SourceOnly, bool NotLink, bool SizeAtRead, ListedBeside Beside)> found,
        List<(string, string?)> passedOver, ref int asked)
    {
        var moved = 0;
        for (var i = found.Count - 1; i >= asked; i--)
        {
            var f = found[i];
            if (!f.SizeAtRead)
            {
                continue;
            }

            if (IsDataFile(f.Path))
            {
                passedOver.Add((f.Path, DataFile));
                found.RemoveAt(i);
                moved++;
            }
            else
            {
                found[i] = f with { SizeAtRead = false };
            }
        }

        asked = found.Count;
        return moved;
    }
}
