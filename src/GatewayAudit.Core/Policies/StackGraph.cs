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

    private readonly Dictionary<string, RuleSubject> _components;
    private readonly Dictionary<string, List<RuleSubject>> _into;
    private readonly Dictionary<string, List<RuleSubject>> _outOf;

    // What flows into each component carry, one bit per DataCategory value.
    private readonly Dictionary<string, int> _receives;
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

        // Flows join the components, so as many ends as components (none made for a stack without flows).
        var ends = Math.Min(componentCount, flowCount);
        (_into, _outOf, _receives) = (new(ends, StringComparer.Ordinal), new(ends, StringComparer.Ordinal), new(ends, StringComparer.Ordinal));
        var components = new List<RuleSubject>(componentCount);
        foreach (var component in model.Components)
        {
            var subject = RuleSubject.Of(component);
            components.Add(subject);
            _components[component.Id] = subject;
        }

        var flows = new List<RuleSubject>(flowCount);
        foreach (var flow in model.Flows)
        {
            var subject = RuleSubject.Of(flow);
            flows.Add(subject);
            Append(_outOf, flow.From, subject);
            Append(_into, flow.To, subject);
            var mask = 0;
            foreach (var category in flow.DataCategories)
            {
                mask |= Bit(category);
            }

            _receives[flow.To] = _receives.GetValueOrDefault(flow.To) | mask;
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
    public RuleSubject? Component(string id) => _components.GetValueOrDefault(id);

    /// <summary>The flows into a component, in key order.</summary>
    public IReadOnlyList<RuleSubject> FlowsInto(string id) => _into.TryGetValue(id, out var flows) ? flows : None;

    /// <summary>The flows out of a component, in key order.</summary>
    public IReadOnlyList<RuleSubject> FlowsOutOf(string id) => _outOf.TryGetValue(id, out var flows) ? flows : None;

    /// <summary>Whether some flow into the component carries one of the categories (<see cref="StackModel.ReceivesAny"/>).</summary>
    public bool ReceivesAny(string id, IReadOnlyList<DataCategory> categories)
    {
        // By index: a foreach over the interface boxed the list's enumerator for every component of every rule.
        var mask = _receives.GetValueOrDefault(id);
        for (var i = 0; i < categories.Count; i++)
        {
            if ((mask & Bit(categories[i])) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool Receives(string id, DataCategory category) => (_receives.GetValueOrDefault(id) & Bit(category)) != 0;

    /// <summary>What the component receives as the <c>receives</c> fact: category names in category order, as <see cref="StackModel.Receives"/> sorts them.</summary>
    public string[] ReceivedNames(string id)
    {
        _receivedNames ??= new(StringComparer.Ordinal);
        if (!_receivedNames.TryGetValue(id, out var names))
        {
            var mask = _receives.GetValueOrDefault(id);
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

    // The plain case of PartyCertainty answered from this graph's index: a flow whose confidence is not weak, from an
    // app or from nothing the model holds, is not possible, nor is a party it flows into (a party is possible only
    // when every flow into it is). Most parties of a monorepo's stacks are such, and PartyCertainty walked the model's
    // sorted flows with a new set to say so, for every one of them (bench/SCALE.md round 14). Every other case is
    // still PartyCertainty's to answer.
    private bool Shown(Flow flow) =>
        !PartyCertainty.IsWeak(flow.Attributes["confidence"]) && (Component(flow.From) is not { } from || from.Component!.Role == ComponentRole.App);

    private bool Shown(Component component)
    {
        var into = FlowsInto(component.Id);
        for (var i = 0; i < into.Count; i++)
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

    private static void Append(Dictionary<string, List<RuleSubject>> index, string id, RuleSubject subject)
    {
        if (!index.TryGetValue(id, out var list))
        {
            index[id] = list = [];
        }

        list.Add(subject);
    }
}
