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

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    /// <summary>A compose file that runs the LiteLLM proxy, or one whose services use models of its top-level <c>models:</c> (Docker Model Runner).</summary>
    public bool Recognizes(InputFile file) => OffersFileName(file.FileName)
        && (LiteLlmProcessRegex().IsMatch(file.Text) || (TopLevelModelsRegex().IsMatch(file.Text) && ServiceModelsRegex().IsMatch(file.Text)));

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

        var facts = new DeploymentFacts();
        var deployment = new GatewayDeployment(model, Name);
        var environment = new ProxyEnvironment(values, model, deployment);
        var proxies = new List<(string Name, YamlMapping Service, YamlScalar Image)>();
        SortedSet<string>? neighbours = null; // made at the first service beside the proxy
        foreach (var (key, node) in services.Entries)
        {
            if (node is not YamlMapping service)
            {
                values.Error("wrong-type", $"'services.{key.Value}' must be a mapping, not {node.KindText}", node);
                continue;
            }

            BuildArgumentSecrets(values, key.Value, service);
            // The setting's path is made only when the image is not a plain value (then Scalar reports it).
            var imageNode = service["image"] is YamlScalar { IsNull: false } given ? given : values.Scalar(service, "image", $"services.{key.Value}.image");
            var image = imageNode is null ? null : ResolveImage(imageNode.Value).Image;
            facts.Services.Add(ComposeServiceFacts.Read(values, file.FileName, key, service, image));
            if (image?.IsLiteLlm == true)
            {
                proxies.Add((key.Value, service, imageNode!));
            }
            else if (Neighbour(image?.Repository ?? key.Value) is { } what)
            {
                environment.Neighbours[key.Value] = what;
                (neighbours ??= new(StringComparer.Ordinal)).Add($"{key.Value} ({what})");
            }
        }

        foreach (var (name, service, imageNode) in proxies)
        {
            ReadProxy(values, deployment, environment, name, service, imageNode);
        }

        if (proxies.Count > 0 && neighbours is { Count: > 0 })
        {
            var gateway = deployment.Gateway(values.At(proxies[0].Image));
            gateway.Attributes.Set("colocatedServices", neighbours);
            gateway.Notes.Add($"{file.DisplayPath} runs beside the proxy, on the operator's host: {string.Join(", ", neighbours)}.");
        }

        NameModels(values, root, facts);
        environment.Apply();
        ReadNeighbourSecrets(values, facts, proxies.Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
        facts.EmbeddedConfigs.AddRange(InlineConfigs(file, root));
        return new ReaderResult(model, diagnostics, secrets, facts);
    }

    /// <summary>The model each service's <c>models:</c> entry refers to, from the file's top-level <c>models:</c> (Docker Model Runner).</summary>
    private static void NameModels(ConfigValues values, YamlMapping root, DeploymentFacts facts)
    {
        if (root["models"] is not YamlMapping models)
        {
            return;
        }

        foreach (var service in facts.Services)
        {
            for (var i = 0; i < service.Models.Count; i++)
            {
                if (models[service.Models[i].Key] is YamlMapping entry && entry["model"] is YamlScalar { IsNull: false } model)
                {
                    service.Models[i] = service.Models[i] with { Model = model.Value.Trim(), ModelAt = values.At(model) };
                }
            }
        }
    }

    /// <summary>
    /// Literal credentials in the environment of the services beside the proxy (POSTGRES_PASSWORD on the database,
    /// LANGFUSE_SECRET_KEY, NEXTAUTH_SECRET on Langfuse): the same file, the same exposure. The proxy's own
    /// environment is checked by <see cref="ProxyEnvironment"/>.
    /// </summary>
    private static void ReadNeighbourSecrets(ConfigValues values, DeploymentFacts facts, HashSet<string> proxiesRead)
    {
        foreach (var service in facts.Services.Where(s => !proxiesRead.Contains(s.Name)))
        {
            foreach (var variable in service.Environment.Where(v => v.Node is not null))
            {
                EnvironmentSecrets.Check(values, variable.Name, variable.Node!, $"services.{service.Name}.environment.{variable.Name}");
            }
        }
    }

    /// <summary>
    /// Build arguments (<c>build.args</c>, a mapping or a list of NAME=value; Compose Build Specification,
    /// https://docs.docker.com/reference/compose-file/build/#args) of any service: a literal there is passed to the
    /// image build and kept in its history, so a credential-named one (DB_PASSWORD) or a URL with a password
    /// (PIP_EXTRA_INDEX_URL=https://user:pass@...) is a literal secret.
    /// </summary>
    private static void BuildArgumentSecrets(ConfigValues values, string service, YamlMapping definition)
    {
        if (definition["build"] is YamlMapping build)
        {
            foreach (var (name, value, _) in ComposeServiceFacts.Variables(build["args"]))
            {
                EnvironmentSecrets.Check(values, name, value, $"services.{service}.build.args.{name}");
            }
        }
    }

    /// <summary>
    /// LiteLLM configs written inline in the top-level <c>configs:</c> (<c>name: {content: | ...}</c>, Compose
    /// Specification, https://docs.docker.com/reference/compose-file/configs/): the config the proxy mounts, read with
    /// this file's lines and named by its config name.
    /// </summary>
    private static IEnumerable<EmbeddedConfig> InlineConfigs(InputFile file, YamlMapping root)
    {
        if (root["configs"] is not YamlMapping configs)
        {
            return [];
        }

        var contents = configs.Entries.Where(e => e.Value is YamlMapping m && m.ContainsKey("content"))
            .ToDictionary(e => ((YamlMapping)e.Value).KeyNode("content")!.Line, e => e.Key.Value);
        return EmbeddedConfigFinder.Find(file.DisplayPath, file.Text)
            .Where(c => contents.ContainsKey(c.At.Line)).Select(c => c with { Name = $"configs.{contents[c.At.Line]}" });
    }

    private static void ReadProxy(ConfigValues values, GatewayDeployment deployment, ProxyEnvironment environment, string name, YamlMapping service, YamlScalar imageNode)
    {
        var path = $"services.{name}";
        var (image, fromEnvironment) = ResolveImage(imageNode.Value);
        if (image is not null)
        {
            deployment.SetImage(image, values.At(imageNode));
            if (fromEnvironment)
            {
                deployment.Gateway(values.At(imageNode)).Notes.Add(
                    $"The image at {values.At(imageNode)} is interpolated from the environment when compose runs; the version shown is the file's default, if any.");
            }
        }

        var deploy = values.Mapping(service, "deploy", $"{path}.deploy");
        if (deploy is not null && GatewayDeployment.ReadCount(values, deploy, "replicas", $"{path}.deploy.replicas") is { } replicas)
        {
            deployment.SetCount(GatewayDeployment.Replicas, replicas.Count, values.At(replicas.Node));
        }
        else if (GatewayDeployment.ReadCount(values, service, "scale", $"{path}.scale") is { } scale)
        {
            deployment.SetCount(GatewayDeployment.Replicas, scale.Count, values.At(scale.Node));
        }

        if (service["environment"] is { } env)
        {
            environment.AddCompose(env, $"{path}.environment");
        }
    }

    /// <summary>
    /// The image with compose interpolation applied as far as the file shows it: ${VAR:-default} and ${VAR-default}
    /// take their default; a variable with no default leaves the tag unknown (floating), since the file does not pin it.
    /// </summary>
    internal static (ImageReference? Image, bool FromEnvironment) ResolveImage(string text)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return (ImageReference.Parse(text), false);
        }

        var resolved = DefaultRegex().Replace(text, m => m.Groups["default"].Value);
        var open = resolved.IndexOf("${", StringComparison.Ordinal);
        if (open < 0)
        {
            return (ImageReference.Parse(resolved), true);
        }

        // Keep what comes before the first unresolved variable: a repository whose tag the environment chooses.
        var known = resolved[..open].TrimEnd(':');
        if (known.Length == 0 || known.EndsWith('/') || ImageReference.Parse(known) is not { } repository)
        {
            return (null, true);
        }

        return (repository with { Tag = null, Digest = null }, true);
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

    [GeneratedRegex(@"\$\{[A-Za-z_][A-Za-z0-9_]*:?-(?<default>[^}]*)\}")]
    private static partial Regex DefaultRegex();

    [GeneratedRegex(@"^models:[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex TopLevelModelsRegex();

    [GeneratedRegex(@"^[ \t]+models:[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex ServiceModelsRegex();

    [GeneratedRegex(@"^(docker-)?compose(\.[A-Za-z0-9_-]+)*\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    // The proxy's own image, or a team image whose process is the proxy (ServiceFacts.RecogniseProxyProcess), or a
    // service built from a folder named for LiteLLM (build: ./litellm), which the stack assembly confirms from the
    // Dockerfile there (Stacks/ComposeBuiltProxy).
    [GeneratedRegex(@"^\s*-?\s*((image|build|context):\s*[""']?[^\s""'#]*litellm|[""']?CONFIG_FILE_PATH[""']?\s*[:=]|command:\s*\[?\s*[""']?litellm\b)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex LiteLlmProcessRegex();
}
