using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// The stacks of one scan, indexed by the folders of their files and configs, so that attaching a deployment file
/// costs a few lookups instead of a pass over every stack and every file of every stack (which made stack assembly
/// grow with the square of the number of configs: bench/SCALE.md, 1,000 to 10,000 configs cost 20 x the time).
/// </summary>
internal sealed class StackIndex
{
    private readonly Dictionary<Stack, int> _order = [];
    private readonly Dictionary<string, List<(Stack Stack, InputFile File)>> _filesByFolder = new(StringComparer.Ordinal);
    private (string Folder, Stack Stack)[]? _configFolders;
    private Dictionary<string, List<Stack>>? _configsByFolder;
    private (string Folder, Stack Stack)[]? _configPaths; // each config file's own path, sorted (Range reads it like the folders)

    /// <summary>Every stack in the order it was formed: config stacks, embedded configs, then stacks of their own.</summary>
    public List<(Stack Stack, InputFile Config, InputFile? Host)> All { get; } = [];

    /// <summary>Stacks anchored by a LiteLLM config file on disk (not embedded, not a stack of deployment files only).</summary>
    public List<(Stack Stack, InputFile Config)> Configs { get; } = [];

    public Stack? Code { get; private set; }

    public void Add(Stack stack, InputFile config, InputFile? host, bool anchoredByConfig = false, bool isCode = false)
    {
        _order[stack] = All.Count;
        All.Add((stack, config, host));
        if (anchoredByConfig)
        {
            Configs.Add((stack, config));
            _configFolders = null;
            _configsByFolder = null;
            _configPaths = null;
        }

        if (isCode)
        {
            Code = stack;
        }
    }

    public void Join(Stack stack, InputFile file, string why)
    {
        if (stack.Files.Contains(file))
        {
            return;
        }

        stack.Files.Add(file);
        stack.Membership[file.DisplayPath] = why;
        // A known folder is found by a slice of the path; its text is made only for a folder seen first.
        if (!_filesByFolder.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Path.GetDirectoryName(file.FullPath.AsSpan()), out var files))
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_filesByFolder, Path.GetDirectoryName(file.FullPath) ?? "", out _);
            files = slot ??= [];
        }

        files.Add((stack, file));
    }

    /// <summary>The stacks with another file in <paramref name="folder"/>, in the order the stacks were formed.</summary>
    public List<Stack> Beside(InputFile file, string folder, bool withoutCode)
    {
        if (!_filesByFolder.TryGetValue(folder, out var files))
        {
            return [];
        }

        // A loop, not a query of five enumerators: asked once per deployment file (bench/SCALE.md round 18).
        var beside = new List<Stack>();
        foreach (var (stack, other) in files)
        {
            if (other != file && !(withoutCode && stack == Code))
            {
                AddOnce(beside, stack);
            }
        }

        return InFormationOrder(beside);
    }

    // A stack's few neighbours are searched in a list, as Distinct did for the query this replaced.
    private static void AddOnce(List<Stack> stacks, Stack stack)
    {
        if (!stacks.Contains(stack))
        {
            stacks.Add(stack);
        }
    }

    /// <summary>The stacks in the order they were formed.</summary>
    private List<Stack> InFormationOrder(List<Stack> stacks)
    {
        if (stacks.Count > 1)
        {
            stacks.Sort((a, b) => _order[a].CompareTo(_order[b]));
        }

        return stacks;
    }

    /// <summary>The config stacks of the nearest folder strictly above <paramref name="folder"/>.</summary>
    public List<Stack> NearestConfigsAbove(string folder)
    {
        _configsByFolder ??= Configs.GroupBy(c => Path.GetDirectoryName(c.Config.FullPath) ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Stack).ToList(), StringComparer.Ordinal);
        // The parents as slices of the folder's text, not a string each (one per level per deployment file): the same
        // walk as Path.GetDirectoryName(string) on full paths, which ends after the root.
        var byFolder = _configsByFolder.GetAlternateLookup<ReadOnlySpan<char>>();
        var path = folder.AsSpan();
        while (path.Length > Path.GetPathRoot(path).Length)
        {
            path = Path.GetDirectoryName(path);
            if (byFolder.TryGetValue(path, out var found))
            {
                return found;
            }
        }

        return [];
    }

    /// <summary>The config stacks strictly below <paramref name="folder"/> at the least depth (by path length, as before).</summary>
    public List<Stack> NearestConfigsBelow(string folder)
    {
        var prefix = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var below = Range(ConfigFolders(), prefix).ToList();
        if (below.Count == 0)
        {
            return [];
        }

        var least = below.Min(c => c.Folder.Length);
        return below.Where(c => c.Folder.Length == least).OrderBy(c => _order[c.Stack]).Select(c => c.Stack).ToList();
    }

    /// <summary>
    /// The config stacks whose config file is one of <paramref name="mounts"/> or lies under one (a bind-mounted
    /// folder), in the order the stacks were formed: a few lookups in the sorted config paths per mount, not a pass
    /// over every config for every compose file (at 10,000 configs that pass was most of a scan's garbage).
    /// </summary>
    public List<Stack> ConfigsMountedBy(IReadOnlyList<string> mounts)
    {
        if (mounts.Count == 0)
        {
            return [];
        }

        _configPaths ??= [.. Configs.Select(c => (Folder: c.Config.FullPath, c.Stack)).OrderBy(c => c.Folder, StringComparer.Ordinal)];
        var mounted = new List<Stack>();
        foreach (var mount in mounts)
        {
            var (from, to) = RangeOf(_configPaths, mount);
            for (var i = from; i < to; i++)
            {
                if (StackEnvironment.Covers(mount, _configPaths[i].Folder))
                {
                    AddOnce(mounted, _configPaths[i].Stack);
                }
            }
        }

        return InFormationOrder(mounted);
    }

    private (string Folder, Stack Stack)[] ConfigFolders() =>
        _configFolders ??= [.. Configs.Select(c => (Folder: Path.GetDirectoryName(c.Config.FullPath) ?? "", c.Stack))
            .OrderBy(c => c.Folder, StringComparer.Ordinal).ThenBy(c => _order[c.Stack])];

    /// <summary>The entries whose folder starts with <paramref name="prefix"/>: one contiguous run of the sorted array.</summary>
    private static IEnumerable<(string Folder, Stack Stack)> Range((string Folder, Stack Stack)[] sorted, string prefix)
    {
        var (from, to) = RangeOf(sorted, prefix);
        for (var i = from; i < to; i++)
        {
            yield return sorted[i];
        }
    }

    /// <summary>Where that run starts and ends (exclusive), without an iterator (asked once per mount of every compose file).</summary>
    private static (int From, int To) RangeOf((string Folder, Stack Stack)[] sorted, string prefix)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(sorted[mid].Folder, prefix) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var end = low;
        while (end < sorted.Length && sorted[end].Folder.StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return (low, end);
    }
}
