namespace GatewayAudit.Core.Scanning;

/// <summary>One folder's entries as the walk needs them: its files and its folders, and what the listing already tells of each.</summary>
internal static class FolderListing
{
    // What Directory.EnumerateFiles and EnumerateDirectories list (every entry, hidden ones too; a symlink to a folder
    // counts as a folder), in the order they list it, from one pass over the folder instead of two: at 22,000 files in
    // 12,000 folders the second pass was a third of the walk (bench/SCALE.md round 8).
    // The entries of the folder being listed, one list per thread reused from folder to folder (bench/SCALE.md round 18).
    [ThreadStatic]
    private static List<(string Path, FileKind? Kind)>? t_listed;

    private static readonly EnumerationOptions EveryEntry = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };

    /// <summary>
    /// The folder's files, each with its kind where the listing states it (else null, and the walk asks), and its
    /// folders, each with whether it is a symlink where known (else null). On 64-bit Linux the directory entries' own
    /// type says it, so a plain file or folder costs no status call (<see cref="PosixFiles"/>, bench/SCALE.md round 10).
    /// </summary>
    public static (List<(string Path, FileKind? Kind)> Files, List<(string Path, bool? Link)> Folders) Of(string folder)
    {
        var listed = t_listed ??= [];
        listed.Clear(); // a listing that threw part way left its entries
        if (PosixFiles.ListInto(folder, listed))
        {
            var subfolders = 0;
            foreach (var (_, kind) in listed)
            {
                subfolders += kind == FileKind.Directory ? 1 : 0;
            }

            var (listedFiles, listedFolders) = (new List<(string, FileKind?)>(listed.Count - subfolders), new List<(string, bool?)>(subfolders));
            foreach (var (path, kind) in listed)
            {
                switch (kind)
                {
                    case FileKind.Directory:
                        listedFolders.Add((path, false));
                        break;
                    case FileKind.SymbolicLink when Directory.Exists(path):
                        listedFolders.Add((path, true));
                        break;
                    case null when Directory.Exists(path):
                        listedFolders.Add((path, null));
                        break;
                    default:
                        listedFiles.Add((path, kind));
                        break;
                }
            }

            listed.Clear();
            return (listedFiles, listedFolders);
        }

        var (files, folders) = (new List<(string, FileKind?)>(), new List<(string, bool?)>());
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
