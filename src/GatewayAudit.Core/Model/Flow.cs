namespace GatewayAudit.Core.Model;

/// <summary>Data moving from one component to another, labelled with what crosses.</summary>
public sealed class Flow
{
    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>What crosses, in the enum's order; a value, so a change is an assignment (<see cref="DataCategorySet.With"/>).</summary>
    public DataCategorySet DataCategories { get; set; }

    /// <summary>Facts about the flow (e.g. messageLogging=false, redaction) for the policy engine.</summary>
    public AttributeBag Attributes { get; } = new();

    public SortedArraySet<SourceLocation> Evidence { get; } = [];

    // Made once: the model looks flows up by it on every merge, and each sorting by it made a new string. The same
    // pairs recur stack after stack ("app:code->provider:openai"), so a short key is the one string kept for its text
    // (about 50,000 of a 10,000-config scan's live strings, bench/SCALE.md round 15).
    public string Key => _key ??= KeyOf(From, To);

    internal static string KeyOf(string from, string to)
    {
        var length = from.Length + 2 + to.Length;
        if (length > 128)
        {
            return $"{from}->{to}";
        }

        Span<char> text = stackalloc char[length];
        from.CopyTo(text);
        "->".CopyTo(text[from.Length..]);
        to.CopyTo(text[(from.Length + 2)..]);
        return Yaml.RepeatedText.Of(text);
    }

    private string? _key;

    public void MergeFrom(Flow other)
    {
        DataCategories = DataCategories.Union(other.DataCategories);
        Attributes.MergeFrom(other.Attributes);
        Evidence.UnionWith(other.Evidence);
    }

    /// <summary>
    /// <see cref="MergeFrom"/> of a flow that has only these categories and at most this one site, without making that
    /// flow (StackModel.Connect of a pair already connected: bench/SCALE.md round 18).
    /// </summary>
    internal void MergeFrom(DataCategorySet categories, SourceLocation? evidence)
    {
        DataCategories = DataCategories.Union(categories);
        if (evidence is not null)
        {
            Evidence.Add(evidence);
        }
    }
}
