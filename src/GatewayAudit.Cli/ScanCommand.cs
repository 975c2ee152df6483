using System.CommandLine;
using GatewayAudit.Core;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit scan</c>: audit configs and render the report.</summary>
public static class ScanCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Config files or folders to scan (folders are searched for .yaml/.yml). Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(result =>
        {
            // A mistyped option would otherwise be read as a path and reported as a missing file.
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1
                         && !Path.Exists(Path.GetFullPath(t.Value, workingDirectory))))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: md (DPA annex and full report), json (machine-readable), html (for sharing).",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. RendererRegistry.Formats]);
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file (atomically: never half-written) instead of standard output.",
        };
        var catalogs = new Option<string[]>("--catalog")
        {
            Description = "Extra vendor catalog folder (*.yaml); a vendor id here overrides the built-in entry. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var template = new Option<string?>("--template")
        {
            Description = "Liquid template for the Markdown report (start from templates/report.md.liquid).",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when an unsuppressed finding has this severity or higher (none|info|low|medium|high|critical).",
            DefaultValueFactory = _ => "none",
        };
        failOn.AcceptOnlyFromAmong("none", "info", "low", "medium", "high", "critical");

        var command = new Command("scan", "Audit gateway configs: sub-processors, retention surfaces, ZDR gaps, findings.\n" +
            "Exit codes: 0 ran and nothing at or above --fail-on; 1 findings at or above it; 2 bad usage or unreadable input (no report written).")
        {
            paths, format, outputFile, catalogs, template, failOn,
        };

        command.SetAction(parse =>
        {
            var options = new AuditOptions
            {
                Paths = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."],
                WorkingDirectory = workingDirectory,
                CatalogDirs = parse.GetValue(catalogs) ?? [],
            };
            return Execute(terminal, options, parse.GetValue(format)!, parse.GetValue(outputFile), parse.GetValue(template), parse.GetValue(failOn)!, workingDirectory);
        });
        return command;
    }

    public static int Execute(Terminal terminal, AuditOptions options, string format, string? output, string? template, string failOn, string workingDirectory)
    {
        var templatePath = template is null ? null : Path.GetFullPath(template, workingDirectory);
        if (templatePath is not null && !File.Exists(templatePath))
        {
            terminal.Error($"{template}: template not found");
            return ExitCodes.UsageOrInput;
        }

        var audit = Auditor.Default.Run(options);
        terminal.Secrets = audit.Secrets;
        foreach (var diagnostic in audit.Diagnostics)
        {
            terminal.Report(diagnostic);
        }

        if (!audit.Complete)
        {
            var errors = audit.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            terminal.Error($"{ToolInfo.Name}: scan incomplete ({errors} error{(errors == 1 ? "" : "s")} in the inputs above); no report was written.");
            return ExitCodes.UsageOrInput;
        }

        string text;
        try
        {
            var renderer = RendererRegistry.Create(BuiltIn.TemplatesDir(options.ResourceRoot), templatePath).Single(r => r.Format == format);
            text = audit.Secrets.Scrub(renderer.Render(ReportBuilder.Build(audit)));
        }
        catch (TemplateException e)
        {
            terminal.Error($"{ToolInfo.Name}: template error: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        if (output is null)
        {
            terminal.Write(text);
        }
        else if (ReportFile.Write(Path.GetFullPath(output, workingDirectory), text, audit.Inputs.Select(i => Path.GetFullPath(i.File, workingDirectory))) is { } problem)
        {
            terminal.Error($"{ToolInfo.Name}: {problem}");
            return ExitCodes.UsageOrInput;
        }
        else
        {
            terminal.Error($"{ToolInfo.Name}: wrote {format} report to {output}");
        }

        return FailsGate(audit.Findings, failOn) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static bool FailsGate(IEnumerable<Finding> findings, string failOn) =>
        failOn != "none" && EnumText.TryParseSeverity(failOn, out var threshold) && findings.Any(f => !f.Suppressed && f.Severity >= threshold);
}
