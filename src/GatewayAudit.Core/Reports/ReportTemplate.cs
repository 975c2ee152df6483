using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace GatewayAudit.Core.Reports;

/// <summary>
/// A report template written in Liquid, run by Scriban (<c>Template.ParseLiquid</c>). Each template is parsed once
/// per process and rendered with a fresh, sandboxed context: member names are camelCase (the JSON keys), includes
/// resolve only inside the template's own folder, and loops, recursion, output and time are bounded, so a hostile
/// user template (<c>scan --template FILE</c>) ends in a <see cref="TemplateException"/> (exit 2), never a hang.
/// Filters: <c>md_cell</c>, <c>md_text</c>, <c>md_code</c>, <c>evidence</c> (<see cref="ReportTemplateFilters"/>).
/// </summary>
public sealed partial class ReportTemplate
{
    /// <summary>Iterations of all loops nested under one outermost loop (Scriban's cumulative LoopLimit).</summary>
    public const int LoopLimit = 1_000_000;

    /// <summary>Nested includes or function calls.</summary>
    public const int RecursionLimit = 64;

    /// <summary>Characters a template may write; a report is far smaller.</summary>
    public const int OutputLimit = 64 * 1024 * 1024;

    /// <summary>Wall-clock bound for one render, checked by Scriban inside loops.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<(string Path, string Source), ReportTemplate> Parsed = new();

    private readonly Template _template;

    private ReportTemplate(string path, Template template)
    {
        Path = path;
        _template = template;
    }

    /// <summary>The template's full path; includes resolve inside its folder.</summary>
    public string Path { get; }

    /// <summary>Reads and parses the template at <paramref name="path"/>, or returns the one parsed before from the same text.</summary>
    public static ReportTemplate Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        string source;
        try
        {
            source = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException($"{path}: cannot read the template ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)})");
        }

        return Parsed.GetOrAdd((fullPath, source), key => new ReportTemplate(key.Path, Parse(key.Source, path)));
    }

    /// <summary>Renders with the report's members (camelCase) and <paramref name="extra"/> as global names.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Scriban reads the report model by reflection; every type of "
        + "the model's namespace keeps its members (Reports/ILLink.Descriptors.xml), and bench/startup/aot-check.sh compares the AOT "
        + "binary's Markdown, annex and HTML with the goldens.")]
    public string Render(object model, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: CamelCase);
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            globals.SetValue(key, value, readOnly: true);
        }

        using var timeout = new CancellationTokenSource(TimeLimit);
        var context = new LiquidTemplateContext
        {
            MemberRenamer = CamelCase,
            MemberFilter = member => member is System.Reflection.PropertyInfo,
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            RecursiveLimit = RecursionLimit,
            // One limit for any single string a template builds and for the whole output, and both throw: a string that
            // doubles (append, replace, concat in a loop) stops at the limit, and a report is never silently truncated.
            LimitToString = OutputLimit,
            OutputLimit = OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            TemplateLoader = new FolderTemplateLoader(System.IO.Path.GetDirectoryName(Path)!),
            CancellationToken = timeout.Token,
            StrictVariables = false,
            NewLine = "\n",
        };
        context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        context.PushGlobal(ReportTemplateFilters.Functions);
        context.PushGlobal(globals);

        string text;
        try
        {
            text = _template.Render(context);
        }
        catch (ScriptAbortException)
        {
            throw new TemplateException($"{Path}: rendering took longer than {TimeLimit.TotalSeconds:0} seconds; stopped");
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException($"{Path}:{e.Span.Start.Line + 1}:{e.Span.Start.Column + 1}: {e.OriginalMessage}");
        }
        catch (InsufficientExecutionStackException)
        {
            throw new TemplateException($"{Path}: the template nests too deeply");
        }

        if (text.Length >= OutputLimit)
        {
            throw new TemplateException($"{Path}: the template writes more than {OutputLimit / (1024 * 1024)} MiB; stopped");
        }

        return text.ReplaceLineEndings("\n");
    }

    private static Template Parse(string source, string displayPath)
    {
        // Scriban's Liquid lexer (Lexer.TryReadLiquidCommentOrRaw, scriban/scriban) does not read "{% comment -%}" (what
        // that dash would trim is inside the comment, so it is dropped) and ignores the dash of "{% endcomment -%}" (so
        // the whitespace it trims in Liquid is removed here).
        source = CommentOpening().Replace(source, "{%${dash} comment %}");
        source = CommentClosing().Replace(source, "{%${dash} endcomment %}");
        var template = Template.ParseLiquid(source, displayPath, new ParserOptions { LiquidFunctionsToScriban = true });
        if (template.HasErrors)
        {
            var messages = template.Messages.Where(m => m.Type == ParserMessageType.Error).Take(3)
                .Select(m => $"{displayPath}:{m.Span.Start.Line + 1}:{m.Span.Start.Column + 1}: {m.Message}");
            throw new TemplateException(string.Join("; ", messages));
        }

        return template;
    }

    /// <summary>camelCase, the report model's JSON names: <c>ThirdParties</c> becomes <c>thirdParties</c>.</summary>
    private static string CamelCase(System.Reflection.MemberInfo member) =>
        member.Name.Length == 0 ? member.Name : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];

    /// <summary>
    /// <c>{% include 'name' %}</c> reads <c>name</c> (or <c>name.liquid</c>) from the template's own folder or below it,
    /// never from anywhere else: no absolute paths, no <c>..</c> out of the folder, no symbolic link leading out.
    /// </summary>
    private sealed class FolderTemplateLoader(string root) : ITemplateLoader
    {
        private readonly string _root = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root)) + System.IO.Path.DirectorySeparatorChar;

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            foreach (var name in new[] { templateName, templateName + ".liquid" })
            {
                var full = System.IO.Path.GetFullPath(name, _root);
                if (!Inside(full))
                {
                    throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' is outside the template's folder");
                }

                if (File.Exists(full))
                {
                    var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
                    if (!Inside(target))
                    {
                        throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' links outside the template's folder");
                    }

                    return full;
                }
            }

            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' not found in the template's folder");
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath, Encoding.UTF8);

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

        private bool Inside(string full) => full.StartsWith(_root, StringComparison.Ordinal);
    }
}

public sealed partial class ReportTemplate
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{%(?<dash>-?)\s*comment\s*-%\}")]
    private static partial System.Text.RegularExpressions.Regex CommentOpening();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{%(?<dash>-?)\s*endcomment\s*-%\}\s*")]
    private static partial System.Text.RegularExpressions.Regex CommentClosing();
}

/// <summary>A template that cannot be read, parsed or rendered within its bounds: a usage error the CLI reports with the template's path.</summary>
public sealed class TemplateException(string message) : Exception(message);
