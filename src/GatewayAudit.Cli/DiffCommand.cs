using System.CommandLine;
using GatewayAudit.Core;
using GatewayAudit.Core.Diff;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit diff OLD.json NEW.json</c>: sub-processor changes between two scans, and the change notice they call for.</summary>
public static class DiffCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        var old = new Argument<string>("old") { Description = "The earlier scan result (gateway-audit scan --format json), e.g. from the main branch." };
        var @new = new Argument<string>("new") { Description = "The later scan result, e.g. from the pull request." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "md: the sub-processor change notice to send customers (GDPR Art. 28(2)), with the effective date to fill in; " +
                "json: the added, removed and changed parties for other tools.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. DiffRenderers.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (atomically) instead of standard output." };
        var command = new Command("diff",
            "Compare two scan results and list the sub-processors added, removed and changed (new data categories, new region, zero data\n" +
            "retention lost, a gateway's new upstream), as a sub-processor change notice in Markdown or as JSON. Operator-run systems are\n" +
            "not sub-processors and are left out.\n" +
            "Exit codes: 1 when a sub-processor is added (gate a pull request on it), 0 otherwise, 2 when an input is not a scan result.\n\n" +
            "Example (CI, on a pull request):\n" +
            "  git worktree add ../base origin/main\n" +
            "  gateway-audit scan ../base/deploy --format json --output base.json\n" +
            "  gateway-audit scan deploy --format json --output head.json\n" +
            "  gateway-audit diff base.json head.json --output change-notice.md   # exit 1: a new sub-processor needs a notice")
        {
            old, @new, format, output,
        };
        command.SetAction(parse =>
        {
            var diagnostics = new List<Diagnostic>();
            var results = new[] { parse.GetValue(old)!, parse.GetValue(@new)! }
                .Select(path => ScanResultReader.Read(Path.GetFullPath(path, workingDirectory), path, diagnostics))
                .ToList();
            foreach (var diagnostic in diagnostics)
            {
                terminal.Report(diagnostic);
            }

            if (results.Any(r => r is null))
            {
                terminal.Error($"{ToolInfo.Name}: diff needs two results of 'gateway-audit scan --format json'; nothing was written.");
                return ExitCodes.UsageOrInput;
            }

            var diff = SubprocessorDiff.Compare(results[0]!, results[1]!);
            var chosen = parse.GetValue(format)!;
            var text = DiffRenderers.All.Single(r => r.Format == chosen).Render(diff);
            if (parse.GetValue(output) is not { } target)
            {
                terminal.Write(text);
            }
            else if (ReportFile.Write(Path.GetFullPath(target, workingDirectory), text, results.Select(r => Path.GetFullPath(r!.File, workingDirectory))) is { } problem)
            {
                terminal.Error($"{ToolInfo.Name}: {problem}");
                return ExitCodes.UsageOrInput;
            }

            terminal.Error($"{ToolInfo.Name}: {diff.Summary.Added} sub-processor(s) added, {diff.Summary.Removed} removed, {diff.Summary.Changed} changed" +
                (parse.GetValue(output) is { } written ? $"; wrote {chosen} to {written}" : ""));
            return diff.Added.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
