namespace GatewayAudit.Core.Scanning;

/// <summary>One folder's entries as the walk needs them: its files and its folders, and what the listing already tells of each.</summary>
internal static class FolderListing
{
    // What Directory.EnumerateFiles and EnumerateDirectories list (every entry, hidden ones too; a symlink to a folder
    // counts as a folder), in the order they list it, from one pass over the folder instead of two: at 22,000 files in
    // 12,000 folders the second pass was a third of the walk (bench/SCALE.md round 8).
    private static readonly EnumerationOptions EveryEntry = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    /// <summary>
    /// The folder's files, each with its kind where the listing states it (else null, and the walk asks), and its
    /// folders, each with whether it is a symlink where known (else null). On 64-bit Linux the directory entries' own
    /// type says it, so a plain file or folder costs no status call (<see cref="PosixFiles"/>, bench/SCALE.md round 10).
    /// </summary>
    public static (List<(string Path, FileKind? Kind)> Files, List<(string Path, bool? Link)> Folders) Of(string folder)
    {
        var (files, folders) = (new List<(string, FileKind?)>(), new List<(string, bool?)>());
        if (PosixFiles.List(folder) is { } listed)
        {
            foreach (var (path, kind) in listed)
            {
                switch (kind)
                {
                    case FileKind.Directory:
                        folders.Add((path, false));
                        break;
                    case FileKind.SymbolicLink when Directory.Exists(path):
                        folders.Add((path, true));
                        break;
                    case null when Directory.Exists(path):
                        folders.Add((path, null));
                        break;
                    default:
                        files.Add((path, kind));
                        break;
                }
            }

            return (files, folders);
        }

        var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool IsFolder)>(folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), entry.IsDirectory), EveryEntry);
        foreach (var (path, isFolder) in entries)
        {
            if (isFolder)
            {
                folders.Add((path, null));
            }
            else
            {
                files.Add((path, null));
            }
        }

        return (files, folders);
    }
}
