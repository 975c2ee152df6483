namespace GatewayAudit.Core.Model;

/// <summary>
/// The stack as the inputs describe it: components and the flows between them, plus literal secrets and open
/// questions the readers met. Readers each fill one; the scan merges them by component id and flow ends.
/// </summary>
public sealed class StackModel
{
    private readonly OrderedByKey<Component> _components = new(static c => c.Id);
    private readonly OrderedByKey<Flow> _flows = new(static f => f.Key);

    // Flows by destination, so "what does X receive" is not a scan of every flow (quadratic on large stacks). Made only
    // once a model holds more than IndexFrom flows: a stack of a monorepo has a handful, which a scan answers as fast,
    // and 10,000 small indexes were about 10 MiB of a 10,000-config scan's heap (bench/SCALE.md round 6).
    private const int IndexFrom = 16;
    private Dictionary<string, List<Flow>>? _into;

    /// <summary>The components in id order (ordinal).</summary>
    public OrderedByKey<Component> Components => _components;

    /// <summary>The flows in key order (ordinal, "from->to").</summary>
    public OrderedByKey<Flow> Flows => _flows;

    public List<LiteralSecret> Secrets { get; } = [];

    public List<OpenQuestion> OpenQuestions { get; } = [];

    // Made on first use: most fragments (every config and deployment file's) have none, and the empty lists were about
    // a fiftieth of the read stage's garbage at 10,000 configs (bench/SCALE.md round 14).

    /// <summary>SDK clients built and called across files, for the stack assembly to join (empty once joined).</summary>
    public CodeClients CodeClients => _codeClients ??= new();

    /// <summary>Whether any code client was added (asking <see cref="CodeClients"/> makes the empty set).</summary>
    public bool HasCodeClients => _codeClients is not null;

    /// <summary>
    /// The models that hold code clients, for a join of them: asking each model of a scan made every one an empty
    /// set of ten lists to join nothing (bench/SCALE.md round 16).
    /// </summary>
    public static IReadOnlyList<StackModel> WithCodeClients(IReadOnlyList<StackModel> models) => models.Where(m => m.HasCodeClients).ToList();

    private CodeClients? _codeClients;

    /// <summary>
    /// Lets go of the code clients once the stack assembly has joined them all: every model of a scan had one, with ten
    /// empty lists, kept to the end (about 110,000 of 10,000 configs' live objects, bench/SCALE.md round 15).
    /// </summary>
    public void ForgetJoinedCodeClients()
    {
        if (_codeClients is { HoldsNothing: true })
        {
            _codeClients = null;
        }
    }

    public Component? Find(string id) => _components.Find(id);

    /// <summary>
    /// As <see cref="Add(Component)"/> of a component with only who it is (no facts, evidence or notes yet), without
    /// making one to merge when the id is known: most of a large config's deployments name a provider already added,
    /// and each made a component of four objects to fold in (bench/SCALE.md round 16).
    /// </summary>
    public Component Add(string id, string name, ComponentRole role, Hosting hosting, string? vendor = null, string? subProcessorOf = null)
    {
        if (_components.Find(id) is not { } existing)
        {
            return Add(new Component { Id = id, Name = name, Role = role, Hosting = hosting, Vendor = vendor, SubProcessorOf = subProcessorOf });
        }

        // All that Component.MergeFrom takes from such a component.
        existing.MergeIdentity(vendor, subProcessorOf, hosting);
        return existing;
    }

    /// <summary>Adds the component, or merges it into the one already known under its id; returns the one kept.</summary>
    public Component Add(Component component)
    {
        if (_components.Find(component.Id) is { } existing)
        {
            existing.MergeFrom(component);
            return existing;
        }

        _components.Add(component);
        return component;
    }

    public Flow Connect(string from, string to, IEnumerable<DataCategory> categories, SourceLocation? evidence = null) =>
        Connect(from, to, DataCategorySet.Of(categories), evidence);

    // A list written at the call ([DataCategory.Prompt, ...]) binds here: as an IEnumerable it was an array, a wrapper
    // and an enumerator per call (bench/SCALE.md round 18).
    public Flow Connect(string from, string to, ReadOnlySpan<DataCategory> categories, SourceLocation? evidence = null) =>
        Connect(from, to, DataCategorySet.Of(categories), evidence);

    /// <summary>
    /// As <see cref="AddFlow"/> of a new flow with these categories and evidence, without making one to merge when the
    /// pair is known (a config's deployments mostly reach a provider already connected).
    /// </summary>
    public Flow Connect(string from, string to, DataCategorySet categories, SourceLocation? evidence = null)
    {
        if (_flows.Find(Flow.KeyOf(from, to)) is { } existing)
        {
            existing.MergeFrom(categories, evidence);
            return existing;
        }

        var flow = new Flow { From = from, To = to };
        flow.MergeFrom(categories, evidence);

        return AddFlow(flow);
    }

    public Flow AddFlow(Flow flow)
    {
        if (_flows.Find(flow.Key) is { } existing)
        {
            existing.MergeFrom(flow);
            return existing;
        }

        _flows.Add(flow);
        if (_into is not null)
        {
            Index(_into, flow);
        }
        else if (_flows.Count > IndexFrom)
        {
            _into = new(StringComparer.Ordinal);
            foreach (var known in _flows)
            {
                Index(_into, known);
            }
        }

        return flow;
    }

    private static void Index(Dictionary<string, List<Flow>> index, Flow flow)
    {
        if (!index.TryGetValue(flow.To, out var into))
        {
            index[flow.To] = into = [];
        }

        // In key order, as FlowsInto answers: flows mostly come in that order, so this is mostly an append.
        var at = into.Count;
        while (at > 0 && string.CompareOrdinal(into[at - 1].Key, flow.Key) > 0)
        {
            at--;
        }

        into.Insert(at, flow);
    }

    /// <summary>
    /// The flows into a component in key order, as an array taken now: a caller may change the model while it goes
    /// through them. Asked for every component of every stack by the rules and the report, so without an iterator,
    /// closure or LINQ (bench/SCALE.md rounds 13 and 15); no flows is the shared empty array.
    /// </summary>
    public IReadOnlyList<Flow> FlowsInto(string componentId)
    {
        if (_into is not null)
        {
            return _into.TryGetValue(componentId, out var indexed) ? [.. indexed] : [];
        }

        var view = FlowsIntoInPlace(componentId);
        var count = 0;
        foreach (var _ in view)
        {
            count++;
        }

        if (count == 0)
        {
            return [];
        }

        var found = new Flow[count];
        var n = 0;
        foreach (var flow in view)
        {
            found[n++] = flow;
        }

        return found;
    }

    // One iterator, not a closure, a delegate, a filter and a boxed enumerator per question (bench/SCALE.md round 18).
    public IEnumerable<Flow> FlowsOutOf(string componentId)
    {
        foreach (var flow in _flows)
        {
            if (flow.From == componentId)
            {
                yield return flow;
            }
        }
    }

    /// <summary>
    /// The flows into a component in key order, as <see cref="FlowsInto"/> gives them, without taking a copy: only for
    /// a caller that does not change the model while it goes through them. <see cref="PartyCertainty"/> asks it for
    /// every party of every stack, and the copies were 5 MiB of a 10,000-config scan's garbage (bench/SCALE.md round 18).
    /// </summary>
    internal FlowsIntoView FlowsIntoInPlace(string componentId) => _into is not null
        ? new(_into.GetValueOrDefault(componentId), null, componentId)
        : new(null, _flows, componentId);

    /// <summary>The flows into one component, read in place (<see cref="FlowsIntoInPlace"/>).</summary>
    internal readonly struct FlowsIntoView(List<Flow>? indexed, OrderedByKey<Flow>? all, string to)
    {
        public bool Any() => GetEnumerator().MoveNext();

        public Enumerator GetEnumerator() => new(indexed, all, to);

        public struct Enumerator(List<Flow>? indexed, OrderedByKey<Flow>? all, string to)
        {
            private int _at = -1;

            public readonly Flow Current => indexed is not null ? indexed[_at] : all![_at];

            public bool MoveNext()
            {
                if (indexed is not null)
                {
                    return ++_at < indexed.Count;
                }

                if (all is null)
                {
                    return false;
                }

                while (++_at < all.Count)
                {
                    if (all[_at].To == to)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>Removes a component and every flow into or out of it (a possibility another file rules out).</summary>
    public void Remove(string componentId)
    {
        if (!_components.Remove(componentId))
        {
            return;
        }

        foreach (var flow in _flows.Where(f => f.From == componentId || f.To == componentId).ToList())
        {
            _flows.Remove(flow.Key);
            if (_into is not null && _into.TryGetValue(flow.To, out var into))
            {
                into.Remove(flow);
            }
        }
    }

    /// <summary>Removes one flow (a call the stack assembly shows goes elsewhere).</summary>
    public void RemoveFlow(Flow flow)
    {
        if (_flows.Remove(flow.Key) && _into is not null && _into.TryGetValue(flow.To, out var into))
        {
            into.Remove(flow);
        }
    }

    /// <summary>What a component receives: the union of categories on flows into it, in the enum's order.</summary>
    public DataCategorySet Receives(string componentId)
    {
        var set = DataCategorySet.Empty;
        if (_into is not null)
        {
            if (_into.TryGetValue(componentId, out var flows))
            {
                foreach (var flow in flows)
                {
                    set = set.Union(flow.DataCategories);
                }
            }

            return set;
        }

        foreach (var flow in _flows)
        {
            if (flow.To == componentId)
            {
                set = set.Union(flow.DataCategories);
            }
        }

        return set;
    }

    /// <summary>Whether some flow into the component carries one of the categories (<see cref="Receives"/> without the union).</summary>
    public bool ReceivesAny(string componentId, IReadOnlyList<DataCategory> categories) =>
        Receives(componentId).Overlaps(DataCategorySet.Of(categories));

    /// <summary>
    /// Merges copies of another model's components and flows, leaving the other model as it was (the roll-up of
    /// several stacks must not change the stacks it is made from).
    /// </summary>
    public void MergeCopiesFrom(StackModel other)
    {
        // A component or flow this model already holds takes the other's straight in (merging reads the other and
        // changes only this one, and a fresh copy merged in adds exactly what the original does); only one new here is
        // copied, as later merges change it. At 10,000 stacks sharing a few parties, most were copies made to be dropped.
        foreach (var component in other.Components)
        {
            if (_components.Find(component.Id) is { } existing)
            {
                existing.MergeFrom(component);
                continue;
            }

            var copy = new Component { Id = component.Id, Name = component.Name, Role = component.Role, Vendor = component.Vendor, Hosting = component.Hosting };
            copy.MergeFrom(component);
            _components.Add(copy);
        }

        foreach (var flow in other.Flows)
        {
            if (_flows.Find(flow.Key) is { } existing)
            {
                existing.MergeFrom(flow);
                continue;
            }

            var copy = new Flow { From = flow.From, To = flow.To };
            copy.MergeFrom(flow);
            AddFlow(copy);
        }

        Secrets.AddRange(other.Secrets);
        OpenQuestions.AddRange(other.OpenQuestions);
    }

    public void MergeFrom(StackModel other)
    {
        foreach (var component in other.Components)
        {
            Add(component);
        }

        foreach (var flow in other.Flows)
        {
            AddFlow(flow);
        }

        Secrets.AddRange(other.Secrets);
        OpenQuestions.AddRange(other.OpenQuestions);
        if (other._codeClients is { } theirs)
        {
            CodeClients.MergeFrom(theirs);
        }
    }
}
