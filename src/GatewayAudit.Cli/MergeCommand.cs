using System.CommandLine;
using GatewayAudit.Core;
using GatewayAudit.Core.Diff;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Organisation;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit merge RESULT.json...</c>: one organisation-wide inventory from per-repository scan results.</summary>
public static class MergeCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        var results = new Argument<string[]>("result")
        {
            Description = "Scan results (gateway-audit scan --format json), one per repository. Each repository is named after its file " +
                "(payments-api.json is payments-api) unless --name says otherwise.",
            Arity = ArgumentArity.OneOrMore,
        };
        var names = new Option<string[]>("--name")
        {
            Description = "Name a repository: --name FILE=NAME (e.g. --name results/1.json=payments-api). Repeatable. " +
                "Names must be unique; they prefix every file path of that repository in the merged report (payments-api/deploy/config.yaml).",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "md (the organisation's annex and full report), json (for other tools), html, sarif (every repository's findings), " +
                "annex (only the DPA annex, Markdown), csv (the annex as CSV).",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong([.. RendererRegistry.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (atomically) instead of standard output." };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when an unsuppressed finding of any repository has this severity or higher (none|info|low|medium|high|critical).",
            DefaultValueFactory = _ => "none",
        };
        failOn.AcceptOnlyFromAmong("none", "info", "low", "medium", "high", "critical");
        var command = new Command("merge",
            "Combine per-repository scan results into one organisation-wide inventory: every party with the repositories and stacks\n" +
            "that use it, the union of the data it receives, every region, and the weakest ZDR among its uses (naming the repository that\n" +
            "makes it so); findings and evidence keep their repository. Rendered like a scan, with the same annex.\n" +
            "Exit codes: 0 merged and nothing at or above --fail-on; 1 findings at or above it; 2 an input is missing, empty, cut short,\n" +
            "not a scan result, of a schema version this build does not read or not the version of the others, the same file is given\n" +
            "twice, or two repositories have the same name (each named with its file and reason; nothing written).\n\n" +
            "Example: a CI matrix scanned each repository with this repository's action (name: REPO), and\n" +
            "actions/download-artifact (pattern: gateway-audit-*, merge-multiple: true) put every REPO.json in results/\n" +
            "(docs/organisation.md; without merge-multiple each artifact is a folder: results/*/*.json):\n" +
            "  gateway-audit merge results/*.json --output organisation.md\n" +
            "  gateway-audit merge results/*.json --format csv --output organisation-subprocessors.csv\n" +
            "  gateway-audit merge a/gateway-audit.json b/gateway-audit.json --name a/gateway-audit.json=payments-api --name b/gateway-audit.json=search")
        {
            results, names, format, output, failOn,
        };
        command.SetAction(parse => Execute(terminal, workingDirectory, parse.GetValue(results)!, parse.GetValue(names) ?? [],
            parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(failOn)!));
        return command;
    }

    private static int Execute(Terminal terminal, string workingDirectory, string[] files, string[] names, string format, string? output, string failOn)
    {
        var diagnostics = new List<Diagnostic>();
        var read = new List<RepositoryResult>();
        var given = Names(names, files, workingDirectory, diagnostics);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file, workingDirectory);
            if (FileIdentity.KeyOf(full) is { } key && !seen.TryAdd(key, file))
            {
                diagnostics.Add(Diagnostic.Error("merge-duplicate-input", $"the same file as {seen[key]}: give each repository's result once", new SourceLocation(file, 0)));
                continue;
            }

            if (ScanResultReader.ReadReport(full, file, diagnostics) is { } result)
            {
                read.Add(new RepositoryResult(given.GetValueOrDefault(full) ?? Path.GetFileNameWithoutExtension(file), file, result.Report));
                versions[file] = result.Result.SchemaVersion;
            }
        }

        // One merged report states one shape: version-1 results have no evidenceCount nor locations, so a mix would
        // make a version-2 report whose "every location" misses some repositories.
        if (versions.Values.Distinct().Count() > 1)
        {
            var newest = versions.Values.Max();
            foreach (var (file, version) in versions.Where(v => v.Value != newest))
            {
                diagnostics.Add(Diagnostic.Error("merge-schema-mix",
                    $"a result of schema version {version}, while {versions.Count(v => v.Value == newest)} other(s) are version {newest}: scan every repository with the same gateway-audit version",
                    new SourceLocation(file, 1)));
            }
        }

        foreach (var clash in read.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Add(Diagnostic.Error("merge-duplicate-name",
                $"{clash.Count()} results are named '{clash.Key}' ({string.Join(", ", clash.Select(r => r.File))}); name each with --name FILE=NAME", new SourceLocation(clash.First().File, 0)));
        }

        foreach (var diagnostic in diagnostics)
        {
            terminal.Report(diagnostic);
        }

        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            terminal.Error($"{ToolInfo.Name}: merge needs results of 'gateway-audit scan --format json', each once and with its own name; nothing was written.");
            return ExitCodes.UsageOrInput;
        }

        var merged = OrganisationMerge.Merge(read);
        var text = RendererRegistry.Create(BuiltIn.TemplatesDir(BuiltIn.Root)).Single(r => r.Format == format).Render(merged);
        if (output is null)
        {
            terminal.Write(text);
        }
        else if (ReportFile.Write(Path.GetFullPath(output, workingDirectory), text,
                     files.Select(f => new ProtectedFile(Path.GetFullPath(f, workingDirectory), "a merged result"))) is { } problem)
        {
            terminal.Error($"{ToolInfo.Name}: {problem}");
            return ExitCodes.UsageOrInput;
        }

        terminal.Error($"{ToolInfo.Name}: merged {read.Count} repositor{(read.Count == 1 ? "y" : "ies")}: {merged.Summary.AnnexSubprocessors} sub-processor(s), " +
            $"{merged.Summary.OperatorSystems} operator-run system(s), {merged.Summary.Findings} finding(s)" + (output is null ? "" : $"; wrote {format} to {output}"));
        var open = merged.Findings.Where(f => !f.Suppressed).Select(f => EnumText.TryParseSeverity(f.Severity, out var s) ? s : Severity.Critical);
        if (ScanCommand.GateMessage(open, failOn) is { } gate)
        {
            terminal.Error(gate);
            return ExitCodes.Findings;
        }

        return ExitCodes.Ok;
    }

    /// <summary>--name FILE=NAME pairs by the full path of FILE; a malformed pair or a FILE not among the results is an error.</summary>
    private static Dictionary<string, string> Names(string[] pairs, string[] files, string workingDirectory, List<Diagnostic> diagnostics)
    {
        var known = files.Select(f => Path.GetFullPath(f, workingDirectory)).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var cut = pair.LastIndexOf('=');
            var (file, name) = cut > 0 ? (pair[..cut], pair[(cut + 1)..].Trim()) : ("", "");
            if (name.Length == 0 || name.Contains('/') || name.Contains('\\'))
            {
                diagnostics.Add(Diagnostic.Error("merge-bad-name", $"--name {pair}: expected FILE=NAME with a non-empty NAME without slashes", new SourceLocation("--name", 0)));
            }
            else if (!known.Contains(Path.GetFullPath(file, workingDirectory)))
            {
                diagnostics.Add(Diagnostic.Error("merge-bad-name", $"--name {pair}: {file} is not one of the results to merge", new SourceLocation("--name", 0)));
            }
            else
            {
                names[Path.GetFullPath(file, workingDirectory)] = name;
            }
        }

        return names;
    }
}
