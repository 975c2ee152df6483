using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Dpa;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Stacks;
using GatewayAudit.Core.Suppressions;

namespace GatewayAudit.Core.Scanning;

/// <summary>
/// Runs one audit in one direction: discovery, readers, merge, catalog enrichment, finding sources.
/// Problems with inputs are collected as diagnostics; nothing here decides exit codes.
/// </summary>
public sealed class Auditor(IReadOnlyList<IConfigReader> readers, IReadOnlyList<IFindingSource> findingSources)
{
    public static Auditor Default { get; } = new(ReaderRegistry.Default, [new PolicyFindings()]);

    public AuditResult Run(AuditOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var discovery = new InputDiscovery(readers, options.WorkingDirectory) { TotalBudget = options.InputBudgetBytes, Progress = options.Progress };
        var catalogFolders = new[] { BuiltIn.CatalogDir(options.ResourceRoot) }
            .Concat(options.CatalogDirs.Select(d => Path.GetFullPath(d, options.WorkingDirectory)));
        var (catalog, catalogDiagnostics) = VendorCatalog.Load(catalogFolders, BuiltIn.CatalogSchema(options.ResourceRoot), discovery.Display,
            trustedFolder: BuiltIn.CatalogDir(options.ResourceRoot));
        diagnostics.AddRange(catalogDiagnostics);
        PhaseClock.Mark("catalog");

        var files = discovery.Discover(options.Paths, diagnostics);
        PhaseClock.Mark("discovered");
        var inputs = new List<ScannedInput>();
        var recognized = new List<(InputFile File, IConfigReader Reader)>();
        var unrecognised = new List<ScannedInput>();
        var readAs = new List<(string File, FileId ReadAs)>(files.Count);
        foreach (var file in files)
        {
            var reader = readers.FirstOrDefault(r => r.Recognizes(file));
            if (reader is null)
            {
                // A walked file offered by its ending (every .json) that no reader recognises is passed over like a
                // file of a type no reader takes; one the user named is listed and explained.
                (file.NamedExplicitly ? inputs : unrecognised).Add(new ScannedInput(file.DisplayPath, "none", Unrecognized(file, diagnostics)));
                file.ReleaseParsed();
                continue;
            }

            var declined = reader.Declines(file);
            inputs.Add(new ScannedInput(file.DisplayPath, reader.Name, declined));
            if (file.ReadAs is { } id)
            {
                readAs.Add((file.DisplayPath, id)); // what a report must never replace (the CLI's OutputTarget)
            }

            if (declined is null)
            {
                recognized.Add((file, reader));
            }
            else
            {
                file.ReleaseParsed();
            }
        }

        PhaseClock.Mark("recognised");
        var stacks = StackAssembler.Assemble(recognized, readers, diagnostics);
        foreach (var file in stacks.SelectMany(s => s.Files))
        {
            // The readers are done: only the suppression comments are read from here on.
            file.ReleaseText();
        }

        StageEnd.ReleaseGarbage(stacks.Count);
        PhaseClock.Mark("read, assembled");

        // A .env file alone wires nothing: its variables only matter to a config or deployment that reads them.
        if (files.Count > 0 && inputs.All(i => i.Skipped || i.Reader == "dotenv") && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            diagnostics.Add(Diagnostic.Error("input-none-recognized",
                "none of the files read is a gateway config or deployment gateway-audit understands (LiteLLM proxy config.yaml; a compose file, manifest, Helm values, Dockerfile or requirements naming LiteLLM; an OpenRouter request, Portkey config, Helicone or Cloudflare AI Gateway config in JSON or YAML); nothing to audit",
                new SourceLocation(discovery.Display(Path.GetFullPath(options.Paths[0], options.WorkingDirectory)), 0)));
        }
        else if (files.Count == 0 && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var passedOver = discovery.NotRead.Count switch
            {
                0 => "",
                1 => $"; the one file found ({discovery.NotRead[0].File}) is of a type it does not read",
                var n => $"; the {n} files found are of types it does not read",
            };
            diagnostics.Add(Diagnostic.Error("input-none-found", $"no gateway config or deployment files found here (LiteLLM config.yaml, docker-compose, Kubernetes or Helm YAML, Dockerfile, requirements.txt, pyproject.toml, gateway JSON or YAML){passedOver}; name one or a folder holding one",
                new SourceLocation(discovery.Display(Path.GetFullPath(options.Paths[0], options.WorkingDirectory)), 0)));
        }

        // Files in the scanned folders that no reader takes (.json, .txt, source code ...) are listed as skipped, in
        // path order among the files read, so the inputs section shows everything the scan passed over.
        inputs.AddRange(discovery.PassedOver(unrecognised, diagnostics));
        inputs.Sort((a, b) => string.CompareOrdinal(a.File, b.File));

        // Each stack is audited on its own (a finding about one deployment never rests on another's facts); the
        // top level is their roll-up.
        var baseline = LoadBaseline(options, discovery, diagnostics);
        var audited = new List<StackResult>();
        var rules = new List<PolicyRule>();
        foreach (var stack in stacks)
        {
            CatalogEnrichment.Apply(stack.Model, catalog);
        }

        // The signed DPA covers every stack: parties it does not declare are found per stack, rows no stack uses once.
        var drift = LoadDpa(options, discovery, diagnostics) is { } annex ? new DpaDrift(annex, catalog, [.. stacks.Select(s => s.Model)]) : null;
        var annexFindings = new List<Finding>();
        foreach (var stack in stacks)
        {
            var context = new AuditContext(stack.Model, catalog, options, stack.Files, diagnostics);
            var stackFindings = new List<Finding>();
            foreach (var source in findingSources)
            {
                stackFindings.AddRange(source.Evaluate(context));
            }

            if (drift is not null)
            {
                stackFindings.AddRange(drift.Undeclared(stack.Model));
                if (audited.Count == 0)
                {
                    stackFindings.AddRange(drift.AnnexFindings());
                }
            }

            var judged = SuppressionStage.Apply(FindingOrder.Sorted(stackFindings), stack.Files, baseline, options.Today, diagnostics);
            var own = new List<Finding>(judged.Count);
            foreach (var finding in judged)
            {
                (DpaDrift.IsAboutAnnex(finding) ? annexFindings : own).Add(finding);
            }

            audited.Add(new StackResult(stack, own));
            if (rules.Count == 0)
            {
                rules.AddRange(context.Rules);
            }
        }

        PhaseClock.Mark("rules evaluated");
        var model = stacks.Count == 1 ? stacks[0].Model : new StackModel();
        var secrets = new SecretLedger();
        foreach (var stack in stacks)
        {
            if (stacks.Count > 1)
            {
                model.MergeCopiesFrom(stack.Model);
            }

            secrets.Absorb(stack.Secrets);
        }

        var findings = FindingOrder.Sorted(FindingOrder.Distinct(audited.SelectMany(s => s.Findings).Concat(annexFindings)).ToList());
        secrets.Protect(ReportVocabulary(stacks, catalog, rules));

        PhaseClock.Mark("rolled up");
        return new AuditResult
        {
            Inputs = inputs,
            Model = model,
            Catalog = catalog,
            Findings = findings,
            Diagnostics = diagnostics.OrderBy(d => d.Location).ThenBy(d => d.Code, StringComparer.Ordinal).ToList(),
            Secrets = secrets,
            Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList(),
            Stacks = audited,
            ReadAs = readAs,
        };
    }

    /// <summary>
    /// The report's own words, which the secret sweep must leave whole whatever password a config holds (see
    /// <see cref="SecretLedger"/>): rule ids and references, the catalog's vendor ids, names, hosts, facts and source
    /// URLs, and the ids and names of components that stand for a catalog vendor.
    /// </summary>
    /// <remarks>Loops, not a query: the nested Concat and SelectMany iterators cost about a thousand instructions per word (round 17).</remarks>
    private static IEnumerable<string?> ReportVocabulary(IReadOnlyList<Stacks.Stack> stacks, VendorCatalog catalog, List<PolicyRule> rules)
    {
        foreach (var rule in rules)
        {
            yield return rule.Id;
            foreach (var reference in rule.References)
            {
                yield return reference;
            }
        }

        foreach (var vendor in catalog.Vendors)
        {
            foreach (var host in vendor.Hosts)
            {
                yield return host;
            }

            yield return vendor.Id;
            yield return vendor.Name;
            foreach (var fact in vendor.Facts.Values)
            {
                foreach (var value in fact.Values)
                {
                    yield return value;
                }

                yield return fact.Source?.ToString();
                yield return fact.Source?.OriginalString;
                yield return fact.Note;
            }
        }

        foreach (var stack in stacks)
        {
            foreach (var component in stack.Model.Components)
            {
                if (catalog.Find(component.Vendor) is not null)
                {
                    yield return component.Id;
                    yield return component.Name;
                }
            }
        }
    }

    /// <summary>The annex of <c>--dpa FILE</c>, or null when none is given or the file is the YAML id list the policy rules read.</summary>
    private static DpaAnnex? LoadDpa(AuditOptions options, InputDiscovery discovery, List<Diagnostic> diagnostics)
    {
        if (options.DpaPath is not { } path || DpaAnnexFile.IsIdList(path))
        {
            return null;
        }

        var full = Path.GetFullPath(path, options.WorkingDirectory);
        return DpaAnnexFile.Load(full, discovery.Display(full), diagnostics);
    }

    private static Baseline? LoadBaseline(AuditOptions options, InputDiscovery discovery, List<Diagnostic> diagnostics)
    {
        if (options.BaselinePath is not { } path)
        {
            return null;
        }

        var full = Path.GetFullPath(path, options.WorkingDirectory);
        if (!File.Exists(full))
        {
            diagnostics.Add(Diagnostic.Error("baseline-missing", "baseline file not found (write one with 'gateway-audit baseline write')", new SourceLocation(discovery.Display(full), 0)));
            return null;
        }

        return Baseline.Load(full, discovery.Display(full), diagnostics);
    }

    private static string Unrecognized(InputFile file, List<Diagnostic> diagnostics)
    {
        if (!file.NamedExplicitly)
        {
            return "not a gateway config gateway-audit recognises";
        }

        if (file.Text.Trim().Length == 0)
        {
            diagnostics.Add(Diagnostic.Error("input-empty", "the file is empty", new SourceLocation(file.DisplayPath, 0)));
            return "empty";
        }

        // The user named this file: if it is not even valid YAML, say where; otherwise say why it was passed over.
        // Multi-document files (Kubernetes manifests) are valid YAML too.
        if (file.LooksLikeYaml && file.YamlDocuments.Documents is null)
        {
            diagnostics.AddRange(file.YamlDocuments.Diagnostics);
            return "malformed YAML";
        }

        diagnostics.Add(Diagnostic.Warning("input-skipped",
            "not a gateway config gateway-audit recognises (a LiteLLM config has model_list, litellm_settings, general_settings or router_settings at the top level); skipped",
            new SourceLocation(file.DisplayPath, 0)));
        return "not a gateway config gateway-audit recognises";
    }
}
