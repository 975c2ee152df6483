using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

public sealed class PolicyPackTests
{
    private const string ValidRule = """
        id: my-rule
        title: My rule
        severity: high
        message: "{{component.name}} is bad"
        remediation: Fix it.
        references: [https://example.com]
        select:
          kind: component
          role: [gateway]
        when:
          fact: attributes.masterKey
          equals: not-in-config
        tests:
          - name: fires
            config: |
              model_list:
                - model_name: gpt
                  litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}
            expect: fire
        """;

    private static (PolicyPack Pack, IReadOnlyList<Diagnostic> Diagnostics) Load(params string[] folders) =>
        PolicyPack.Load(folders, PolicyPack.RuleSchema(BuiltIn.Root), p => Path.GetFileName(p));

    private static Diagnostic SingleError(string ruleText)
    {
        using var folder = new TemporaryFolder();
        folder.Write("bad.yaml", ruleText);
        var (pack, diagnostics) = Load(folder.Path);
        Assert.Empty(pack.Rules);
        return Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_valid_rule_loads()
    {
        using var folder = new TemporaryFolder();
        folder.Write("my-rule.yaml", ValidRule);
        var (pack, diagnostics) = Load(folder.Path);
        Assert.Empty(diagnostics);
        var rule = Assert.Single(pack.Rules);
        Assert.Equal(Severity.High, rule.Severity);
        Assert.Equal("my-rule.yaml:1", rule.Origin.ToString());
    }

    [Fact]
    public void Bad_severity_is_reported_at_its_line_naming_the_key()
    {
        var error = SingleError(ValidRule.Replace("severity: high", "severity: urgent", StringComparison.Ordinal));
        Assert.Equal("bad.yaml:3", error.Location.ToString());
        Assert.Contains("'severity'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_id_is_reported_naming_the_key()
    {
        var error = SingleError(ValidRule.Replace("id: my-rule\n", "", StringComparison.Ordinal));
        Assert.Equal("bad.yaml", error.Location.File);
        Assert.Contains("required key 'id' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_is_reported_with_file_and_line()
    {
        var error = SingleError(ValidRule.Replace("remediation: Fix it.", "remediation: Fix it.\nowner: secteam", StringComparison.Ordinal));
        Assert.Contains("unknown key 'owner'", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line >= 1);
        Assert.Equal("bad.yaml", error.Location.File);
    }

    [Fact]
    public void Unknown_operator_inside_a_condition_is_a_schema_error()
    {
        var error = SingleError(ValidRule.Replace("equals: not-in-config", "equalz: not-in-config", StringComparison.Ordinal));
        Assert.Contains("equalz", error.Message, StringComparison.Ordinal);
        Assert.Equal(12, error.Location.Line);
    }

    [Fact]
    public void Unknown_fact_path_is_an_error_at_its_line()
    {
        var error = SingleError(ValidRule.Replace("fact: attributes.masterKey", "fact: colour", StringComparison.Ordinal));
        Assert.Equal("policy-invalid", error.Code);
        Assert.Equal("bad.yaml:11", error.Location.ToString());
        Assert.Contains("unknown fact 'colour'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_the_subject_cannot_fill_is_an_error()
    {
        var error = SingleError(ValidRule.Replace("{{component.name}}", "{{flow.to.name}}", StringComparison.Ordinal));
        Assert.Contains("{{flow.to.name}}", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void A_condition_with_two_forms_is_an_error()
    {
        var error = SingleError(ValidRule.Replace("  equals: not-in-config", "  equals: not-in-config\n  not: {fact: role, equals: app}", StringComparison.Ordinal));
        Assert.Contains("exactly one form", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_regex_is_an_error()
    {
        var error = SingleError(ValidRule.Replace("equals: not-in-config", "matches: \"(unclosed\"", StringComparison.Ordinal));
        Assert.Contains("regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_across_folders_name_both_files()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        first.Write("one.yaml", ValidRule);
        second.Write("two.yaml", ValidRule);
        var (pack, diagnostics) = Load(first.Path, second.Path);
        Assert.Single(pack.Rules);
        var error = Assert.Single(diagnostics);
        Assert.Equal("policy-duplicate-id", error.Code);
        Assert.Equal("two.yaml:1", error.Location.ToString());
        Assert.Contains("one.yaml:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_an_error()
    {
        var (_, diagnostics) = Load(Path.Combine(Path.GetTempPath(), "gateway-audit-no-such-folder"));
        Assert.Equal("policy-folder-missing", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Flow_only_selector_keys_on_a_component_rule_are_errors()
    {
        var error = SingleError(ValidRule.Replace("  role: [gateway]", "  role: [gateway]\n  carries: [prompt]", StringComparison.Ordinal));
        Assert.Contains("flows only", error.Message, StringComparison.Ordinal);
    }
}
