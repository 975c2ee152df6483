namespace GatewayAudit.Core.Model;

/// <summary>
/// The stack as the inputs describe it: components and the flows between them, plus literal secrets and open
/// questions the readers met. Readers each fill one; the scan merges them by component id and flow ends.
/// </summary>
public sealed class StackModel
{
    private readonly SortedDictionary<string, Component> _components = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Flow> _flows = new(StringComparer.Ordinal);

    // Flows by destination, so "what does X receive" is not a scan of every flow (quadratic on large stacks).
    private readonly Dictionary<string, List<Flow>> _into = new(StringComparer.Ordinal);

    public IEnumerable<Component> Components => _components.Values;

    public IEnumerable<Flow> Flows => _flows.Values;

    public List<LiteralSecret> Secrets { get; } = [];

    public List<OpenQuestion> OpenQuestions { get; } = [];

    /// <summary>SDK clients built and called across files, for the stack assembly to join (empty once joined).</summary>
    public CodeClients CodeClients { get; } = new();

    public Component? Find(string id) => _components.TryGetValue(id, out var c) ? c : null;

    /// <summary>Adds the component, or merges it into the one already known under its id; returns the one kept.</summary>
    public Component Add(Component component)
    {
        if (_components.TryGetValue(component.Id, out var existing))
        {
            existing.MergeFrom(component);
            return existing;
        }

        _components.Add(component.Id, component);
        return component;
    }

    public Flow Connect(string from, string to, IEnumerable<DataCategory> categories, SourceLocation? evidence = null)
    {
        var flow = new Flow { From = from, To = to };
        flow.DataCategories.UnionWith(categories);
        if (evidence is not null)
        {
            flow.Evidence.Add(evidence);
        }

        return AddFlow(flow);
    }

    public Flow AddFlow(Flow flow)
    {
        if (_flows.TryGetValue(flow.Key, out var existing))
        {
            existing.MergeFrom(flow);
            return existing;
        }

        _flows.Add(flow.Key, flow);
        if (!_into.TryGetValue(flow.To, out var into))
        {
            _into[flow.To] = into = [];
        }

        into.Add(flow);
        return flow;
    }

    public IEnumerable<Flow> FlowsInto(string componentId) =>
        _into.TryGetValue(componentId, out var flows) ? flows.OrderBy(f => f.Key, StringComparer.Ordinal) : [];

    public IEnumerable<Flow> FlowsOutOf(string componentId) => _flows.Values.Where(f => f.From == componentId);

    /// <summary>Removes a component and every flow into or out of it (a possibility another file rules out).</summary>
    public void Remove(string componentId)
    {
        if (!_components.Remove(componentId))
        {
            return;
        }

        foreach (var flow in _flows.Values.Where(f => f.From == componentId || f.To == componentId).ToList())
        {
            _flows.Remove(flow.Key);
            if (_into.TryGetValue(flow.To, out var into))
            {
                into.Remove(flow);
            }
        }
    }

    /// <summary>Removes one flow (a call the stack assembly shows goes elsewhere).</summary>
    public void RemoveFlow(Flow flow)
    {
        if (_flows.Remove(flow.Key) && _into.TryGetValue(flow.To, out var into))
        {
            into.Remove(flow);
        }
    }

    /// <summary>What a component receives: the union of categories on flows into it.</summary>
    public SortedSet<DataCategory> Receives(string componentId)
    {
        var set = new SortedSet<DataCategory>();
        foreach (var flow in FlowsInto(componentId))
        {
            set.UnionWith(flow.DataCategories);
        }

        return set;
    }

    /// <summary>
    /// Merges copies of another model's components and flows, leaving the other model as it was (the roll-up of
    /// several stacks must not change the stacks it is made from).
    /// </summary>
    public void MergeCopiesFrom(StackModel other)
    {
        foreach (var component in other.Components)
        {
            var copy = new Component { Id = component.Id, Name = component.Name, Role = component.Role, Vendor = component.Vendor, Hosting = component.Hosting };
            copy.MergeFrom(component);
            Add(copy);
        }

        foreach (var flow in other.Flows)
        {
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
        CodeClients.MergeFrom(other.CodeClients);
    }
}
