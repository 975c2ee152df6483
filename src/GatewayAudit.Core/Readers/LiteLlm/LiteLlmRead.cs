using System.Runtime.InteropServices;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// The state of one read of one config, shared by its section readers: the file's values, the fragment being
/// built, the three settings blocks (empty when absent), the proxy component and the list attributes gathered.
/// </summary>
internal sealed class LiteLlmRead(ConfigValues values, StackModel model, YamlMapping root)
{
    // Each list with a flag for "changed since the last flush", in the one dictionary: a second set of the changed
    // keys was a hash table per config grown key by key (bench/SCALE.md round 16).
    // Room for the lists of a usual config at once (models and groups of a few providers, callbacks): grown from
    // three, the table was remade three times per config.
    // One table per thread, taken by a read and given back emptied once its lists are flushed (a read inside another
    // would make its own): made per config, it was about 800 bytes of a config's garbage (bench/SCALE.md round 18).
    private readonly Dictionary<(AttributeBag Bag, string Key), GatheredList> _lists = Interlocked.Exchange(ref t_spareLists, null) ?? new(16);

    [ThreadStatic]
    private static Dictionary<(AttributeBag Bag, string Key), GatheredList>? t_spareLists;

    private int _dirty;

    public ConfigValues Values { get; } = values;

    public StackModel Model { get; } = model;

    public YamlMapping Root { get; } = root;

    /// <summary>The whole environment of the process that runs this config, where the stack assembly found it shown (else null).</summary>
    public ShownProcessEnvironment? ProcessShown { get; init; }

    public YamlMapping LiteLlm { get; } = values.Mapping(root, "litellm_settings", "litellm_settings") ?? Empty(root);

    public YamlMapping General { get; } = values.Mapping(root, "general_settings", "general_settings") ?? Empty(root);

    public YamlMapping Router { get; } = values.Mapping(root, "router_settings", "router_settings") ?? Empty(root);

    /// <summary>The proxy component; set by the general-wiring section before any other section runs.</summary>
    public Component Gateway { get; set; } = null!;

    public Dictionary<string, (string ComponentId, string? Vendor)> Groups { get; } = new(StringComparer.Ordinal);

    // List attributes grow one value at a time; a sorted set per list finds a value in O(log n) (re-sorting the array
    // on every add made 20,000 distinct models take minutes), and the array is rewritten only on change. One array per
    // list (SortedArraySet), not a tree: a config's lists hold a few values, and a tree cost a node per value and a
    // walk to copy it out (bench/SCALE.md round 14).
    public void AddToList(AttributeBag bag, string key, string value)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_lists, (bag, key), out var exists);
        if (!exists)
        {
            list.Set = new SortedArraySet<string>(StringComparer.Ordinal);
            list.Set.UnionWith(bag[key] as string[] ?? []);
        }

        if ((list.Set.Add(value) || bag[key] is null) && !list.Dirty)
        {
            list.Dirty = true;
            _dirty++;
        }
    }

    /// <summary>The values gathered so far for a list attribute (empty when none).</summary>
    public IReadOnlyCollection<string> ListOf(AttributeBag bag, string key) =>
        _lists.TryGetValue((bag, key), out var list) ? list.Set : [];

    public bool TryGetList((AttributeBag Bag, string Key) list, out SortedArraySet<string> values)
    {
        var found = _lists.TryGetValue(list, out var gathered);
        values = gathered.Set;
        return found;
    }

    /// <summary>Ends the read: its table of lists goes back to the thread for the next config.</summary>
    public void Release()
    {
        _lists.Clear();
        t_spareLists = _lists;
    }

    /// <summary>Writes the lists gathered by <see cref="AddToList"/> into their bags.</summary>
    public void FlushLists()
    {
        if (_dirty == 0)
        {
            return;
        }

        foreach (var ((bag, key), list) in _lists)
        {
            if (list.Dirty)
            {
                bag.Set(key, list.Set);
                CollectionsMarshal.GetValueRefOrNullRef(_lists, (bag, key)).Dirty = false;
            }
        }

        _dirty = 0;
    }

    private struct GatheredList
    {
        public SortedArraySet<string> Set;
        public bool Dirty;
    }

    private static YamlMapping Empty(YamlNode at) => new(at.Line, at.Column, []);
}
