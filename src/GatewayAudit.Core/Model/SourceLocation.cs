namespace GatewayAudit.Core.Model;

/// <summary>Where a fact was read: a file path relative to the scan root (forward slashes), 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column = 1) : IComparable<SourceLocation>
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;

    public int CompareTo(SourceLocation? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byFile = string.CompareOrdinal(File, other.File);
        if (byFile != 0)
        {
            return byFile;
        }

        return Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);
    }
}
