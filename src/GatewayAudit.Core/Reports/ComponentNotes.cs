namespace GatewayAudit.Core.Reports;

/// <summary>
/// Which of a component's notes the Markdown and HTML reports print beside the annex and the operator-run systems
/// ("No spend-log database: ...", "Helicone-Omit-Request: true: the request is still sent ..."). The JSON keeps every
/// note (<c>subprocessors[].notes</c>); the human reports leave out only notes another part of the report already
/// says, as the readers word them: the catalog's identification of a host (the vendor facts), "Called from FILE: line
/// N" and "Set up in FILE at line N" (the evidence table), the proxy's generic "Receives every prompt ..." (the
/// operator-run systems row), and the possible-party explanations (the annex purpose says them for a possible party).
/// </summary>
public static class ComponentNotes
{
    private static readonly string[] RestatedPrefixes =
    [
        "Called from ",
        "Set up in ",
        "Receives every prompt and completion in memory and forwards them to everything below.",
        "Possible party, lower confidence",
        "Possible sub-processor, lower confidence",
        "Presumed, not shown",
    ];

    /// <summary>The notes a human report prints, in their order; null when none is left.</summary>
    public static IReadOnlyList<string>? Shown(IEnumerable<string> notes)
    {
        var shown = notes.Where(n => !Restated(n)).Distinct(StringComparer.Ordinal).ToList();
        return shown.Count > 0 ? shown : null;
    }

    private static bool Restated(string note) =>
        RestatedPrefixes.Any(p => note.StartsWith(p, StringComparison.Ordinal))
        || (note.StartsWith("Host ", StringComparison.Ordinal) && note.EndsWith("(catalog).", StringComparison.Ordinal));
}
