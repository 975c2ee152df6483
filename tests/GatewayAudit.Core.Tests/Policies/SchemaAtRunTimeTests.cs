using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Core.Tests.Policies;

/// <summary>
/// The built-in catalog and rules are schema-checked here (BuiltInPackTests, the catalog tests), not on every run: a
/// scan trusts the folder shipped with the tool and checks only the user's own --catalog and --policies files.
/// </summary>
public sealed class SchemaAtRunTimeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // Parses as a vendor, but the schema refuses the unknown key.
    private const string VendorWithUnknownKey = """
        id: acme-llm
        name: Acme LLM
        notAKnownKey: true
        """;

    [Fact]
    public void A_users_catalog_file_is_schema_checked_and_the_trusted_folder_is_not()
    {
        var folder = Path.GetDirectoryName(_dir.Write("catalog/acme-llm.yaml", VendorWithUnknownKey))!;
        var schema = BuiltIn.CatalogSchema(BuiltIn.Root);
        var (_, checkedDiagnostics) = VendorCatalog.Load([folder], schema, p => p);
        Assert.Contains(checkedDiagnostics, d => d.Code == "catalog-schema");
        var (_, trustedDiagnostics) = VendorCatalog.Load([folder], schema, p => p, trustedFolder: folder + "/");
        Assert.DoesNotContain(trustedDiagnostics, d => d.Code == "catalog-schema");
    }

    [Fact]
    public void A_users_rule_file_is_schema_checked_and_the_trusted_folder_is_not()
    {
        // Reads as a rule, but the schema asks for at least one test case.
        var folder = Path.GetDirectoryName(_dir.Write("rules/no-tests.yaml", """
            id: no-tests
            title: A rule without tests
            severity: low
            message: m
            remediation: r
            references: [https://example.com]
            select: {kind: component}
            tests: []
            """))!;
        var schema = PolicyPack.RuleSchema(BuiltIn.Root);
        Assert.Contains(PolicyPack.Load([folder], schema, p => p).Diagnostics, d => d.Code == "policy-schema");
        Assert.DoesNotContain(PolicyPack.Load([folder], schema, p => p, trustedFolder: folder).Diagnostics, d => d.Code == "policy-schema");
    }

    [Fact]
    public void The_shipped_catalog_and_rules_pass_their_schemas()
    {
        var root = BuiltIn.Root;
        Assert.DoesNotContain(VendorCatalog.Load([BuiltIn.CatalogDir(root)], BuiltIn.CatalogSchema(root), p => p).Diagnostics, d => d.Code == "catalog-schema");
        Assert.DoesNotContain(PolicyPack.Load([PolicyPack.RulesDir(root)], PolicyPack.RuleSchema(root), p => p).Diagnostics, d => d.Code == "policy-schema");
    }
}
