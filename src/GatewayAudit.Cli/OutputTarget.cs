using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary>
/// A file a report or baseline must never replace, and what it is to the run ("a scanned input", "the template");
/// <paramref name="ReadAs"/>: the file the run read there (device and inode of the handle read), when the read told it.
/// </summary>
public sealed record ProtectedFile(string FullPath, string Role, FileId? ReadAs = null);

/// <summary>
/// Decides whether <c>--output</c> may be replaced. A report replaces only a regular file the user meant: never a
/// device, FIFO or socket (renaming over <c>/dev/null</c> as root replaces the device node), never a symbolic link,
/// and never a file that is, through any path (symlink, hard link, other letter case), one the run reads: a scanned
/// input, the template, the baseline, the DPA, the settings, a policy or catalog file. Standard output stays the way to
/// discard a report.
/// </summary>
public static class OutputTarget
{
    private const int MaxListedFolderFiles = 10_000;

    /// <summary>Why <paramref name="fullPath"/> must not be written, or null when it may.</summary>
    public static string? Refusal(string fullPath, string shownPath, IEnumerable<ProtectedFile> protectedFiles)
    {
        var itself = FileIdentity.KindOf(fullPath, followLinks: false);
        if (itself == FileKind.Missing)
        {
            return null;
        }

        if (itself == FileKind.SymbolicLink)
        {
            return $"{shownPath}: is a symbolic link; name the file itself (nothing was written)";
        }

        if (itself is not (FileKind.Regular or FileKind.Directory))
        {
            return $"{shownPath}: is {FileIdentity.Describe(itself)}; a report only replaces a regular file (leave out --output to print it, " +
                "or redirect standard output); nothing was written";
        }

        // A scanned input is compared by the identity of the file its text was read from, known since the read: asking
        // the kernel again for every input was a status call per file read (3,200 at 1,000 configs; bench/SCALE.md
        // round 16). A file read, then replaced under the same path, is still refused by that path. Files without a
        // recorded identity (the template, baseline, settings, policies; any input where .NET read it) are asked.
        var id = FileIdentity.IdOf(fullPath);
        string? key = null;
        var clash = protectedFiles.FirstOrDefault(p => id is { } target && p.ReadAs is { } readAs
            ? readAs == target || string.Equals(p.FullPath, fullPath, StringComparison.Ordinal)
            : (key ??= FileIdentity.KeyOf(fullPath)) is { } k && FileIdentity.KeyOf(p.FullPath) == k);
        return clash is null ? null
            : $"{shownPath}: is {clash.Role} of this run{(SamePath(clash.FullPath, fullPath) ? "" : $" ({clash.FullPath}, through a link or another spelling)")}; " +
                "a report never replaces what it was made from; nothing was written";
    }

    /// <summary>Every file this audit read or was told to read, besides the scanned inputs given.</summary>
    public static IReadOnlyList<ProtectedFile> Of(AuditOptions options, IEnumerable<(string File, FileId? ReadAs)> scannedInputs, string? templatePath)
    {
        string Full(string path) => Path.GetFullPath(path, options.WorkingDirectory);
        var files = scannedInputs.Select(i => new ProtectedFile(Full(i.File), "a scanned input", i.ReadAs)).ToList();
        if (templatePath is not null)
        {
            files.Add(new ProtectedFile(Full(templatePath), "the template"));
        }

        if (options.BaselinePath is { } baseline)
        {
            files.Add(new ProtectedFile(Full(baseline), "the baseline"));
        }

        if (options.DpaPath is { } dpa)
        {
            files.Add(new ProtectedFile(Full(dpa), "the DPA declaration"));
        }

        if ((options.SettingsPath is { } settings ? Full(settings) : PolicyFindings.FindSettingsFile(options)) is { } settingsPath)
        {
            files.Add(new ProtectedFile(settingsPath, "the settings file"));
        }

        files.AddRange(FilesUnder(options.PolicyDirs.Select(Full)).Select(f => new ProtectedFile(f, "a policy file")));
        files.AddRange(FilesUnder(options.CatalogDirs.Select(Full)).Select(f => new ProtectedFile(f, "a catalog file")));
        return files;
    }

    private static IEnumerable<string> FilesUnder(IEnumerable<string> folders) => folders
        .Where(Directory.Exists)
        .SelectMany(folder =>
        {
            try
            {
                return Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Take(MaxListedFolderFiles).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [];
            }
        });

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
