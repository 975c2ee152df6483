namespace GatewayAudit.Core.Model;

/// <summary>
/// Whether a party is shown receiving data or is only possible: its SDK is imported with no client or call
/// (<c>confidence: import-only</c>), or it is presumed (a model name or address held as data, a call through a client
/// built in a file the scan did not find; <c>confidence: presumed</c>, see <see cref="AttributeStrength.Confidence"/>).
/// A party is possible when every flow into it is possible: a flow whose own confidence is one of those, or one that
/// leaves a possible party (a gateway only imported). A party a config routes to (a flow with no confidence, which
/// config readers never set) is shown, whatever an import elsewhere says. Findings and annex rows about a possible
/// party read as conditional ("if it receives prompts").
/// </summary>
public static class PartyCertainty
{
    /// <summary>The code confidences that show no call: the party may receive nothing.</summary>
    public static IReadOnlyList<string> Weak { get; } = ["presumed", "import-only"];

    /// <summary>A confidence value (one, or a list from merged sightings) that is weak through and through.</summary>
    public static bool IsWeak(object? confidence) => confidence switch
    {
        string one => Weak.Contains(one),
        string[] all => all.Length > 0 && all.All(Weak.Contains),
        _ => false,
    };

    /// <summary>
    /// A flow that shows its target receiving data on its own, without following anything upstream: its confidence is
    /// not weak and it leaves an app, or nothing the model holds (<paramref name="from"/> null). A party such a flow goes
    /// into is not possible; most parties of a monorepo's stacks are such, so callers that ask about many parties answer
    /// these from their own index before walking the model.
    /// </summary>
    public static bool ShowsTarget(Flow flow, Component? from) =>
        !IsWeak(flow.Attributes["confidence"]) && (from is null || from.Role == ComponentRole.App);

    // The set of parties seen (against cycles) is taken only when a party has flows into it to follow, and one set is
    // kept per thread from walk to walk: asked for every component and flow of every stack, a set per question was
    // about 15 MiB of a 10,000-config scan's garbage (bench/SCALE.md round 15), and one per walk that went on past its
    // first party still 11 MiB (round 18). A walk never starts another, so the one set is never in use twice.
    [ThreadStatic]
    private static HashSet<string>? t_spareSeen;

    // A set that grew past this (a walk through a large merged model) is left to the collector rather than cleared
    // for every later walk: Clear costs its capacity.
    private const int SpareSeenLimit = 64;

    public static bool IsPossible(StackModel model, Component component)
    {
        HashSet<string>? seen = null;
        try
        {
            return IsPossible(model, component, ref seen);
        }
        finally
        {
            GiveBack(seen);
        }
    }

    public static bool IsPossible(StackModel model, Flow flow)
    {
        HashSet<string>? seen = null;
        try
        {
            return IsPossible(model, flow, ref seen);
        }
        finally
        {
            GiveBack(seen);
        }
    }

    /// <summary>Why a possible party is only possible, for the reader; null for a party the inputs show receiving data.</summary>
    public static PossibleBasis? BasisOf(StackModel model, Component component)
    {
        if (!IsPossible(model, component))
        {
            return null;
        }

        HashSet<string>? seen = null;
        try
        {
            return Trace(model, component, ref seen);
        }
        finally
        {
            GiveBack(seen);
        }
    }

    /// <summary>The same for a flow: the party named is the flow's target, or the possible party it leaves.</summary>
    public static PossibleBasis? BasisOf(StackModel model, Flow flow)
    {
        if (!IsPossible(model, flow))
        {
            return null;
        }

        if (IsWeak(flow.Attributes["confidence"]))
        {
            return Of(flow, model.Find(flow.To)?.Name ?? flow.To);
        }

        if (model.Find(flow.From) is not { } from)
        {
            return null;
        }

        HashSet<string>? seen = null;
        try
        {
            return Trace(model, from, ref seen);
        }
        finally
        {
            GiveBack(seen);
        }
    }

    private static void GiveBack(HashSet<string>? seen)
    {
        if (seen is not null && seen.Count <= SpareSeenLimit)
        {
            seen.Clear();
            t_spareSeen = seen;
        }
    }

    // Whether the party was seen already on this walk (a cycle); marks it seen. Without a set yet, only the party the
    // walk starts from can be here, so nothing was seen: the set is made when the walk goes on past it.
    private static bool Seen(string id, ref HashSet<string>? seen, bool goesOn)
    {
        if (seen is not null)
        {
            return !seen.Add(id);
        }

        if (goesOn)
        {
            seen = t_spareSeen ?? new(StringComparer.Ordinal);
            t_spareSeen = null;
            seen.Add(id);
        }

        return false;
    }

    private static bool IsPossible(StackModel model, Component component, ref HashSet<string>? seen)
    {
        var into = model.FlowsIntoInPlace(component.Id);
        var any = into.Any();
        if (Seen(component.Id, ref seen, goesOn: any))
        {
            return true; // a cycle adds nothing shown
        }

        foreach (var flow in into)
        {
            if (!IsPossible(model, flow, ref seen))
            {
                return false;
            }
        }

        return any || IsWeak(component.Attributes["confidence"]);
    }

    private static bool IsPossible(StackModel model, Flow flow, ref HashSet<string>? seen) =>
        IsWeak(flow.Attributes["confidence"])
        || (model.Find(flow.From) is { Role: not ComponentRole.App } from && IsPossible(model, from, ref seen));

    private static PossibleBasis? Trace(StackModel model, Component component, ref HashSet<string>? seen)
    {
        var into = model.FlowsIntoInPlace(component.Id);
        if (Seen(component.Id, ref seen, goesOn: into.Any()))
        {
            return null;
        }

        foreach (var flow in into)
        {
            if (IsWeak(flow.Attributes["confidence"]))
            {
                return Of(flow, component.Name);
            }

            if (model.Find(flow.From) is { } from && Trace(model, from, ref seen) is { } upstream)
            {
                return upstream;
            }
        }

        return component.Attributes["confidence"] is { } confidence && IsWeak(confidence)
            ? new PossibleBasis(component.Name, Weakest(confidence), component.Attributes.Origin("confidence") ?? component.Evidence.FirstOrDefault(), Called: false)
            : null;
    }

    private static PossibleBasis Of(Flow flow, string party) => new(
        party,
        Weakest(flow.Attributes["confidence"]),
        flow.Attributes.Origin("confidence") ?? flow.Evidence.FirstOrDefault(),
        Called: flow.Attributes["callSites"] is not null);

    // "presumed" when any sighting is presumed (a model named as data says more than an import), else "import-only".
    private static string Weakest(object? confidence) => confidence switch
    {
        string one => one,
        string[] all when all.Contains("presumed") => "presumed",
        _ => "import-only",
    };
}

/// <summary>
/// Why a party is only possible: <see cref="Confidence"/> (<c>import-only</c> or <c>presumed</c>), where it is seen,
/// and whether that sighting is a call through a client the scan could not follow (<see cref="Called"/>).
/// </summary>
public sealed record PossibleBasis(string Party, string Confidence, SourceLocation? At, bool Called)
{
    /// <summary>"it is only imported at worker.py:2, with no client or call of it shown", for messages and annex rows.</summary>
    public string Shown
    {
        get
        {
            var at = At is { } where ? $" at {where}" : "";
            return Confidence switch
            {
                "import-only" => $"it is only imported{at}, with no client or call of it shown",
                _ when Called => $"it is only presumed, from a call{at} through a client built in a file this scan did not find",
                _ => $"it is only named as data{at}, with no client or call of it shown",
            };
        }
    }
}
