using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Checks one variable a deployment file gives a process (compose <c>environment:</c> of any service, Kubernetes
/// <c>env</c> or Secret data, Helm <c>envVars</c>, Dockerfile <c>ENV</c> / <c>ARG</c>) for a literal credential: a
/// credential-named variable (<c>POSTGRES_PASSWORD</c>, <c>LANGFUSE_SECRET_KEY</c>, <c>NEXTAUTH_SECRET</c>; any
/// other <c>*_KEY</c> but public ones) is judged by <see cref="ConfigValues.CheckSecret"/> (a placeholder or a
/// reference is none, a weak password the stack checks is one); any other variable only for a password inside a URL.
/// </summary>
public static class EnvironmentSecrets
{
    /// <param name="templateFile">the file is meant to be copied and filled in (an example-named manifest), so a
    /// stand-in such as <c>CHANGE-ME</c> there is no credential anybody runs with; a real-looking value still is one.</param>
    public static void Check(ConfigValues values, string name, YamlScalar value, string path, bool templateFile = false)
    {
        if (ConfigValues.IsSecretVariable(name))
        {
            values.CheckSecret(path, value, templateFile);
        }
        else
        {
            values.CheckUrlPassword(path, value, value.Value.Trim(), templateFile);
        }
    }
}
