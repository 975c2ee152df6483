using System.Globalization;
using System.Net;
using System.Text;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// The data-flow diagram as an inline SVG the HTML report carries itself (no script, font or renderer from the
/// network). Columns by role: client applications and operator code, then gateways, then everything the gateways
/// send data to; a party reached through another one (OpenRouter's upstreams) stands one column further right.
/// Each box holds a component's name (escaped, wrapped, shortened with its full name as a tooltip) and its
/// hosting; each arrow is labelled with the data categories that cross it.
/// </summary>
public static class DataFlowSvg
{
    private const int BoxWidth = 240;
    private const int LineHeight = 15;
    private const int ColumnGap = 150;
    private const int RowGap = 18;
    private const int Margin = 16;
    private const int LegendHeight = 40;
    private const int CharsPerLine = 26;
    private const int MaxNameLines = 3;
    private const int CharsPerLabelLine = 22;

    private static readonly char[] Separators = ['/', '-', '.', '_', ':'];

    // Base column of each role: where a component stands when no flow pushes it further right.
    private static readonly Dictionary<string, int> RoleColumn = new(StringComparer.Ordinal)
    {
        ["app"] = 0,
        ["operator-code"] = 0,
        ["gateway"] = 1,
    };

    // Order inside a column: the request path first, then what keeps data, then the rest.
    private static readonly string[] RoleOrder =
        ["app", "operator-code", "gateway", "model-provider", "self-hosted-inference", "guardrail", "tool-api", "exporter", "datastore", "cache", "alerting", "host"];

    public static string Render(IReadOnlyList<ComponentRow> components, IReadOnlyList<FlowRow> flows)
    {
        var known = components.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var edges = flows.Where(f => known.Contains(f.From) && known.Contains(f.To) && f.From != f.To).ToList();
        var columns = Columns(components, edges);
        var boxes = Place(components, columns, edges);
        var width = (columns.Values.DefaultIfEmpty(0).Max() + 1) * (BoxWidth + ColumnGap) - ColumnGap + 2 * Margin;
        var height = boxes.Values.Select(b => b.Y + b.Height).DefaultIfEmpty(Margin).Max() + Margin + LegendHeight;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"dataflow\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"dataflow-title\">\n");
        svg.Append("<title id=\"dataflow-title\">Data flow: which component sends which data to which</title>\n");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>\n");
        AppendEdges(svg, edges, boxes);
        foreach (var component in components)
        {
            AppendBox(svg, component, boxes[component.Id]);
        }

        AppendLegend(svg, height - LegendHeight + 8);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// The role's base column, pushed right until every flow runs left to right: a gateway the proxy calls
    /// (OpenRouter) stands right of the proxy, and its upstreams right of it. Bounded passes, so a cycle ends.
    /// </summary>
    private static Dictionary<string, int> Columns(IReadOnlyList<ComponentRow> components, IReadOnlyList<FlowRow> edges)
    {
        var column = components.ToDictionary(c => c.Id, c => RoleColumn.GetValueOrDefault(c.Role, 2), StringComparer.Ordinal);
        for (var pass = 0; pass < components.Count; pass++)
        {
            var moved = false;
            foreach (var edge in edges.Where(e => column[e.To] <= column[e.From]))
            {
                column[edge.To] = column[edge.From] + 1;
                moved = true;
            }

            if (!moved)
            {
                break;
            }
        }

        return column;
    }

    private static Dictionary<string, Box> Place(IReadOnlyList<ComponentRow> components, Dictionary<string, int> columns, IReadOnlyList<FlowRow> edges)
    {
        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        var byColumn = components.GroupBy(c => columns[c.Id]).OrderBy(g => g.Key).ToList();
        var tallest = byColumn.Select(g => g.Sum(c => BoxHeight(c) + RowGap) - RowGap).DefaultIfEmpty(0).Max();
        foreach (var group in byColumn)
        {
            var members = group.OrderBy(c => Array.IndexOf(RoleOrder, c.Role) is var i && i < 0 ? RoleOrder.Length : i)
                .ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var x = Margin + group.Key * (BoxWidth + ColumnGap);

            // Beside what sends to it (OpenRouter's upstreams level with OpenRouter), when that fits in the height;
            // else the column is centred on the tallest, so a lone gateway sits level with the middle of what it feeds.
            var aligned = new List<(string Id, int Y, int Height)>();
            var bottom = int.MinValue;
            foreach (var component in members)
            {
                var sources = edges.Where(e => e.To == component.Id && boxes.ContainsKey(e.From)).Select(e => boxes[e.From]).ToList();
                var height = BoxHeight(component);
                var wanted = sources.Count == 0 ? Margin : (int)sources.Average(b => b.Y + b.Height / 2.0) - height / 2;
                var y = Math.Max(Math.Max(wanted, Margin), bottom == int.MinValue ? Margin : bottom + RowGap);
                aligned.Add((component.Id, y, height));
                bottom = y + height;
            }

            var columnHeight = members.Sum(c => BoxHeight(c) + RowGap) - RowGap;
            var fits = members.Count > 0 && aligned.All(a => a.Y >= Margin) && bottom <= Margin + tallest
                && members.All(c => edges.Any(e => e.To == c.Id && boxes.ContainsKey(e.From)));
            var top = Margin + (tallest - columnHeight) / 2;
            foreach (var (id, y, height) in aligned)
            {
                boxes[id] = new Box(x, fits ? y : top, height);
                top += height + RowGap;
            }
        }

        return boxes;
    }

    private static void AppendEdges(StringBuilder svg, IReadOnlyList<FlowRow> edges, Dictionary<string, Box> boxes)
    {
        // Arrows into one box are spread over its left edge, and their labels stacked, so none hides another.
        foreach (var group in edges.GroupBy(e => e.To))
        {
            var incoming = group.OrderBy(e => boxes[e.From].Y).ToList();
            for (var k = 0; k < incoming.Count; k++)
            {
                var edge = incoming[k];
                var from = boxes[edge.From];
                var to = boxes[edge.To];
                var x1 = from.X + BoxWidth;
                var y1 = from.Y + from.Height / 2.0;
                var x2 = to.X - 2;
                var y2 = to.Y + to.Height * (k + 1.0) / (incoming.Count + 1);
                var bend = Math.Max(40, (x2 - x1) / 2.0);
                var categories = string.Join(", ", edge.DataCategories);
                svg.Append(CultureInfo.InvariantCulture, $"<g class=\"flow\"><title>{Escape(categories)}</title>");
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x1},{y1:0.#} C{x1 + bend:0.#},{y1:0.#} {x2 - bend:0.#},{y2:0.#} {x2},{y2:0.#}\" fill=\"none\" stroke=\"#8c959f\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/>");
                var lines = Wrap(categories, CharsPerLabelLine, 3);
                var labelY = y2 - 5 - (lines.Count - 1) * 12;
                foreach (var line in lines)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x2 - 8}\" y=\"{labelY:0.#}\" text-anchor=\"end\" class=\"flow-label\">{Escape(line)}</text>");
                    labelY += 12;
                }

                svg.Append("</g>\n");
            }
        }
    }

    private static void AppendBox(StringBuilder svg, ComponentRow component, Box box)
    {
        var style = component.Hosting switch
        {
            "third-party" => "third-party",
            "operator-hosted" => "operator",
            _ => "unknown",
        };
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"node {style}\"><title>{Escape(component.Name)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{box.X}\" y=\"{box.Y}\" width=\"{BoxWidth}\" height=\"{box.Height}\" rx=\"6\"/>");
        var y = box.Y + 18;
        foreach (var line in Wrap(component.Name, CharsPerLine, MaxNameLines))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{box.X + 10}\" y=\"{y}\" class=\"name\">{Escape(line)}</text>");
            y += LineHeight;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{box.X + 10}\" y=\"{y + 1}\" class=\"meta\">{Escape(component.Role.Replace('-', ' '))} · {Escape(HostingText(component.Hosting))}</text>");
        svg.Append("</g>\n");
    }

    private static void AppendLegend(StringBuilder svg, int y)
    {
        var x = Margin;
        foreach (var (style, text) in new[] { ("third-party", "third party"), ("operator", "operator-hosted"), ("unknown", "hosting unknown") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"node {style}\"><rect x=\"{x}\" y=\"{y}\" width=\"22\" height=\"14\" rx=\"3\"/><text x=\"{x + 28}\" y=\"{y + 11}\" class=\"meta\">{text}</text></g>\n");
            x += 150;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y + 11}\" class=\"meta\">arrow labels: data categories sent</text>\n");
    }

    private static int BoxHeight(ComponentRow component) => 14 + Wrap(component.Name, CharsPerLine, MaxNameLines).Count * LineHeight + 16;

    private static string HostingText(string hosting) => hosting switch
    {
        "third-party" => "third party",
        "operator-hosted" => "operator",
        _ => "hosting unknown",
    };

    /// <summary>Words into lines of at most <paramref name="width"/> characters; the last line ends in "…" when text is left over.</summary>
    internal static List<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = current.Length == 0 ? width : width - current.Length - 1;
                if (rest.Length <= room)
                {
                    current.Append(current.Length == 0 ? "" : " ").Append(rest);
                    rest = "";
                }
                else if (current.Length > 0)
                {
                    // A word too long for any line starts on this one when it has a separator that fits.
                    var part = rest.Length > width && room > 1 ? rest.LastIndexOfAny(Separators, room - 1) + 1 : 0;
                    if (part > 0)
                    {
                        current.Append(' ').Append(rest[..part]);
                        rest = rest[part..];
                    }

                    lines.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    // A long slug or host breaks after a '/', '-' or '.' where it can, else at the width.
                    var cut = rest.LastIndexOfAny(Separators, width - 1) + 1;
                    cut = cut <= width / 3 ? width : cut;
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            var last = lines[^1];
            lines[^1] = (last.Length >= width ? last[..(width - 1)] : last) + "…";
        }

        return lines.Count == 0 ? [""] : lines;
    }

    // Text and attribute values from the inputs: markup characters become entities, control characters (not allowed
    // in XML, and a way to smuggle line breaks) become spaces.
    private static string Escape(string text) => WebUtility.HtmlEncode(new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()));

    private readonly record struct Box(int X, int Y, int Height);
}
