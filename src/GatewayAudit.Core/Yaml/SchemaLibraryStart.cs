using System.Runtime.CompilerServices;

namespace GatewayAudit.Core.Yaml;

/// <summary>
/// Loads JsonSchema.Net's vocabularies, dialects and meta-schemas when the first schema is built, not when the process
/// starts. The library does this in a module initializer: under the JIT that runs when the library is first touched,
/// but a Native AOT executable runs every module initializer at start, so every AOT run paid for 19 meta-schemas that
/// only a user's own <c>--catalog</c>, <c>--policies</c> or <c>--settings</c> needs (bench/STARTUP.md, round 15). The AOT
/// build stubs that initializer out (src/GatewayAudit.Cli/Aot/JsonSchemaNet.Substitutions.xml), and this runs its two
/// steps behind the library's own once-flag, so where the initializer has run (the JIT) it does nothing.
/// The names are JsonSchema.Net 8.0.5's (Directory.Packages.props pins it); a renamed member fails every schema test
/// with a MissingMemberException rather than passing unnoticed.
/// </summary>
internal static class SchemaLibraryStart
{
    private const string Initialization = "Json.Schema.__ModuleInitialization, JsonSchema.Net";

    public static void EnsureLoaded()
    {
        if (Interlocked.Exchange(ref Initialized(null), 1) != 1)
        {
            LoadDialects(null);
            LoadMetaSchemas(null);
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "_initialized")]
    private static extern ref int Initialized([UnsafeAccessorType(Initialization)] object? library);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "LoadDialects")]
    private static extern void LoadDialects([UnsafeAccessorType(Initialization)] object? library);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "LoadMetaSchemas")]
    private static extern void LoadMetaSchemas([UnsafeAccessorType(Initialization)] object? library);
}
