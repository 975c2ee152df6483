using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The read-only commands take the built-in catalog and rule pack as a scan does (checked at build and in tests, served
/// from the build's snapshot), so they read no JSON Schema on every run; <c>policies validate</c>, whose job is checking,
/// and a user's own folder still do.
/// </summary>
public sealed class BuiltInTrustTests
{
    [Theory]
    [InlineData("policies", "list")]
    [InlineData("policies", "test")]
    [InlineData("explain", "provider-without-zdr")]
    [InlineData("catalog", "list")]
    public void A_read_only_command_reads_no_schema_for_the_built_in_data(params string[] args)
    {
        var before = YamlSchemaValidator.SchemasReadOnThisThread;
        CliRunner.RunInRepo(args).AssertExit(0);
        Assert.Equal(before, YamlSchemaValidator.SchemasReadOnThisThread);
    }

    [Fact]
    public void Policies_validate_checks_the_built_in_pack_against_its_schema()
    {
        var before = YamlSchemaValidator.SchemasReadOnThisThread;
        CliRunner.RunInRepo("policies", "validate").AssertExit(0);
        Assert.True(YamlSchemaValidator.SchemasReadOnThisThread > before, "policies validate read no schema");
    }

    [Fact]
    public void A_users_catalog_is_still_schema_checked()
    {
        using var dir = new TempDir();
        dir.Write("catalog/acme.yaml", "id: acme\nname: Acme\nkind: telepathy\nhosts: []\n");
        var run = CliRunner.Run(dir.Path, "catalog", "list", "--catalog", "catalog").AssertNoStackTrace().AssertExit(2);
        Assert.Contains("catalog/acme.yaml:3: error catalog-schema: 'kind' has a value ('telepathy') that is not one of the allowed values: ", run.Stderr, StringComparison.Ordinal);
    }
}
