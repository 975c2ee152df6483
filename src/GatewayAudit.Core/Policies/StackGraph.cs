using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// One stack's components and flows as the rule engine walks them, made once per <see cref="PolicyContext"/> rather
/// than once per rule: the subjects in the model's order, the flows into and out of each component (in flow-key order,
/// as <see cref="StackModel.FlowsInto"/> and <see cref="StackModel.FlowsOutOf"/> give them), what each component
/// receives, and which parties are only possible. Every rule of every stack walked the model's sorted trees anew, and
/// the enumerators, closures and lists that made were most of the rule stage's allocations (bench/SCALE.md round 13).
/// Rules do not change the model, so what is worked out once holds for every rule of the stack.
/// </summary>
internal sealed class StackGraph
{
    private static readonly IReadOnlyList<RuleSubject> None = [];

    // Each component's subject with the flows into and out of it and what they carry: one index per stack, not one
    // per question (four dictionaries and a list per flow end were most of what the graphs allocated, round 17).
    private readonly Dictionary<string, Node> _components;
    private Dictionary<string, string[]>? _receivedNames;
    private Dictionary<object, PossibleBasis?>? _basis;
    private Dictionary<object, bool>? _possible;
    private IReadOnlyList<RuleSubject>? _secrets;

    public StackGraph(StackModel model)
    {
        // Sized from the model's counts (its collections know them): growing the lists and the index by doubling was
        // a fifth of what the graphs allocated at 10,000 configs (bench/SCALE.md round 14).
        Model = model;
        var componentCount = model.Components.Count;
        var flowCount = model.Flows.Count;
        _components = new(componentCount, StringComparer.Ordinal);
        var components = new RuleSubject[componentCount];
        for (var i = 0; i < componentCount; i++)
        {
            var component = model.Components[i];
            components[i] = RuleSubject.Of(component);
            _components[component.Id] = new Node(components[i]);
        }

        // Flows between components the model does not hold are never asked about (every question names a component
        // of the model), so only the ends that are components are indexed. Counted first, then filled in key order.
        var flows = new RuleSubject[flowCount];
        for (var i = 0; i < flowCount; i++)
        {
            var flow = model.Flows[i];
            flows[i] = RuleSubject.Of(flow);
            if (_components.TryGetValue(flow.From, out var from))
            {
                from.OutCount++;
            }

            if (_components.TryGetValue(flow.To, out var to))
            {
                to.InCount++;
                var mask = 0;
                foreach (var category in flow.DataCategories)
                {
                    mask |= Bit(category);
                }

                to.Receives |= mask;
            }
        }

        foreach (var subject in flows)
        {
            var flow = subject.Flow!;
            if (_components.TryGetValue(flow.From, out var from))
            {
                from.AddOut(subject);
            }

            if (_components.TryGetValue(flow.To, out var to))
            {
                to.AddIn(subject);
            }
        }

        Components = components;
        Flows = flows;
    }

    public StackModel Model { get; }

    /// <summary>The components as subjects, in id order.</summary>
    public IReadOnlyList<RuleSubject> Components { get; }

    /// <summary>The flows as subjects, in key order.</summary>
    public IReadOnlyList<RuleSubject> Flows { get; }

    /// <summary>The literal secrets as subjects, by location then key.</summary>
    public IReadOnlyList<RuleSubject> Secrets => _secrets ??= Model.Secrets.Count == 0 ? None
        : Model.Secrets.OrderBy(s => s.Location).ThenBy(s => s.Key, StringComparer.Ordinal).Select(RuleSubject.Of).ToList();

    /// <summary>The component of this id as a subject (<see cref="StackModel.Find"/>), or null.</summary>
    public RuleSubject? Component(string id) => _components.TryGetValue(id, out var node) ? node.Subject : null;

    /// <summary>The flows into a component of the model, in key order.</summary>
    public ReadOnlySpan<RuleSubject> FlowsInto(string id) => _components.TryGetValue(id, out var node) ? node.Into : default;

    /// <summary>The flows out of a component of the model, in key order.</summary>
    public ReadOnlySpan<RuleSubject> FlowsOutOf(string id) => _components.TryGetValue(id, out var node) ? node.OutOf : default;

    /// <summary>Whether some flow into the component carries one of the categories (<see cref="StackModel.ReceivesAny"/>).</summary>
    public bool ReceivesAny(string id, IReadOnlyList<DataCategory> categories)
    {
        // By index: a foreach over the interface boxed the list's enumerator for every component of every rule.
        var mask = ReceivedMask(id);
        for (var i = 0; i < categories.Count; i++)
        {
            if ((mask & Bit(categories[i])) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool Receives(string id, DataCategory category) => (ReceivedMask(id) & Bit(category)) != 0;

    // What flows into the component carry, one bit per DataCategory value.
    private int ReceivedMask(string id) => _components.TryGetValue(id, out var node) ? node.Receives : 0;

    /// <summary>What the component receives as the <c>receives</c> fact: category names in category order, as <see cref="StackModel.Receives"/> sorts them.</summary>
    public string[] ReceivedNames(string id)
    {
        _receivedNames ??= new(StringComparer.Ordinal);
        if (!_receivedNames.TryGetValue(id, out var names))
        {
            var mask = ReceivedMask(id);
            var found = new List<string>();
            foreach (var category in Enum.GetValues<DataCategory>())
            {
                if ((mask & Bit(category)) != 0)
                {
                    found.Add(CategoryName(category));
                }
            }

            _receivedNames[id] = names = [.. found];
        }

        return names;
    }

    /// <summary><see cref="PartyCertainty.BasisOf(StackModel, Component)"/>, worked out once per component.</summary>
    public PossibleBasis? BasisOf(Component component) =>
        Remembered(ref _basis, component, static (g, c) => g.Shown((Component)c) ? null : PartyCertainty.BasisOf(g.Model, (Component)c));

    /// <summary><see cref="PartyCertainty.BasisOf(StackModel, Flow)"/>, worked out once per flow.</summary>
    public PossibleBasis? BasisOf(Flow flow) =>
        Remembered(ref _basis, flow, static (g, f) => g.Shown((Flow)f) ? null : PartyCertainty.BasisOf(g.Model, (Flow)f));

    /// <summary><see cref="PartyCertainty.IsPossible(StackModel, Component)"/>, worked out once per component.</summary>
    public bool IsPossible(Component component) =>
        Remembered(ref _possible, component, static (g, c) => !g.Shown((Component)c) && PartyCertainty.IsPossible(g.Model, (Component)c));

    /// <summary><see cref="PartyCertainty.IsPossible(StackModel, Flow)"/>, worked out once per flow.</summary>
    public bool IsPossible(Flow flow) =>
        Remembered(ref _possible, flow, static (g, f) => !g.Shown((Flow)f) && PartyCertainty.IsPossible(g.Model, (Flow)f));

    // The answer for a component or flow (by reference), worked out the first time it is asked.
    private T Remembered<T>(ref Dictionary<object, T>? answers, object subject, Func<StackGraph, object, T> work)
    {
        answers ??= new(ReferenceEqualityComparer.Instance);
        if (!answers.TryGetValue(subject, out var answer))
        {
            answers[subject] = answer = work(this, subject);
        }

        return answer;
    }

    // The plain case of PartyCertainty (ShowsTarget) answered from this graph's index, for a flow and for a party it
    // flows into (a party is possible only when every flow into it is). PartyCertainty walked the model's sorted flows
    // with a new set to say so, for every party (bench/SCALE.md round 14). Every other case is still its to answer.
    private bool Shown(Flow flow) => PartyCertainty.ShowsTarget(flow, Component(flow.From)?.Component);

    private bool Shown(Component component)
    {
        var into = FlowsInto(component.Id);
        for (var i = 0; i < into.Length; i++)
        {
            if (Shown(into[i].Flow!))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A data category as rules and messages name it (<see cref="EnumText.Of(DataCategory)"/>), made once.</summary>
    public static string CategoryName(DataCategory category) => CategoryNames[(int)category];

    // Indexed by value; the categories are numbered 0 to 4 (a bit each in the masks above).
    private static readonly string[] CategoryNames = NamesByValue();

    private static string[] NamesByValue()
    {
        var values = Enum.GetValues<DataCategory>();
        var names = new string[(int)values.Max() + 1];
        foreach (var value in values)
        {
            names[(int)value] = EnumText.Of(value);
        }

        return names;
    }

    private static int Bit(DataCategory category) => 1 << (int)category;

    /// <summary>A component's subject and the flows into and out of it, in key order.</summary>
    private sealed class Node(RuleSubject subject)
    {
        private int _in;
        private int _out;

        public RuleSubject Subject { get; } = subject;

        public int InCount { get; set; }

        public int OutCount { get; set; }

        public int Receives { get; set; }

        public RuleSubject[] Into { get; private set; } = [];

        public RuleSubject[] OutOf { get; private set; } = [];

        public void AddIn(RuleSubject flow)
        {
            if (Into.Length == 0)
            {
                Into = new RuleSubject[InCount];
            }

            Into[_in++] = flow;
        }

        public void AddOut(RuleSubject flow)
        {
            if (OutOf.Length == 0)
            {
                OutOf = new RuleSubject[OutCount];
            }

            OutOf[_out++] = flow;
        }
    }
}
