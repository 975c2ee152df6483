using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Literal credentials anywhere in a Helm values file, not only in LiteLLM's block: the sub-charts' passwords
/// (Bitnami's <c>postgresql.auth.password</c> / <c>auth.postgresPassword</c>, <c>redis.auth.password</c>,
/// <c>clickhouse.auth.password</c>), any other credential-named key, a URL with a password, and <c>{name, value}</c>
/// env lists (<c>extraEnv</c>). Judged
/// by <see cref="ConfigValues.CheckSecret"/>: a reference (<c>{{ .Values.x }}</c>, <c>${VAR}</c>) or a placeholder
/// is none. LiteLLM's <c>proxy_config</c> (read as a config), <c>envVars</c> (the proxy's environment) and
/// <c>masterkey</c> are checked where they are read; annotations and labels name things, they hold no credentials
/// (<c>nginx.ingress.kubernetes.io/auth-secret: basic-auth</c> names a Secret).
/// </summary>
internal static class HelmCredentials
{
    private static readonly HashSet<string> ReadByTheProxy = new(StringComparer.Ordinal) { "proxy_config", "envVars", "masterkey" };

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "annotations", "labels", "podAnnotations", "podLabels", "commonLabels", "commonAnnotations" };

    private const int MaxDepth = 32;

    public static void Check(ConfigValues values, YamlMapping root, YamlMapping? liteLlm) => Walk(values, root, "", liteLlm, 0);

    private static void Walk(ConfigValues values, YamlMapping mapping, string path, YamlMapping? liteLlm, int depth)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            var name = key.Value;
            if (Names.Contains(name) || (ReferenceEquals(mapping, liteLlm) && ReadByTheProxy.Contains(name)) || (name == "key" && IsSecretKeySelector(mapping)))
            {
                continue;
            }

            var at = path.Length == 0 ? name : $"{path}.{name}";
            switch (value)
            {
                case YamlMapping child when depth < MaxDepth:
                    Walk(values, child, at, liteLlm, depth + 1);
                    break;
                case YamlSequence list:
                    foreach (var item in list.Items.OfType<YamlMapping>())
                    {
                        if (item["name"] is YamlScalar variable && item["value"] is YamlScalar literal)
                        {
                            EnvironmentSecrets.Check(values, variable.Value, literal, $"{at}.{variable.Value}");
                        }
                    }

                    break;
                case YamlScalar scalar when IsCredential(name) && scalar.AsBool() is null:
                    values.CheckSecret(at, scalar);
                    break;
                case YamlScalar scalar:
                    values.CheckUrlPassword(at, scalar, scalar.Value.Trim());
                    break;
            }
        }
    }

    /// <summary>
    /// The shape of a Kubernetes <c>SecretKeySelector</c> (<c>{ name, key, optional }</c>: "the key of the secret to select
    /// from" in the Secret called <c>name</c>; Kubernetes API reference, EnvVarSource.secretKeyRef), which charts copy into
    /// their values (<c>masterKeySecret: { name: litellm-admin, key: master-key }</c>): its <c>key</c> names a key, it holds
    /// no credential. A false high in the sixth held-out code run (bench/CODE-CORPUS.md class E).
    /// </summary>
    private static bool IsSecretKeySelector(YamlMapping mapping) =>
        mapping["name"] is YamlScalar && mapping.Entries.All(e => e.Key.Value is "name" or "key" or "optional");

    // Helm charts name their passwords in camelCase (postgresPassword, rootPassword, replicationPassword).
    private static bool IsCredential(string key) =>
        ConfigValues.IsSecretKey(key) || key.EndsWith("Password", StringComparison.Ordinal);
}
