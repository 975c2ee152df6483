using System.Text;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// A Kubernetes Secret written with its values in the manifest: <c>stringData</c> holds them as text, <c>data</c>
/// base64-encoded (https://kubernetes.io/docs/concepts/configuration/secret/), which is an encoding, not a
/// protection. Each credential-named key (<c>LITELLM_MASTER_KEY</c>, <c>master-key</c>, <c>postgres-password</c>) is
/// judged on its text like any literal (a placeholder is none, a weak password is one); a URL with a password
/// (<c>DATABASE_URL</c>) counts under any key. A value the manifest leaves to deploy time (<c>${VAR}</c>) is none.
/// A manifest named as an example (<c>example-secrets.yaml</c>, <c>secret.sample.yaml</c>) is a template to copy and
/// fill in, as a <c>.env.example</c> is: a stand-in there (<c>CHANGE-ME</c>) is no credential, a real-looking value is.
/// </summary>
internal static partial class KubernetesSecrets
{
    public static bool IsTemplateFile(string fileName) => TemplateNameRegex().IsMatch(fileName);

    public static void Check(ConfigValues values, string name, YamlMapping root, bool templateFile = false)
    {
        if (root["stringData"] is YamlMapping text)
        {
            foreach (var (key, value) in text.Entries)
            {
                // A multi-line value is a file (a config.yaml kept in a Secret), read as an embedded config.
                if (value is YamlScalar { IsNull: false } scalar && !scalar.Value.Contains('\n', StringComparison.Ordinal))
                {
                    EnvironmentSecrets.Check(values, key.Value, scalar, $"Secret/{name}.stringData.{key.Value}", templateFile);
                }
            }
        }

        if (root["data"] is YamlMapping data)
        {
            foreach (var (key, value) in data.Entries)
            {
                if (value is YamlScalar { IsNull: false } scalar && Decode(scalar.Value) is { } decoded)
                {
                    // Judged and recorded as the decoded text, at the encoded value's place.
                    EnvironmentSecrets.Check(values, key.Value, new YamlScalar(scalar.Line, scalar.Column, decoded, true, null), $"Secret/{name}.data.{key.Value}", templateFile);
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(example|sample)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TemplateNameRegex();

    private static string? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written > 0
            ? new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer, 0, written).Trim()
            : null;
    }
}
