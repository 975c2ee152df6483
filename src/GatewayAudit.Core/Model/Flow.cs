namespace GatewayAudit.Core.Model;

/// <summary>Data moving from one component to another, labelled with what crosses.</summary>
public sealed class Flow
{
    public required string From { get; init; }

    public required string To { get; init; }

    public SortedSet<DataCategory> DataCategories { get; } = [];

    /// <summary>Facts about the flow (e.g. messageLogging=false, redaction) for the policy engine.</summary>
    public AttributeBag Attributes { get; } = new();

    public SortedSet<SourceLocation> Evidence { get; } = [];

    public string Key => $"{From}->{To}";

    public void MergeFrom(Flow other)
    {
        DataCategories.UnionWith(other.DataCategories);
        Attributes.MergeFrom(other.Attributes);
        Evidence.UnionWith(other.Evidence);
    }
}
