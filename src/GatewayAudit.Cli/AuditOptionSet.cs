using System.CommandLine;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary>The options every auditing command shares (scan, baseline write), declared once so help and parsing agree.</summary>
public sealed class AuditOptionSet
{
    public Argument<string[]> Paths { get; } = new("path")
    {
        Description = "Files or folders to scan. Folders are searched for gateway and deployment configs (LiteLLM config.yaml, compose, Helm values and templates, Kubernetes manifests, .env files, Dockerfiles, requirements files and pyproject.toml, Portkey, OpenRouter, Helicone and Cloudflare AI Gateway configs, Spring application.yml/properties) and for source code that calls providers, gateways and observability backends (C#, Python, TypeScript/JavaScript, Go, Java/Kotlin). What .gitignore ignores, bin, obj, .git and node_modules, and vendored, generated, minified and test source files are not read; the report lists what was passed over and why. Default: the current folder.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Catalogs { get; } = new("--catalog")
    {
        Description = "Extra vendor catalog folder (*.yaml); a vendor id here overrides the built-in entry. Repeatable.",
    };

    public Option<string[]> Policies { get; } = new("--policies")
    {
        Description = "Extra rule folder (*.yaml rules, see docs/policies.md), loaded after the built-in pack; a duplicate rule id is an error. " +
            "Repeatable, e.g. --policies security/rules --policies team/rules.",
    };

    public Option<string?> Settings { get; } = new("--settings")
    {
        Description = "Organisation policy settings (allowedVendors, allowedRegions, maxRetentionDays, maxCacheTtlSeconds, requireZdr, " +
            "declaredSubprocessors). Default: gateway-audit.settings.yaml in the scanned folder, else built-in defaults.",
    };

    public Option<string?> Dpa { get; } = new("--dpa")
    {
        Description = "The sub-processor annex of the DPA you signed, checked against the stack: a Markdown table or list (.md) or a CSV export (.csv) " +
            "with a column called Sub-processor, Vendor, Name, Entity or Company. Reports every party that receives data and is not declared " +
            "(dpa-undeclared-subprocessor, high) and every declared party no longer used (dpa-unused-subprocessor, info). " +
            "A .yaml file is instead a list of vendor or component ids for the *-not-declared rules.",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Baseline of accepted findings (write one with 'gateway-audit baseline write'); matching findings are reported as suppressed.",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Catalogs);
        command.Options.Add(Policies);
        command.Options.Add(Settings);
        command.Options.Add(Dpa);
        command.Options.Add(Baseline);
    }

    public AuditOptions Read(ParseResult parse, string workingDirectory) => new()
    {
        Paths = parse.GetValue(Paths) is { Length: > 0 } given ? given : ["."],
        WorkingDirectory = workingDirectory,
        CatalogDirs = parse.GetValue(Catalogs) ?? [],
        PolicyDirs = parse.GetValue(Policies) ?? [],
        SettingsPath = parse.GetValue(Settings),
        DpaPath = parse.GetValue(Dpa),
        BaselinePath = parse.GetValue(Baseline),
    };
}
