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
        var shared = new AuditOptionSet();
        shared.Paths.Validators.Add(result =>
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
            Description = "Report format: md (DPA annex and full report), json (machine-readable), html (for sharing), " +
                "sarif (SARIF 2.1.0 for GitHub code scanning: --format sarif --output gateway-audit.sarif), " +
                "annex (only the DPA sub-processor annex, Markdown to paste into a contract), csv (the annex as CSV for spreadsheets).",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. RendererRegistry.Formats]);
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file (atomically: never half-written) instead of standard output.",
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

        var command = new Command("scan", "Audit gateway configs: sub-processors, retention surfaces, ZDR gaps, findings of the policy rules.\n" +
            "Exit codes: 0 ran and nothing at or above --fail-on; 1 findings at or above it; 2 bad usage, unreadable input, invalid rules,\n" +
            "settings, baseline or a suppression without a reason (no report written).\n\n" +
            "Examples:\n" +
            "  gateway-audit scan deploy/litellm --fail-on high\n" +
            "  gateway-audit scan . --format sarif --output gateway-audit.sarif --baseline .gateway-audit-baseline.yaml\n" +
            "  gateway-audit scan deploy --format csv --output subprocessors.csv\n" +
            "  gateway-audit scan config.yaml --policies security/rules --settings gateway-audit.settings.yaml --dpa dpa-subprocessors.yaml\n" +
            "  gateway-audit scan deploy/ --dpa legal/signed-dpa.md --fail-on high    # CI: exit 1 when data goes to a party the DPA does not declare\n\n" +
            "Suppress one finding inline, on its line or the line above:\n" +
            "  # gateway-audit:ignore cache-ttl-too-long reason=\"cache holds public docs only\" until=2027-06-30")
        {
            format, outputFile, template, failOn,
        };
        shared.AddTo(command);

        command.SetAction(parse =>
        {
            var options = shared.Read(parse, workingDirectory);
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

        // A FIFO would block the render until a writer comes; a device (a symlink to /dev/zero) never ends.
        if (templatePath is not null && FileIdentity.KindOf(templatePath) is var kind and not FileKind.Regular)
        {
            terminal.Error($"{template}: template is {FileIdentity.Describe(kind)}, not a regular file; not read");
            return ExitCodes.UsageOrInput;
        }

        var progress = terminal.Progress();
        var audit = Auditor.Default.Run(options with { Progress = progress });
        (progress as IDisposable)?.Dispose();
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

        // The report goes straight to its stream (JSON value by value), every text through the secret sweep and the
        // control-character filter; a report file is written beside the target and renamed, so never half there.
        string Clean(string text) => ControlCharacters.Neutralise(audit.Secrets.Scrub(text));
        try
        {
            var renderer = RendererRegistry.Create(BuiltIn.TemplatesDir(options.ResourceRoot), templatePath, audit.Rules).Single(r => r.Format == format);
            var report = ReportBuilder.Build(audit);
            PhaseClock.Mark("report built");
            if (output is null)
            {
                using var stdout = terminal.OpenReport();
                renderer.Write(report, stdout, Clean);
            }
            else if (ReportFile.Write(Path.GetFullPath(output, workingDirectory), stream => renderer.Write(report, stream, Clean),
                         OutputTarget.Of(options, audit.ReadInputs(), templatePath)) is { } problem)
            {
                terminal.Error($"{ToolInfo.Name}: {problem}");
                return ExitCodes.UsageOrInput;
            }
            else
            {
                terminal.Error($"{ToolInfo.Name}: wrote {format} report to {output}");
            }
        }
        catch (TemplateException e)
        {
            terminal.Error($"{ToolInfo.Name}: template error: {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        PhaseClock.Mark("written");
        if (GateMessage(audit.Findings, failOn) is { } gate)
        {
            terminal.Error(gate);
            return ExitCodes.Findings;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Null when no unsuppressed finding is at or above <paramref name="failOn"/>; else the line that says why the
    /// exit code is 1: "exit 1: 2 high, 1 medium findings at or above --fail-on medium", most severe first.
    /// </summary>
    internal static string? GateMessage(IEnumerable<Finding> findings, string failOn) =>
        GateMessage(findings.Where(f => !f.Suppressed).Select(f => f.Severity), failOn);

    /// <summary>The same gate over the severities of the unsuppressed findings (a merged result has rows, not findings).</summary>
    internal static string? GateMessage(IEnumerable<Severity> unsuppressed, string failOn)
    {
        if (failOn == "none" || !EnumText.TryParseSeverity(failOn, out var threshold))
        {
            return null;
        }

        var counts = unsuppressed.Where(s => s >= threshold)
            .GroupBy(s => s).OrderByDescending(g => g.Key).Select(g => (Severity: g.Key, Count: g.Count())).ToList();
        if (counts.Count == 0)
        {
            return null;
        }

        var total = counts.Sum(c => c.Count);
        return $"{ToolInfo.Name}: exit 1: {string.Join(", ", counts.Select(c => $"{c.Count} {EnumText.Of(c.Severity)}"))} finding{(total == 1 ? "" : "s")} at or above --fail-on {failOn}";
    }
}
