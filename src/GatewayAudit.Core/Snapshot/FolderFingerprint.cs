namespace GatewayAudit.Core.Snapshot;

/// <summary>
/// The YAML files of a built-in folder as the loaders list them (catalog: the folder's own <c>*.yaml</c>/<c>*.yml</c>;
/// rules: every folder below too), in ordinal order of their paths relative to the folder, and a hash over their
/// names and bytes. A snapshot is served only for a folder whose fingerprint is the one it was built from, so a file
/// added, changed or removed after the build is read from YAML, never answered from stale data.
/// </summary>
internal static class FolderFingerprint
{
    /// <summary>Relative paths with '/' separators, in the order the loaders read them; null when the folder cannot be listed.</summary>
    public static IReadOnlyList<string>? Files(string folder, bool recursive)
    {
        try
        {
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                    .Where(IsYaml)
                    .Order(StringComparer.Ordinal)
                    .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                    .ToList()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>64-bit FNV-1a over each file's relative path, length and bytes; null when a file cannot be read.</summary>
    /// <remarks>Not a security boundary (whoever can edit the installed YAML can edit the binary): it only detects change.</remarks>
    public static ulong? Of(string folder, IReadOnlyList<string> files)
    {
        var hash = 14695981039346656037UL;
        void Add(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 1099511628211UL;
            }
        }

        Span<byte> length = stackalloc byte[8];
        foreach (var file in files)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(Path.Combine(folder, file.Replace('/', Path.DirectorySeparatorChar)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            Add(System.Text.Encoding.UTF8.GetBytes(file));
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, content.LongLength);
            Add(length);
            Add(content);
        }

        return hash;
    }
}
