using GatewayAudit.Core.Stacks;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Which of the names the stack assembly asks about beside a file (the compose override files of
/// <see cref="ShownProxyEnvironment"/>) the walk's listing of that file's folder held as files, so the question is
/// answered from the listing instead of one failed lookup per name and compose file (800 at 1,000 configs;
/// bench/SCALE.md round 16). Every entry of the folder counts, whether the scan read it or not (one .gitignore ignores).
/// A file here is what <see cref="File.Exists"/> calls one: anything but a folder or a link to a folder, a dangling link
/// included, as <see cref="FolderListing"/> sorts them.
/// </summary>
public sealed class ListedBeside
{
    private static readonly HashSet<string> Asked = new(ShownProxyEnvironment.OverrideNames, StringComparer.Ordinal);
    private static readonly HashSet<string> AskedIgnoringCase = new(ShownProxyEnvironment.OverrideNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>A folder holding none of the names, nor any name a case-insensitive file system might take for one.</summary>
    internal static ListedBeside Nothing { get; } = new([], unsure: false);

    private readonly List<string> _held;
    private readonly bool _unsure;

    private ListedBeside(List<string> held, bool unsure) => (_held, _unsure) = (held, unsure);

    /// <summary>What a folder's files (as <see cref="FolderListing.Of"/> lists them) say of the asked names.</summary>
    internal static ListedBeside Of(List<(string Path, FileKind? Kind)> files)
    {
        var asked = Asked.GetAlternateLookup<ReadOnlySpan<char>>();
        var askedIgnoringCase = AskedIgnoringCase.GetAlternateLookup<ReadOnlySpan<char>>();
        List<string>? held = null;
        var unsure = false;
        foreach (var (path, _) in files)
        {
            var name = Path.GetFileName(path.AsSpan());
            if (asked.Contains(name))
            {
                (held ??= []).Add(name.ToString());
            }
            else if (askedIgnoringCase.Contains(name) || !System.Text.Ascii.IsValid(name))
            {
                // On a case-insensitive file system (macOS, Windows, an ext4 casefold folder) this entry may answer to an
                // asked name: the file system is asked then.
                unsure = true;
            }
        }

        return held is null && !unsure ? Nothing : new ListedBeside(held ?? [], unsure);
    }

    /// <summary>Whether the folder held a file of this name as listed; null when the listing cannot tell (a name not asked about, or an unsure folder), and the caller asks the file system.</summary>
    public bool? Holds(string name) => !Asked.Contains(name) ? null : _held.Contains(name) ? true : _unsure ? null : false;
}
