using System.CommandLine;
using System.Globalization;
using GatewayAudit.Core;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Suppressions;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit baseline write</c>: accept today's findings so CI fails only on new ones.</summary>
public static class BaselineCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        var shared = new AuditOptionSet();
        var output = new Option<string>("--output", "-o") { Description = "The baseline file to write (YAML).", Required = true };
        var reason = new Option<string>("--reason")
        {
            Description = "Why these findings are accepted; written into every entry (edit entries afterwards for finer reasons). Required.",
            Required = true,
        };
        var until = new Option<string?>("--until") { Description = "Expiry date YYYY-MM-DD for every entry; after it the findings are active again." };
        var write = new Command("write", "Run a scan and write every finding not already suppressed into a baseline file.\n" +
            "Entries match by rule id + file + fingerprint (the finding's subject), so they survive line shifts.\n\n" +
            "Example:\n" +
            "  gateway-audit baseline write deploy/litellm --output .gateway-audit-baseline.yaml --reason \"accepted at 2026-11 review\" --until 2027-05-31\n" +
            "  gateway-audit scan deploy/litellm --baseline .gateway-audit-baseline.yaml --fail-on medium")
        {
            output, reason, until,
        };
        shared.AddTo(write);
        write.SetAction(parse =>
        {
            var why = parse.GetValue(reason)!.Trim();
            if (why.Length == 0)
            {
                terminal.Error($"{ToolInfo.Name}: --reason must say why the findings are accepted");
                return ExitCodes.UsageOrInput;
            }

            DateOnly? expiry = null;
            if (parse.GetValue(until) is { } untilText)
            {
                if (!DateOnly.TryParseExact(untilText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    terminal.Error($"{ToolInfo.Name}: --until must be a date written YYYY-MM-DD");
                    return ExitCodes.UsageOrInput;
                }

                expiry = date;
            }

            var options = shared.Read(parse, workingDirectory);
            var audit = Auditor.Default.Run(options);
            terminal.Secrets = audit.Secrets;
            foreach (var diagnostic in audit.Diagnostics)
            {
                terminal.Report(diagnostic);
            }

            if (!audit.Complete)
            {
                terminal.Error($"{ToolInfo.Name}: scan incomplete; no baseline was written.");
                return ExitCodes.UsageOrInput;
            }

            var accepted = audit.Findings.Where(f => !f.Suppressed).ToList();
            var target = parse.GetValue(output)!;
            var protectedFiles = OutputTarget.Of(options, audit.ReadInputs(), templatePath: null);
            if (ReportFile.Write(Path.GetFullPath(target, workingDirectory), audit.Secrets.Scrub(Baseline.Write(accepted, why, expiry)), protectedFiles) is { } problem)
            {
                terminal.Error($"{ToolInfo.Name}: {problem}");
                return ExitCodes.UsageOrInput;
            }

            terminal.Error($"{ToolInfo.Name}: wrote {accepted.Count} finding{(accepted.Count == 1 ? "" : "s")} to baseline {target}");
            return ExitCodes.Ok;
        });
        return new Command("baseline", "Manage the baseline of accepted findings (used with scan --baseline FILE).") { write };
    }
}
