using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// The Native AOT build stubs JsonSchema.Net's module initializer (Aot/JsonSchemaNet.Substitutions.xml) so that its
/// meta-schemas are built on the first user schema, not at every start. A stub that names nothing the library has
/// would leave the start-up cost in place without a word from the AOT compiler's warnings-as-errors-free publish, so
/// the file is checked against the library the build references.
/// </summary>
public sealed class AotSchemaLibraryTests
{
    [Fact]
    public void The_substitution_names_the_schema_librarys_module_initializer()
    {
        var file = XDocument.Load(RepoPaths.Combine("src", "GatewayAudit.Cli", "Aot", "JsonSchemaNet.Substitutions.xml"));
        var library = typeof(Json.Schema.JsonSchema).Assembly;

        var assembly = Assert.Single(file.Root!.Elements("assembly"));
        Assert.Equal(library.GetName().Name, (string?)assembly.Attribute("fullname"));
        var type = Assert.Single(assembly.Elements("type"));
        var declaring = library.GetType((string)type.Attribute("fullname")!, throwOnError: false);
        Assert.NotNull(declaring);

        var method = Assert.Single(type.Elements("method"));
        Assert.Equal("stub", (string?)method.Attribute("body"));
        var name = ((string)method.Attribute("signature")!).Split(' ', '(')[1];
        var initializer = declaring.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes);
        Assert.NotNull(initializer);
        Assert.Equal(typeof(void), initializer.ReturnType);
        Assert.NotNull(initializer.GetCustomAttribute<ModuleInitializerAttribute>());
    }
}
