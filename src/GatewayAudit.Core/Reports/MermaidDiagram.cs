using System.Text;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Reports;

/// <summary>A Mermaid flowchart of the stack: one node per component, one edge per flow, labelled by data category.</summary>
public static class MermaidDiagram
{
    public static string Render(StackModel model) => Render(
        model.Components.Select(c => (c.Id, c.Name, c.Hosting)),
        model.Flows.Select(f => (f.From, f.To, f.DataCategories.Select(EnumText.Of))));

    /// <summary>The same diagram from report rows (the merged organisation report, which has no stack model).</summary>
    public static string Render(IReadOnlyList<ComponentRow> components, IReadOnlyList<FlowRow> flows) => Render(
        components.Select(c => (c.Id, c.Name, c.Hosting switch
        {
            "third-party" => Hosting.ThirdParty,
            "operator-hosted" => Hosting.OperatorHosted,
            _ => Hosting.Unknown,
        })),
        flows.Select(f => (f.From, f.To, f.DataCategories.AsEnumerable())));

    private static string Render(IEnumerable<(string Id, string Name, Hosting Hosting)> components, IEnumerable<(string From, string To, IEnumerable<string> Categories)> flows)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder("flowchart LR\n");
        var n = 0;
        foreach (var component in components)
        {
            var id = $"c{n++}";
            ids[component.Id] = id;
            var label = Escape(component.Name);
            var hosting = component.Hosting switch
            {
                Hosting.ThirdParty => "third party",
                Hosting.OperatorHosted => "operator",
                _ => "hosting unknown",
            };
            text.Append(component.Hosting == Hosting.ThirdParty
                ? $"  {id}[[\"{label}<br/>{hosting}\"]]\n"
                : $"  {id}[\"{label}<br/>{hosting}\"]\n");
        }

        foreach (var flow in flows)
        {
            if (ids.TryGetValue(flow.From, out var from) && ids.TryGetValue(flow.To, out var to))
            {
                text.Append($"  {from} -->|{string.Join(", ", flow.Categories)}| {to}\n");
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    // Labels come partly from config text: no quote, pipe, angle bracket or backtick may end the label, inject markup
    // or close the Markdown code fence, and no line break may split the statement. Mermaid's entity codes
    // (mermaid.js.org/syntax/flowchart.html, "Entity codes to escape characters") stand in for them; '#' and '&' are
    // escaped first, so a value cannot spell an entity code or an HTML entity of its own ("#lt;", "&lt;").
    private static string Escape(string text) => text
        .Replace("#", "#35;", StringComparison.Ordinal).Replace("&", "#38;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal).Replace("|", "#124;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("`", "#96;", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
