using System.CommandLine;
using GatewayAudit.Core;
using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Dpa;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit policies list | validate [DIR] | test [DIR]</c>: the rule pack as code a security team owns.</summary>
public static class PoliciesCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        var listPolicies = new Option<string[]>("--policies") { Description = "Extra rule folder to list with the built-in pack. Repeatable." };
        var list = new Command("list", "List the rules: id, severity, title. Built-in pack plus any --policies folders.\n\n" +
            "Example:\n  gateway-audit policies list --policies security/rules")
        {
            listPolicies,
        };
        list.SetAction(parse =>
        {
            var (pack, failed) = LoadPack(terminal, workingDirectory, BuiltInAnd(parse.GetValue(listPolicies)), trustBuiltIn: true);
            if (failed)
            {
                return ExitCodes.UsageOrInput;
            }

            var width = pack.Rules.Count == 0 ? 2 : pack.Rules.Max(r => r.Id.Length);
            terminal.Write($"{"ID".PadRight(width)}  {"SEVERITY",-8}  TITLE\n");
            foreach (var rule in pack.Rules)
            {
                terminal.Write($"{rule.Id.PadRight(width)}  {EnumText.Of(rule.Severity),-8}  {rule.Title}\n");
            }

            terminal.Write("\nWith scan --dpa ANNEX (built in, compare the stack with a signed sub-processor annex):\n");
            var dpaWidth = Math.Max(width, DpaCheck.All.Max(c => c.Id.Length));
            foreach (var check in DpaCheck.All)
            {
                terminal.Write($"{check.Id.PadRight(dpaWidth)}  {EnumText.Of(check.Severity),-8}  {check.Title}\n");
            }

            terminal.Write($"\n{pack.Rules.Count} rules and {DpaCheck.All.Count} DPA checks. 'gateway-audit explain RULE_ID' shows what one checks and why.\n");
            return ExitCodes.Ok;
        });

        var validateDir = FolderArgument("Rule folders to check against policies/schema/rule.schema.json. Default: the built-in pack.");
        var validate = new Command("validate", "Check rule files against the rule schema and the rule language (fact paths, placeholders, patterns, unique ids)\n" +
            "without running anything. Exit 0 valid; 2 errors, each printed as file:line.\n\n" +
            "Example:\n  gateway-audit policies validate security/rules")
        {
            validateDir,
        };
        validate.SetAction(parse =>
        {
            var (pack, failed) = LoadPack(terminal, workingDirectory, FoldersOrBuiltIn(parse.GetValue(validateDir)), trustBuiltIn: false);
            if (failed)
            {
                return ExitCodes.UsageOrInput;
            }

            terminal.Write($"{pack.Rules.Count} rules valid.\n");
            return ExitCodes.Ok;
        });

        var testDir = FolderArgument("Rule folders whose test cases to run. Default: the built-in pack.");
        var catalogs = new Option<string[]>("--catalog") { Description = "Extra vendor catalog folder the cases see, as for scan. Repeatable." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every case, not only failures." };
        var test = new Command("test", "Run every rule's own test cases (like conftest verify): each case's config is read, the rule must fire\n" +
            "(with the expected count) or stay silent. Exit 0 all pass; 1 a case failed (printed with rule, case and file:line); 2 invalid rules.\n\n" +
            "Examples:\n  gateway-audit policies test\n  gateway-audit policies test security/rules --verbose")
        {
            testDir, catalogs, verbose,
        };
        test.SetAction(parse =>
        {
            var (pack, failed) = LoadPack(terminal, workingDirectory, FoldersOrBuiltIn(parse.GetValue(testDir)), trustBuiltIn: true);
            if (failed)
            {
                return ExitCodes.UsageOrInput;
            }

            var folders = new[] { BuiltIn.CatalogDir(BuiltIn.Root) }.Concat((parse.GetValue(catalogs) ?? []).Select(d => Path.GetFullPath(d, workingDirectory)));
            var (catalog, catalogDiagnostics) = VendorCatalog.Load(folders, BuiltIn.CatalogSchema(BuiltIn.Root), Display(workingDirectory),
                trustedFolder: BuiltIn.CatalogDir(BuiltIn.Root));
            foreach (var diagnostic in catalogDiagnostics)
            {
                terminal.Report(diagnostic);
            }

            if (catalogDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return ExitCodes.UsageOrInput;
            }

            var runner = new RuleTestRunner(ReaderRegistry.Default, catalog, PolicySettings.Default);
            var results = pack.Rules.SelectMany(runner.Run).ToList();
            foreach (var result in results.Where(r => !r.Passed || parse.GetValue(verbose)))
            {
                terminal.Write($"{(result.Passed ? "PASS" : "FAIL")} {result.Rule.Id} / {result.Case.Name} ({result.Case.Location}): {result.Detail}\n");
            }

            var failures = results.Count(r => !r.Passed);
            terminal.Write($"{results.Count - failures}/{results.Count} cases passed in {pack.Rules.Count} rules{(failures > 0 ? $"; {failures} failed" : "")}.\n");
            return failures > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });

        return new Command("policies", "Inspect, validate and test policy rules (policies/rules and --policies folders). See docs/policies.md.")
        {
            list, validate, test,
        };
    }

    private static Argument<string[]> FolderArgument(string description) => new("dir") { Description = description, Arity = ArgumentArity.ZeroOrMore };

    private static IEnumerable<string> BuiltInAnd(string[]? extra) => new[] { PolicyPack.RulesDir(BuiltIn.Root) }.Concat(extra ?? []);

    private static IEnumerable<string> FoldersOrBuiltIn(string[]? given) => given is { Length: > 0 } ? given : [PolicyPack.RulesDir(BuiltIn.Root)];

    internal static Func<string, string> Display(string workingDirectory) => new InputDiscovery([], workingDirectory).Display;

    /// <summary>Loads rule folders, printing every diagnostic; failed when any is an error.</summary>
    /// <param name="trustBuiltIn">
    /// Take the built-in pack as a scan does (checked at build and in tests, served from the build's snapshot while its
    /// files are unchanged); <c>policies validate</c> passes false, since checking is what it is asked to do.
    /// </param>
    internal static (PolicyPack Pack, bool Failed) LoadPack(Terminal terminal, string workingDirectory, IEnumerable<string> folders, bool trustBuiltIn)
    {
        var (pack, diagnostics) = PolicyPack.Load(folders.Select(f => Path.GetFullPath(f, workingDirectory)), PolicyPack.RuleSchema(BuiltIn.Root),
            PolicyPack.Display(BuiltIn.Root, Display(workingDirectory)), trustedFolder: trustBuiltIn ? PolicyPack.RulesDir(BuiltIn.Root) : null);
        foreach (var diagnostic in diagnostics)
        {
            terminal.Report(diagnostic);
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors > 0)
        {
            terminal.Error($"{ToolInfo.Name}: {errors} error{(errors == 1 ? "" : "s")} in the rules above.");
        }

        return (pack, errors > 0);
    }
}
