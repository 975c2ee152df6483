using GatewayAudit.Core.Model;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// The policy engine as a finding source: loads the built-in pack and <c>--policies</c> folders, the organisation
/// settings and the DPA declaration, and evaluates every rule. Load problems become diagnostics.
/// </summary>
public sealed class PolicyFindings : IFindingSource
{
    public IEnumerable<Finding> Evaluate(AuditContext context)
    {
        var options = context.Options;
        var display = new InputDiscovery([], options.WorkingDirectory);
        var (pack, diagnostics) = PolicyPack.Load(RuleFolders(options), PolicyPack.RuleSchema(options.ResourceRoot),
            PolicyPack.Display(options.ResourceRoot, display.Display));
        context.Diagnostics.AddRange(diagnostics);
        context.Rules.AddRange(pack.Rules);
        var settings = LoadSettings(options, context.Diagnostics, display.Display);
        var policyContext = new PolicyContext(context.Model, context.Catalog, settings);
        return pack.Rules.SelectMany(rule => RuleEngine.Evaluate(rule, policyContext)).ToList();
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

    private static string? FindSettingsFile(AuditOptions options)
    {
        var first = Path.GetFullPath(options.Paths.Count > 0 ? options.Paths[0] : ".", options.WorkingDirectory);
        var folder = Directory.Exists(first) ? first : Path.GetDirectoryName(first);
        var candidate = folder is null ? null : Path.Combine(folder, PolicySettings.FileName);
        return candidate is not null && File.Exists(candidate) ? candidate : null;
    }
}
