namespace GatewayAudit.Core.Model;

/// <summary>
/// Single-value facts that several files may state differently about one component or flow, with their values from
/// the strongest evidence to the weakest. When fragments merge, the stronger value wins whichever file was read first,
/// so a provider called in one file and only imported in another is "call", not "import-only", and a flow that one file
/// uses for chat and another only lists models on is "inference". Facts not listed here keep the first value read.
/// </summary>
public static class AttributeStrength
{
    /// <summary>
    /// How a party shows in code, strongest first (the source readers' <c>confidence</c>). <c>presumed</c>: a call through a client built in a file this scan did not find, taken to reach the SDK's default
    /// vendor because no base URL is set for that SDK anywhere in the checkout (Stacks/CodeClientJoin).
    /// <c>example</c>: the address comes from the project's sample env file (.env.example), the endpoint its authors intend
    /// rather than one a deployment is shown to set (Stacks/DotEnvSampleEndpoint); a call is shown, so it is no weak confidence.
    /// </summary>
    public static IReadOnlyList<string> Confidence { get; } = ["call", "client", "setting", "address", "example", "presumed", "import-only"];

    /// <summary>What a flow carries, by what its call sites do (<c>kind</c> of code flows), strongest first.</summary>
    public static IReadOnlyList<string> FlowKind { get; } = ["inference", "telemetry", "listing"];

    private static readonly Dictionary<string, IReadOnlyList<string>> Ranked = new(StringComparer.Ordinal)
    {
        ["confidence"] = Confidence,
        ["kind"] = FlowKind,
    };

    /// <summary>
    /// True when <paramref name="candidate"/> is stronger evidence for <paramref name="key"/> than <paramref name="current"/>;
    /// false for facts without a ranking and for values the ranking does not list.
    /// </summary>
    public static bool IsStronger(string key, object current, object candidate)
    {
        if (!Ranked.TryGetValue(key, out var order) || current is not string mine || candidate is not string theirs)
        {
            return false;
        }

        var left = IndexOf(order, mine);
        var right = IndexOf(order, theirs);
        return right >= 0 && (left < 0 || right < left);
    }

    private static int IndexOf(IReadOnlyList<string> order, string value)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
