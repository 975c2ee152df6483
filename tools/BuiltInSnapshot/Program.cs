using GatewayAudit.Core.Snapshot;

// Usage: BuiltInSnapshot POLICIES_FOLDER OUTPUT_FILE
// Writes the snapshot of POLICIES_FOLDER/catalog and POLICIES_FOLDER/rules; any diagnostic of the YAML fails the build.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: BuiltInSnapshot POLICIES_FOLDER OUTPUT_FILE");
    return 2;
}

var policies = Path.GetFullPath(args[0]);
try
{
    var snapshot = BuiltInSnapshot.Write(
        Path.Combine(policies, "catalog"), Path.Combine(policies, "schema", "catalog.schema.json"),
        Path.Combine(policies, "rules"), Path.Combine(policies, "schema", "rule.schema.json"));
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
    File.WriteAllBytes(args[1], snapshot);
    return 0;
}
catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
{
    // Each problem as the loaders word it (file:line: error code: message); MSBuild fails the build on the exit code.
    Console.Error.WriteLine(e.Message);
    return 1;
}
