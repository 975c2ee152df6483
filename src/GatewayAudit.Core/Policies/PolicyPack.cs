using System.Globalization;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// The rules loaded from the built-in pack and any user folders. Each file is checked against
/// policies/schema/rule.schema.json before it is read, then for what a schema cannot say (one condition form per
/// mapping, known fact paths and placeholders, valid patterns, unique ids). Problems are diagnostics with file:line.
/// </summary>
public sealed class PolicyPack
{
    private static readonly string[] Operators =
        ["equals", "notEquals", "in", "notIn", "contains", "containsAny", "greaterThan", "atLeast", "lessThan", "atMost", "matches", "exists"];

    private static readonly string[] Forms = ["fact", "all", "any", "not", "reaches", "reachedFrom", "flowsIn", "flowsOut"];

    private PolicyPack(IReadOnlyList<PolicyRule> rules) => Rules = rules;

    public IReadOnlyList<PolicyRule> Rules { get; }

    public PolicyRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    public static string RulesDir(string root) => Path.Combine(root, "policies", "rules");

    public static string RuleSchema(string root) => Path.Combine(root, "policies", "schema", "rule.schema.json");

    public static string SettingsSchema(string root) => Path.Combine(root, "policies", "schema", "settings.schema.json");

    /// <summary>Shows built-in rule files as policies/rules/NAME.yaml (not the install folder); others as <paramref name="fallback"/> does.</summary>
    public static Func<string, string> Display(string resourceRoot, Func<string, string> fallback) => full =>
    {
        var builtIn = Path.GetFullPath(RulesDir(resourceRoot)) + Path.DirectorySeparatorChar;
        return full.StartsWith(builtIn, StringComparison.Ordinal)
            ? "policies/rules/" + full[builtIn.Length..].Replace('\\', '/')
            : fallback(full);
    };

    /// <summary>Loads rule folders (or single rule files) in order; a path that does not exist, or an id seen twice, is an error.</summary>
    /// <param name="trustedFolder">
    /// The built-in rule pack, schema-checked in tests and at build instead of on every run, and served from the build's
    /// snapshot when its files are the ones the snapshot was built from; null checks and parses every file.
    /// </param>
    public static (PolicyPack Pack, IReadOnlyList<Diagnostic> Diagnostics) Load(IEnumerable<string> folders, string schemaPath, Func<string, string> displayPath,
        string? trustedFolder = null)
    {
        var diagnostics = new List<Diagnostic>();
        var validator = YamlSchemaValidator.FromFile(schemaPath);
        var rules = new List<PolicyRule>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder) && !File.Exists(folder))
            {
                diagnostics.Add(Diagnostic.Error("policy-folder-missing", "policy folder not found", new SourceLocation(displayPath(folder), 0)));
                continue;
            }

            if (Catalog.VendorCatalog.SameFolder(folder, trustedFolder) && Snapshot.BuiltInSnapshot.Rules(folder, displayPath) is { } builtIn)
            {
                rules.AddRange(builtIn);
                continue;
            }

            List<string> files;
            try
            {
                // A single rule file is accepted too (policies validate my-rule.yaml).
                files = File.Exists(folder) ? [folder] : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Error("policy-folder-unreadable", "cannot list this policy folder: permission denied or I/O error", new SourceLocation(displayPath(folder), 0)));
                continue;
            }

            foreach (var file in files)
            {
                var shown = displayPath(file);
                var text = InputText.Read(file, shown, diagnostics);
                if (text is not null && Parse(shown, text, Catalog.VendorCatalog.SameFolder(folder, trustedFolder) ? null : validator, diagnostics) is { } rule)
                {
                    if (rules.FirstOrDefault(r => r.Id == rule.Id) is { } first)
                    {
                        diagnostics.Add(Diagnostic.Error("policy-duplicate-id",
                            $"rule id '{rule.Id}' is already defined in {first.Origin}; rule ids must be unique across all rule folders", rule.Origin));
                        continue;
                    }

                    rules.Add(rule);
                }
            }
        }

        return (new PolicyPack(rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList()), diagnostics);
    }

    /// <summary>Reads one rule file's text; null (with diagnostics) when it is not a valid rule.</summary>
    public static PolicyRule? Parse(string file, string text, YamlSchemaValidator? validator, List<Diagnostic> diagnostics)
    {
        var (document, yamlDiagnostics) = new SafeYamlLoader().Load(file, text);
        diagnostics.AddRange(yamlDiagnostics);
        if (document is null)
        {
            return null;
        }

        var schemaErrors = validator?.Validate(document, "policy-schema") ?? [];
        diagnostics.AddRange(schemaErrors);
        if (schemaErrors.Count > 0 || document.Root is not YamlMapping root)
        {
            return null;
        }

        var before = diagnostics.Count;
        var reader = new RuleReader(document, diagnostics);
        var rule = reader.Read(root);
        return diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error) ? null : rule;
    }

    private sealed class RuleReader(YamlDocument document, List<Diagnostic> diagnostics)
    {
        private SubjectKind _kind;

        public PolicyRule Read(YamlMapping root)
        {
            var select = (YamlMapping)root["select"]!;
            _kind = Text(select, "kind") switch
            {
                "flow" => SubjectKind.Flow,
                "secret" => SubjectKind.Secret,
                _ => SubjectKind.Component,
            };
            EnumText.TryParseSeverity(Text(root, "severity")!, out var severity);
            var rule = new PolicyRule
            {
                Id = Text(root, "id")!,
                Title = Text(root, "title")!,
                Severity = severity,
                Description = Text(root, "description") ?? "",
                Message = Text(root, "message")!,
                Remediation = Text(root, "remediation")!,
                References = Strings(root["references"]) ?? [],
                Tags = Strings(root["tags"]) ?? [],
                EvidenceFiles = Strings(root["evidence"]) ?? [],
                Selector = ReadSelector(select),
                When = root["when"] is YamlMapping when ? ReadCondition(when, _kind) : null,
                Origin = document.At(root.KeyNode("id")!),
            };
            foreach (var key in new[] { "message", "remediation" })
            {
                foreach (var placeholder in RuleEngine.Placeholders(Text(root, key)!))
                {
                    if (RuleEngine.FactPathOf(placeholder, _kind) is null)
                    {
                        Error(root[key]!, $"'{key}' uses {{{{{placeholder}}}}}, which a {_kind.ToString().ToLowerInvariant()} rule cannot fill; use {Prefix()}NAME, {Prefix()}attributes.NAME or settings.NAME");
                    }
                }
            }

            return rule with { Tests = ((YamlSequence)root["tests"]!).Items.OfType<YamlMapping>().Select(ReadTest).ToList() };
        }

        private string Prefix() => _kind switch
        {
            SubjectKind.Component => "component.",
            SubjectKind.Flow => "flow.",
            _ => "secret.",
        };

        private RuleSelector ReadSelector(YamlMapping select)
        {
            if (_kind != SubjectKind.Flow)
            {
                foreach (var key in new[] { "carries", "from", "to" })
                {
                    if (select.KeyNode(key) is { } node)
                    {
                        Error(node, $"'select.{key}' applies to flows only (kind: flow)");
                    }
                }
            }

            if (_kind != SubjectKind.Component)
            {
                foreach (var key in new[] { "id", "role", "vendor", "hosting", "receives" })
                {
                    if (select.KeyNode(key) is { } node)
                    {
                        Error(node, $"'select.{key}' applies to components only; for flows use 'from:' or 'to:'");
                    }
                }
            }

            return new RuleSelector(
                _kind,
                ReadFilter(select),
                Categories(select["carries"]),
                select["from"] is YamlMapping from ? ReadFilter(from) : null,
                select["to"] is YamlMapping to ? ReadFilter(to) : null);
        }

        private static ComponentFilter ReadFilter(YamlMapping m) => new(
            Strings(m["id"]),
            Strings(m["role"])?.Select(r => EnumText.TryParseRole(r, out var role) ? role : ComponentRole.App).ToList(),
            Strings(m["vendor"]),
            Strings(m["hosting"])?.Select(h => Enum.GetValues<Hosting>().First(x => EnumText.Of(x) == h)).ToList(),
            m["receives"] is null ? null : Categories(m["receives"]));

        private static List<DataCategory> Categories(YamlNode? node) =>
            (Strings(node) ?? []).Select(c => Enum.GetValues<DataCategory>().First(x => EnumText.Of(x) == c)).ToList();

        private RuleCondition ReadCondition(YamlMapping node, SubjectKind kind)
        {
            var at = document.At(node);
            var forms = node.Entries.Select(e => e.Key.Value).Where(Forms.Contains).ToList();
            var operators = node.Entries.Where(e => Operators.Contains(e.Key.Value)).ToList();
            if (forms.Count != 1)
            {
                Error(node, forms.Count == 0
                    ? "a condition needs one of: fact (with operators), all, any, not, reaches, reachedFrom, flowsIn, flowsOut"
                    : $"a condition has exactly one form; this one has {string.Join(", ", forms)} (wrap them in 'all:' or 'any:')");
                return new AllCondition(at, []);
            }

            if (forms[0] != "fact" && operators.Count > 0)
            {
                Error(operators[0].Key, $"'{operators[0].Key.Value}' is an operator of a 'fact:' test, not of '{forms[0]}'");
            }

            switch (forms[0])
            {
                case "all":
                case "any":
                    var items = ((YamlSequence)node[forms[0]]!).Items.OfType<YamlMapping>().Select(i => ReadCondition(i, kind)).ToList();
                    return forms[0] == "all" ? new AllCondition(at, items) : new AnyCondition(at, items);
                case "not":
                    return new NotCondition(at, ReadCondition((YamlMapping)node["not"]!, kind));
                case "reaches":
                case "reachedFrom":
                case "flowsIn":
                case "flowsOut":
                    if (kind != SubjectKind.Component)
                    {
                        Error(node.KeyNode(forms[0])!, $"'{forms[0]}' is a graph condition on components; a {kind.ToString().ToLowerInvariant()} can test to.* and from.* facts instead");
                        return new AllCondition(at, []);
                    }

                    if (forms[0] is "flowsIn" or "flowsOut")
                    {
                        return new FlowCondition(at, forms[0] == "flowsIn", ReadCondition((YamlMapping)node[forms[0]]!, SubjectKind.Flow));
                    }

                    var graph = (YamlMapping)node[forms[0]]!;
                    return new ReachCondition(at, forms[0] == "reaches", Categories(graph["carrying"]),
                        graph["where"] is YamlMapping where ? ReadCondition(where, SubjectKind.Component) : null);
            }

            var fact = ((YamlScalar)node["fact"]!).Value;
            if (!RuleSubject.IsKnownPath(kind, fact))
            {
                Error(node["fact"]!, $"unknown fact '{fact}' for a {kind.ToString().ToLowerInvariant()}; see docs/policies.md for the fact paths");
            }

            if (operators.Count == 0)
            {
                Error(node, $"the test of '{fact}' needs an operator: {string.Join(", ", Operators)}");
            }

            var tests = new List<(string, Operand)>();
            foreach (var (key, value) in operators)
            {
                var operand = ReadOperand(value);
                if (operand.Setting is { } setting && !PolicySettings.Names.Contains(setting))
                {
                    Error(value, $"unknown setting '{setting}'; settings are {string.Join(", ", PolicySettings.Names)}");
                }

                if (key.Value == "matches" && !IsValidRegex((string)operand.Literal!))
                {
                    Error(value, "'matches' needs a valid regular expression");
                }

                tests.Add((key.Value, operand));
            }

            return new FactCondition(at, fact, tests);
        }

        private static bool IsValidRegex(string pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static Operand ReadOperand(YamlNode node) => node switch
        {
            YamlMapping m => new Operand(null, Text(m, "setting")),
            YamlSequence seq => Operand.Of(seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray()),
            YamlScalar s => Operand.Of(Typed(s)),
            _ => Operand.Of(null),
        };

        private static object? Typed(YamlScalar s) => s.IsNull ? null : s.AsBool() is { } b ? b : s.AsNumber() is { } d ? d : s.Value;

        private RuleTestCase ReadTest(YamlMapping test)
        {
            var attributes = new Dictionary<string, IReadOnlyDictionary<string, object>>(StringComparer.Ordinal);
            if (test["attributes"] is YamlMapping byComponent)
            {
                foreach (var (id, values) in byComponent.Entries)
                {
                    var bag = new Dictionary<string, object>(StringComparer.Ordinal);
                    foreach (var (name, value) in ((YamlMapping)values).Entries)
                    {
                        bag[name.Value] = value switch
                        {
                            YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray(),
                            YamlScalar s when s.AsBool() is { } b => b,
                            YamlScalar s when !s.Quoted && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
                            YamlScalar s when s.AsNumber() is { } d => d,
                            YamlScalar s => s.Value,
                            _ => "",
                        };
                    }

                    attributes[id.Value] = bag;
                }
            }

            PolicySettings? settings = null;
            if (test["settings"] is YamlMapping settingsNode)
            {
                foreach (var (key, _) in settingsNode.Entries.Where(e => !PolicySettings.Names.Contains(e.Key.Value)))
                {
                    Error(key, $"unknown setting '{key.Value}'; settings are {string.Join(", ", PolicySettings.Names)}");
                }

                settings = PolicySettings.FromMapping(settingsNode);
            }

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (test["files"] is YamlMapping filesNode)
            {
                foreach (var (name, value) in filesNode.Entries)
                {
                    files[name.Value] = ((YamlScalar)value).Value;
                }
            }

            if (test["config"] is null && files.Count == 0)
            {
                Error(test, "a test case needs 'config:' (a LiteLLM config) or 'files:'");
            }

            return new RuleTestCase
            {
                Name = Text(test, "name")!,
                Config = Text(test, "config"),
                Files = files,
                Attributes = attributes,
                Settings = settings,
                ExpectFire = Text(test, "expect") == "fire",
                Count = (test["count"] as YamlScalar)?.AsNumber() is { } n ? (int)n : null,
                Location = document.At(test),
            };
        }

        private static string? Text(YamlMapping m, string key) => m[key] is YamlScalar { IsNull: false } s ? s.Value : null;

        private static List<string>? Strings(YamlNode? node) => node is YamlSequence seq ? seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToList() : null;

        private void Error(YamlNode node, string message) => diagnostics.Add(Diagnostic.Error("policy-invalid", message, document.At(node)));
    }
}
