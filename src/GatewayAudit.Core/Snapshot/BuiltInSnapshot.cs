using GatewayAudit.Core.Catalog;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;

namespace GatewayAudit.Core.Snapshot;

/// <summary>
/// The built-in catalog and rule pack as the YAML loaders build them, written once at build time
/// (tools/BuiltInSnapshot, run by the CLI project's build, embedded in gateway-audit.dll) so a scan does not parse
/// 110 catalog files and 32 rule files on every run (bench/STARTUP.md). Each section carries the fingerprint of the
/// folder it was built from; a folder whose files differ now is read from its YAML as before, so the snapshot can
/// lag behind the files but never answer for them. User <c>--catalog</c> and <c>--policies</c> folders are always
/// read and schema-checked from YAML.
/// </summary>
public static class BuiltInSnapshot
{
    /// <summary>The manifest resource name of the snapshot in the CLI assembly.</summary>
    public const string ResourceName = "GatewayAudit.BuiltIn.snapshot";

    private const string Magic = "gateway-audit built-in snapshot";
    private const int Version = 1;

    private static Lazy<byte[]?> _current = new(() => null);

    /// <summary>Where the running program's snapshot comes from (the CLI: its embedded resource); none by default.</summary>
    public static void Use(Func<Stream?> open) => _current = new(() =>
    {
        using var stream = open();
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>
    /// Parses the built-in folders from YAML (schema-checked) and writes them as a snapshot. Throws, naming every
    /// problem, when the YAML gives any diagnostic: the build then fails rather than ship data the loaders would warn about.
    /// </summary>
    public static byte[] Write(string catalogFolder, string catalogSchema, string rulesFolder, string ruleSchema)
    {
        var (catalog, catalogDiagnostics) = VendorCatalog.Load([catalogFolder], catalogSchema, p => p);
        var (pack, ruleDiagnostics) = PolicyPack.Load([rulesFolder], ruleSchema, p => p);
        var problems = catalogDiagnostics.Concat(ruleDiagnostics).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, problems.Select(d => d.ToString())));
        }

        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            output.Write(Magic);
            output.Write(Version);
            Section(output, catalogFolder, recursive: false, catalog.Vendors.ToList(), v => v.Origin, (writer, file, v) => writer.Vendor(file, v));
            Section(output, rulesFolder, recursive: true, pack.Rules, r => r.Origin.File, (writer, file, r) => writer.Rule(file, r.Origin.File, r));
        }

        return buffer.ToArray();
    }

    /// <summary>A section: the folder's fingerprint, the length of what follows, the number of items, the items.</summary>
    private static void Section<T>(BinaryWriter output, string folder, bool recursive, IReadOnlyList<T> items, Func<T, string> fullPath,
        Action<SnapshotWriter, string, T> write)
    {
        var files = FolderFingerprint.Files(folder, recursive) ?? throw new IOException($"cannot list {folder}");
        using var body = new MemoryStream();
        using (var bodyOutput = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var writer = new SnapshotWriter(bodyOutput);
            bodyOutput.Write(items.Count);
            foreach (var item in items)
            {
                write(writer, Path.GetRelativePath(folder, fullPath(item)).Replace(Path.DirectorySeparatorChar, '/'), item);
            }
        }

        output.Write(FolderFingerprint.Of(folder, files) ?? throw new IOException($"cannot read the files of {folder}"));
        output.Write(checked((int)body.Length));
        output.Write(body.GetBuffer(), 0, (int)body.Length);
    }

    /// <summary>The vendors of the built-in catalog <paramref name="folder"/> (by id), or null to read its YAML: no snapshot, or the folder differs from the one it was built from.</summary>
    internal static IReadOnlyList<Vendor>? Vendors(string folder, Func<string, string> displayPath) =>
        Vendors(_current.Value, folder, displayPath);

    internal static IReadOnlyList<Vendor>? Vendors(byte[]? snapshot, string folder, Func<string, string> displayPath) =>
        Read(snapshot, folder, section: 0, recursive: false, (reader, shown) => reader.Vendor(shown), displayPath);

    /// <summary>The rules of the built-in pack <paramref name="folder"/> (by id), or null to read its YAML: no snapshot, or the folder differs from the one it was built from.</summary>
    internal static IReadOnlyList<PolicyRule>? Rules(string folder, Func<string, string> displayPath) =>
        Rules(_current.Value, folder, displayPath);

    internal static IReadOnlyList<PolicyRule>? Rules(byte[]? snapshot, string folder, Func<string, string> displayPath) =>
        Read(snapshot, folder, section: 1, recursive: true, (reader, shown) => reader.Rule(shown), displayPath);

    private static List<T>? Read<T>(byte[]? snapshot, string folder, int section, bool recursive, Func<SnapshotReader, Func<string, string>, T> item,
        Func<string, string> displayPath)
    {
        if (snapshot is null || FolderFingerprint.Files(folder, recursive) is not { } files)
        {
            return null;
        }

        using var input = new BinaryReader(new MemoryStream(snapshot, writable: false), System.Text.Encoding.UTF8);
        if (input.ReadString() != Magic || input.ReadInt32() != Version)
        {
            return null;
        }

        for (var skip = section; skip > 0; skip--)
        {
            input.ReadUInt64();
            input.BaseStream.Seek(input.ReadInt32(), SeekOrigin.Current);
        }

        var fingerprint = input.ReadUInt64();
        input.ReadInt32();
        if (FolderFingerprint.Of(folder, files) != fingerprint)
        {
            return null;
        }

        var reader = new SnapshotReader(input);
        string Shown(string file) => displayPath(Path.Combine(folder, file.Replace('/', Path.DirectorySeparatorChar)));
        var items = new List<T>(input.ReadInt32());
        for (var i = items.Capacity; i > 0; i--)
        {
            items.Add(item(reader, Shown));
        }

        return items;
    }
}
