using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// What a Kubernetes object says about the process it runs, for the stack assembly: a Service is a name other pods
/// reach; a workload's containers give image, env (a <c>valueFrom</c> Secret or ConfigMap key is recorded as a
/// reference whose value the files do not show), args and command, and the ConfigMaps mounted as volumes.
/// </summary>
internal static class KubernetesWorkloadFacts
{
    public static ServiceFacts Read(ConfigValues values, string fileName, string kind, string name, YamlMapping root, YamlMapping? spec)
    {
        var facts = new ServiceFacts(name, $"Kubernetes {kind}", values.At(root));
        var podSpec = (spec?["template"] as YamlMapping)?["spec"] as YamlMapping;
        if (podSpec is null)
        {
            return facts;
        }

        foreach (var volume in (podSpec["volumes"] as YamlSequence)?.Items.OfType<YamlMapping>() ?? [])
        {
            if ((volume["configMap"] as YamlMapping)?["name"] is YamlScalar configMap)
            {
                facts.Mounts.Add(("configmap:" + configMap.Value.Trim(), values.At(configMap)));
            }
        }

        var containers = (podSpec["containers"] as YamlSequence)?.Items.OfType<YamlMapping>() ?? [];
        foreach (var container in containers)
        {
            if (container["image"] is YamlScalar imageNode && ImageReference.Parse(imageNode.Value) is { } image)
            {
                facts.Image ??= image.ToString();
                facts.RunsProxy |= image.IsLiteLlm;
            }

            var origin = $"{fileName} {kind}/{name} env";
            foreach (var item in (container["env"] as YamlSequence)?.Items.OfType<YamlMapping>() ?? [])
            {
                if (item["name"] is not YamlScalar variable)
                {
                    continue;
                }

                if (item["value"] is YamlScalar { IsNull: false } value)
                {
                    facts.Environment.Add(new EnvironmentValue(variable.Value, value, values.At(value), origin));
                }
                else if (item["valueFrom"] is YamlMapping from)
                {
                    var reference = from.Entries.Select(e => e.Value is YamlMapping r
                        ? $"{e.Key.Value} {(r["name"] as YamlScalar)?.Value}/{(r["key"] as YamlScalar)?.Value}" : e.Key.Value).FirstOrDefault() ?? "valueFrom";
                    facts.Environment.Add(new EnvironmentValue(variable.Value, null, values.At(variable), $"{origin} ({reference})"));
                }
            }

            foreach (var source in (container["envFrom"] as YamlSequence)?.Items ?? [])
            {
                facts.EnvironmentFrom.Add(values.At(source));
            }

            foreach (var key in new[] { "command", "args" })
            {
                foreach (var word in (container[key] as YamlSequence)?.Items.OfType<YamlScalar>() ?? [])
                {
                    facts.Command.Add((word.Value.Trim(), values.At(word)));
                }
            }
        }

        facts.RecogniseProxyProcess();
        return facts;
    }
}
