using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// <c>application.properties</c>: <c>key=value</c>, <c>key: value</c> or <c>key value</c> per logical line, <c>#</c> and
/// <c>!</c> comment lines, a trailing backslash continuing the line (java.util.Properties.load, as Spring Boot reads
/// the file; https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/Properties.html#load(java.io.Reader),
/// read 2026-11-30). Each value keeps the line its key is on.
/// </summary>
internal static class SpringPropertiesFormat
{
    public static List<SpringProperty> Properties(string text)
    {
        var found = new List<SpringProperty>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var start = i + 1;
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] is '#' or '!')
            {
                continue;
            }

            var column = line.Length - trimmed.Length + 1;
            var logical = trimmed;
            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical = logical[..^1] + lines[++i].TrimEnd('\r').TrimStart();
            }

            var separator = Separator(logical);
            var key = (separator < 0 ? logical : logical[..separator]).Trim();
            var value = separator < 0 ? "" : logical[(separator + 1)..].TrimStart(' ', '\t', '=', ':').Trim();
            if (key.Length > 0)
            {
                var scalar = new YamlScalar(start, column + (separator < 0 ? 0 : separator + 1), value.Replace("\\:", ":", StringComparison.Ordinal).Replace("\\=", "=", StringComparison.Ordinal), quoted: true, tag: null);
                found.Add(new SpringProperty(SpringProperty.Canonical(key), key, scalar));
            }
        }

        return found;
    }

    private static bool EndsWithContinuation(string line)
    {
        var slashes = 0;
        for (var k = line.Length - 1; k >= 0 && line[k] == '\\'; k--)
        {
            slashes++;
        }

        return slashes % 2 == 1;
    }

    /// <summary>The first unescaped '=', ':' or white space: where the key ends.</summary>
    private static int Separator(string line)
    {
        for (var k = 0; k < line.Length; k++)
        {
            if (line[k] == '\\')
            {
                k++;
            }
            else if (line[k] is '=' or ':' or ' ' or '\t')
            {
                return k;
            }
        }

        return -1;
    }
}
