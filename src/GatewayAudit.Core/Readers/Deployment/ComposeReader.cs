using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads a docker-compose file that runs the LiteLLM proxy: the proxy's image and version, its replica count
/// (<c>deploy.replicas</c> or <c>scale</c>), its environment (literal secrets, DATABASE_URL, REDIS_HOST), and the
/// services beside it (Postgres, Redis, Langfuse, OTel collector, Prometheus), which run on the operator's host.
/// </summary>
public sealed partial class ComposeReader : IConfigReader
{
    private static readonly (string Marker, string What)[] NeighbourKinds =
    [
        ("pgvector", "Postgres"), ("postgres", "Postgres"), ("timescale", "Postgres"),
        ("valkey", "Redis"), ("redis", "Redis"),
        ("langfuse", "Langfuse"), ("otel", "OpenTelemetry collector"), ("opentelemetry-collector", "OpenTelemetry collector"),
        ("prometheus", "Prometheus"), ("grafana", "Grafana"), ("clickhouse", "ClickHouse"), ("minio", "MinIO object storage"),
    ];

    public string Name => "docker-compose";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName) && LiteLlmImageRegex().IsMatch(file.Text);

    public ReaderResult Read(InputFile file)
    {
        var (document, yamlDiagnostics) = file.Yaml;
        var diagnostics = new List<Diagnostic>(yamlDiagnostics);
        var model = new StackModel();
        var secrets = new SecretLedger();
        if (document is null)
        {
            return new ReaderResult(model, diagnostics, secrets);
        }

        var values = new ConfigValues(document, model, diagnostics, secrets);
        if (document.Root is not YamlMapping root || values.Mapping(root, "services", "services") is not { } services)
        {
            if (document.Root is YamlMapping top && top["services"] is { } wrong && wrong is not YamlScalar { IsNull: true })
            {
                // values.Mapping has already said what 'services' should be.
                return new ReaderResult(model, diagnostics, secrets);
            }

            diagnostics.Add(Diagnostic.Error("compose-shape", "a compose file needs a 'services' mapping",
                document.Root is null ? file.At(1) : document.At(document.Root)));
            return new ReaderResult(model, diagnostics, secrets);
        }

        var deployment = new GatewayDeployment(model, Name);
        var environment = new ProxyEnvironment(values, model, deployment);
        var proxies = new List<(string Name, YamlMapping Service, YamlScalar Image)>();
        var neighbours = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, node) in services.Entries)
        {
            if (node is not YamlMapping service)
            {
                values.Error("wrong-type", $"'services.{key.Value}' must be a mapping, not {node.KindText}", node);
                continue;
            }

            var imageNode = values.Scalar(service, "image", $"services.{key.Value}.image");
            var image = imageNode is null ? null : ImageReference.Parse(imageNode.Value);
            if (image?.IsLiteLlm == true)
            {
                proxies.Add((key.Value, service, imageNode!));
            }
            else if (Neighbour(image?.Repository ?? key.Value) is { } what)
            {
                environment.Neighbours[key.Value] = what;
                neighbours.Add($"{key.Value} ({what})");
            }
        }

        foreach (var (name, service, imageNode) in proxies)
        {
            ReadProxy(values, deployment, environment, name, service, imageNode);
        }

        if (proxies.Count > 0 && neighbours.Count > 0)
        {
            var gateway = deployment.Gateway(values.At(proxies[0].Image));
            gateway.Attributes.Set("colocatedServices", neighbours);
            gateway.Notes.Add($"{file.DisplayPath} runs beside the proxy, on the operator's host: {string.Join(", ", neighbours)}.");
        }

        environment.Apply();
        return new ReaderResult(model, diagnostics, secrets);
    }

    private static void ReadProxy(ConfigValues values, GatewayDeployment deployment, ProxyEnvironment environment, string name, YamlMapping service, YamlScalar imageNode)
    {
        var path = $"services.{name}";
        if (ImageReference.Parse(values.Resolve(imageNode).Value ?? imageNode.Value) is { } image)
        {
            deployment.SetImage(image, values.At(imageNode));
        }

        var deploy = values.Mapping(service, "deploy", $"{path}.deploy");
        if (deploy is not null && ReplicaCount(values, deploy, "replicas", $"{path}.deploy.replicas") is { } replicas)
        {
            deployment.SetCount(GatewayDeployment.Replicas, replicas.Count, values.At(replicas.Node));
        }
        else if (ReplicaCount(values, service, "scale", $"{path}.scale") is { } scale)
        {
            deployment.SetCount(GatewayDeployment.Replicas, scale.Count, values.At(scale.Node));
        }

        if (service["environment"] is { } env)
        {
            environment.AddCompose(env, $"{path}.environment");
        }
    }

    /// <summary>A whole, non-negative replica count; a placeholder (${REPLICAS}) is left unknown, anything else is an error.</summary>
    internal static (long Count, YamlScalar Node)? ReplicaCount(ConfigValues values, YamlMapping parent, string key, string path)
    {
        if (values.Scalar(parent, key, path) is not { } node || values.Resolve(node).Value is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return (count, node);
        }

        values.Error("wrong-type", $"'{path}' must be a whole number of replicas", node);
        return null;
    }

    private static string? Neighbour(string repositoryOrName)
    {
        var text = repositoryOrName.ToLowerInvariant();
        foreach (var (marker, what) in NeighbourKinds)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return what;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(docker-)?compose(\.[A-Za-z0-9_-]+)*\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^\s*-?\s*image:\s*[""']?[^\s""'#]*litellm", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex LiteLlmImageRegex();
}
