using GatewayAudit.Core.Yaml;
using Json.Schema;

namespace GatewayAudit.Core.Tests.Yaml;

/// <summary>
/// <see cref="SchemaLibraryStart"/> reaches JsonSchema.Net's loading steps by name (the Native AOT build stubs the
/// library's module initializer and relies on it): a name the library no longer has throws here.
/// </summary>
public sealed class SchemaLibraryStartTests
{
    [Fact]
    public void Loading_the_schema_library_finds_its_steps_and_is_safe_to_repeat()
    {
        SchemaLibraryStart.EnsureLoaded();
        SchemaLibraryStart.EnsureLoaded();

        Assert.NotNull(MetaSchemas.Draft202012);
        var schema = JsonSchema.FromText("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["id"]}""",
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = System.Text.Json.JsonDocument.Parse("{}");
        Assert.False(schema.Evaluate(instance.RootElement).IsValid);
    }
}
