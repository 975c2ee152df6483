using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads Kubernetes manifests (often several objects in one file, separated by <c>---</c>) that run the LiteLLM
/// proxy: a Deployment or StatefulSet whose container image is LiteLLM gives image, version and
/// <c>spec.replicas</c> (Kubernetes' default of 1 when absent); a HorizontalPodAutoscaler aimed at it gives
/// <c>maxReplicas</c>; the container's <c>env</c> is checked for literal secrets and DATABASE_URL, and so is a
/// Secret's <c>stringData</c> / <c>data</c> (a file holding only a Secret is read when it names LiteLLM). Helm templates
/// (files with <c>{{ }}</c>) are not manifests until rendered and are left to the Helm values reader.
/// </summary>
public sealed partial class KubernetesReader : IConfigReader
{
    private static readonly HashSet<string> Workloads = new(StringComparer.Ordinal) { "Deployment", "StatefulSet" };

    public string Name => "kubernetes";

    public IReadOnlyCollection<string> Extensions { get; } = [".yaml", ".yml"];

    public bool Recognizes(InputFile file) =>
        file.LooksLikeYaml && !file.Text.Contains("{{", StringComparison.Ordinal)
        && ((WorkloadRegex().IsMatch(file.Text) && LiteLlmImageRegex().IsMatch(file.Text))
            || (ConfigMapRegex().IsMatch(file.Text) && EmbeddedConfigFinder.MayHoldConfig(file.Text))
            || (SecretRegex().IsMatch(file.Text) && file.Text.Contains("litellm", StringComparison.OrdinalIgnoreCase)));

    public ReaderResult Read(InputFile file)
    {
        var (documents, yamlDiagnostics) = file.YamlDocuments;
        var diagnostics = new List<Diagnostic>(yamlDiagnostics);
        var model = new StackModel();
        var secrets = new SecretLedger();
        if (documents is null)
        {
            return new ReaderResult(model, diagnostics, secrets);
        }

        var facts = new DeploymentFacts();
        facts.EmbeddedConfigs.AddRange(EmbeddedConfigFinder.Find(file.DisplayPath, file.Text));
        var deployment = new GatewayDeployment(model, Name);
        var proxies = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var autoscalers = new List<(ConfigValues Values, YamlMapping Spec, string Target)>();
        var environments = new List<ProxyEnvironment>();
        foreach (var document in documents)
        {
            if (document.Root is not YamlMapping root)
            {
                continue;
            }

            var values = new ConfigValues(document, model, diagnostics, secrets);
            var kind = (root["kind"] as YamlScalar)?.Value;
            var name = ((root["metadata"] as YamlMapping)?["name"] as YamlScalar)?.Value ?? "";
            var spec = root["spec"] as YamlMapping;
            if (kind is not null && name.Length > 0 && kind is not ("ConfigMap" or "Secret" or "HorizontalPodAutoscaler"))
            {
                facts.Namespace ??= ((root["metadata"] as YamlMapping)?["namespace"] as YamlScalar)?.Value;
                facts.Services.Add(KubernetesWorkloadFacts.Read(values, file.FileName, kind, name, root, spec));
            }

            if (kind == "Secret")
            {
                KubernetesSecrets.Check(values, name, root, KubernetesSecrets.IsTemplateFile(file.FileName));
            }
            else if (kind == "HorizontalPodAutoscaler" && spec is not null
                && ((spec["scaleTargetRef"] as YamlMapping)?["name"] as YamlScalar)?.Value is { } target)
            {
                autoscalers.Add((values, spec, target));
            }
            else if (kind is not null && Workloads.Contains(kind) && spec is not null)
            {
                ReadWorkload(values, deployment, environments, spec, $"{kind}/{name}", name, proxies, model);
            }
        }

        foreach (var (values, spec, target) in autoscalers)
        {
            if (proxies.ContainsKey(target) && GatewayDeployment.ReadCount(values, spec, "maxReplicas", "spec.maxReplicas") is { } max)
            {
                deployment.SetCount(GatewayDeployment.MaxReplicas, max.Count, values.At(max.Node));
            }
        }

        foreach (var environment in environments)
        {
            environment.Apply();
        }

        return new ReaderResult(model, diagnostics, secrets, facts);
    }

    private static void ReadWorkload(ConfigValues values, GatewayDeployment deployment, List<ProxyEnvironment> environments, YamlMapping spec,
        string path, string name, Dictionary<string, SourceLocation> proxies, StackModel model)
    {
        var containers = ((spec["template"] as YamlMapping)?["spec"] as YamlMapping)?["containers"];
        if (containers is not YamlSequence list)
        {
            if (containers is not null)
            {
                values.Error("wrong-type", $"'{path} spec.template.spec.containers' must be a list, not {containers.KindText}", containers);
            }

            return;
        }

        foreach (var container in list.Items.OfType<YamlMapping>())
        {
            if (container["image"] is not YamlScalar imageNode || ImageReference.Parse(imageNode.Value) is not { IsLiteLlm: true } image)
            {
                continue;
            }

            var at = values.At(imageNode);
            proxies.TryAdd(name, at);
            deployment.SetImage(image, at);
            if (GatewayDeployment.ReadCount(values, spec, "replicas", $"{path} spec.replicas") is { } replicas)
            {
                deployment.SetCount(GatewayDeployment.Replicas, replicas.Count, values.At(replicas.Node));
            }
            else if (!spec.ContainsKey("replicas"))
            {
                deployment.SetCount(GatewayDeployment.Replicas, 1, at);
                deployment.Gateway(at).Notes.Add($"{path} sets no spec.replicas: Kubernetes runs 1 pod unless an autoscaler changes it.");
            }

            var environment = new ProxyEnvironment(values, model, deployment);
            environments.Add(environment);
            if (container["env"] is YamlSequence env)
            {
                foreach (var item in env.Items.OfType<YamlMapping>())
                {
                    if (item["name"] is YamlScalar variable)
                    {
                        // valueFrom (a Secret or ConfigMap reference) has no value here: a reference, not a literal.
                        environment.Add(variable.Value, item["value"] as YamlScalar, $"{path}.env.{variable.Value}");
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"^kind:\s*[""']?ConfigMap\b", RegexOptions.Multiline)]
    private static partial Regex ConfigMapRegex();

    [GeneratedRegex(@"^kind:\s*[""']?Secret\b", RegexOptions.Multiline)]
    private static partial Regex SecretRegex();

    [GeneratedRegex(@"^kind:\s*[""']?(Deployment|StatefulSet)\b", RegexOptions.Multiline)]
    private static partial Regex WorkloadRegex();

    [GeneratedRegex(@"^\s*-?\s*image:\s*[""']?[^\s""'#]*litellm", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex LiteLlmImageRegex();
}
