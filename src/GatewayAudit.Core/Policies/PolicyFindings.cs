using System.Runtime.CompilerServices;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// The policy engine as a finding source: loads the built-in pack and <c>--policies</c> folders, the organisation
/// settings and the DPA declaration, and evaluates every rule. Load problems become diagnostics.
/// </summary>
public sealed class PolicyFindings : IFindingSource
{
    // The pack and settings are loaded once per run, not once per stack (a monorepo of 1,000 stacks parsed every rule
    // file 1,000 times): a run is known by its diagnostics list, which the auditor makes anew for each run.
    private readonly ConditionalWeakTable<List<Diagnostic>, Loaded> _loaded = [];

    public IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var options = context.Options;
        var loaded = _loaded.GetValue(context.Diagnostics, _ =>
        {
            var display = new InputDiscovery([], options.WorkingDirectory);
            var (pack, diagnostics) = PolicyPack.Load(RuleFolders(options), PolicyPack.RuleSchema(options.ResourceRoot),
                PolicyPack.Display(options.ResourceRoot, display.Display), trustedFolder: PolicyPack.RulesDir(options.ResourceRoot));
            context.Diagnostics.AddRange(diagnostics);
            PhaseClock.Mark("rules loaded");
            return new Loaded(pack, [.. pack.Rules.Select(CompiledRule.Of)], LoadSettings(options, context.Diagnostics, display.Display));
        });
        context.Rules.AddRange(loaded.Pack.Rules);
        var policyContext = new PolicyContext(context.Model, context.Catalog, loaded.Settings);
        var findings = new List<Finding>();
        foreach (var rule in loaded.Compiled)
        {
            if (EvaluateOrReport(rule, policyContext, context.Diagnostics) is { Count: > 0 } found)
            {
                findings.AddRange(found);
            }
        }

        return findings;
    }

    // The rules compiled once per run, in the pack's order.
    private sealed record Loaded(PolicyPack Pack, CompiledRule[] Compiled, PolicySettings Settings);

    /// <summary>
    /// The rule's findings; a pattern that times out (catastrophic backtracking on a long value) is an error on the
    /// rule, never a silent "no match" that would pass a CI gate the rule was meant to hold.
    /// </summary>
    public static IReadOnlyList<Finding> EvaluateOrReport(PolicyRule rule, PolicyContext context, List<Diagnostic> diagnostics) =>
        EvaluateOrReport(CompiledRule.Of(rule), context, diagnostics);

    private static IReadOnlyList<Finding> EvaluateOrReport(CompiledRule compiled, PolicyContext context, List<Diagnostic> diagnostics)
    {
        var rule = compiled.Rule;
        try
        {
            return RuleEngine.Evaluate(compiled, context);
        }
        catch (RuleRegexTimeoutException)
        {
            diagnostics.Add(Diagnostic.Error("rule-regex-timeout",
                $"rule {rule.Id}: a 'matches' pattern took too long on a value of this scan (catastrophic backtracking?) and the rule could not be evaluated; simplify the pattern",
                rule.Origin));
            return [];
        }
    }

    public static IEnumerable<string> RuleFolders(AuditOptions options) =>
        new[] { PolicyPack.RulesDir(options.ResourceRoot) }.Concat(options.PolicyDirs.Select(d => Path.GetFullPath(d, options.WorkingDirectory)));

    /// <summary>
    /// Settings from <c>--settings FILE</c>, else <c>gateway-audit.settings.yaml</c> in the first scanned folder (or the
    /// folder of the first scanned file), else the defaults; then the <c>--dpa</c> declaration is added.
    /// </summary>
    public static PolicySettings LoadSettings(AuditOptions options, List<Diagnostic> diagnostics, Func<string, string> display)
    {
        var schema = PolicyPack.SettingsSchema(options.ResourceRoot);
        var settings = PolicySettings.Default;
        if (options.SettingsPath is { } given)
        {
            var full = Path.GetFullPath(given, options.WorkingDirectory);
            if (File.Exists(full))
            {
                settings = PolicySettings.Load(full, display(full), schema, diagnostics);
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("settings-missing", "settings file not found", new SourceLocation(display(full), 0)));
            }
        }
        else if (FindSettingsFile(options) is { } found)
        {
            settings = PolicySettings.Load(found, display(found), schema, diagnostics);
        }

        // An annex (Markdown or CSV) is compared with the stack by Dpa.DpaDrift; only the YAML id list feeds these rules.
        if (options.DpaPath is { } dpa && Dpa.DpaAnnexFile.IsIdList(dpa))
        {
            var full = Path.GetFullPath(dpa, options.WorkingDirectory);
            if (File.Exists(full))
            {
                settings = settings.WithDeclared(DpaDeclaration.Load(full, display(full), diagnostics));
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("dpa-missing", "DPA file not found", new SourceLocation(display(full), 0)));
            }
        }

        return settings;
    }

    /// <summary>The settings file a scan without <c>--settings</c> reads, if there is one.</summary>
    public static string? FindSettingsFile(AuditOptions options)
    {
        var first = Path.GetFullPath(options.Paths.Count > 0 ? options.Paths[0] : ".", options.WorkingDirectory);
        var folder = Directory.Exists(first) ? first : Path.GetDirectoryName(first);
        var candidate = folder is null ? null : Path.Combine(folder, PolicySettings.FileName);
        return candidate is not null && File.Exists(candidate) ? candidate : null;
    }
}
