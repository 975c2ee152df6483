using Fluid;
using Fluid.Values;

namespace GatewayAudit.Core.Reports;

/// <summary>Markdown from a Liquid template (templates/report.md.liquid by default, or the user's own).</summary>
public sealed class MarkdownRenderer(string templatePath) : IReportRenderer
{
    private static readonly FluidParser Parser = new();

    public string Format => "md";

    public string TemplatePath { get; } = templatePath;

    /// <summary>The rendered template, ending in exactly one newline whatever whitespace the template leaves.</summary>
    public string Render(Report report) => LiquidTemplates.Render(Parser, TemplatePath, report).TrimEnd('\n', ' ') + "\n";
}

/// <summary>Shared Liquid setup: camelCase members, filters for Markdown table cells and HTML-safe text.</summary>
public static class LiquidTemplates
{
    private static readonly TemplateOptions Options = CreateOptions();

    public static string Render(FluidParser parser, string templatePath, Report report, IReadOnlyDictionary<string, object>? extra = null)
    {
        string source;
        try
        {
            source = File.ReadAllText(templatePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException($"{templatePath}: cannot read the template ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)})");
        }

        if (!parser.TryParse(source, out var template, out var error))
        {
            throw new TemplateException($"{templatePath}: {error}");
        }

        var context = new TemplateContext(report, Options);
        foreach (var (key, value) in extra ?? new Dictionary<string, object>())
        {
            context.SetValue(key, value);
        }

        return template.Render(context).ReplaceLineEndings("\n");
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        options.Filters.AddFilter("md_cell", (input, _, _) => new StringValue(MarkdownCell(input.ToStringValue())));
        options.Filters.AddFilter("md_text", (input, _, _) => new StringValue(MarkdownText(input.ToStringValue())));
        options.Filters.AddFilter("evidence", (input, _, context) => new StringValue(EvidenceText(input, context)));
        return options;
    }

    /// <summary>Text safe inside a Markdown table cell: no pipes or newlines breaking the row.</summary>
    public static string MarkdownCell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);

    /// <summary>Text safe inside a list item or paragraph: one line, no raw HTML.</summary>
    public static string MarkdownText(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string EvidenceText(FluidValue input, TemplateContext context)
    {
        var rows = input.Enumerate(context).Select(v => v.ToObjectValue()).OfType<EvidenceRow>().ToList();

        // Several lines in one file read as "file:3, 7, 12" so a row stays short.
        return string.Join("; ", rows.GroupBy(r => r.File).Select(g => $"{g.Key}:{string.Join(", ", g.Select(r => r.Line).Distinct())}"));
    }
}

/// <summary>A template that cannot be read or parsed: a usage error the CLI reports with the template's path.</summary>
public sealed class TemplateException(string message) : Exception(message);
