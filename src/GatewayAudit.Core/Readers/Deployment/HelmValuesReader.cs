using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads the <c>values.yaml</c> of LiteLLM's Helm chart (or an override file, values-prod.yaml ...):
/// <c>image.repository</c> / <c>image.tag</c>, <c>replicaCount</c>, <c>autoscaling.maxReplicas</c> when autoscaling
/// is on, a literal <c>masterkey</c>, <c>envVars</c>, and where the chart puts Postgres (<c>db.deployStandalone</c>
/// in the cluster, or <c>db.useExisting</c> at <c>db.endpoint</c>).
/// </summary>
public sealed partial class HelmValuesReader : IConfigReader
{
    public string Name => "helm-values";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    // The chart's own values have image at the top level; an umbrella chart nesting LiteLLM's values under a
    // sub-chart key is not read (yet).
    public bool Recognizes(InputFile file) =>
        OffersFileName(file.FileName) && TopLevelImageRegex().IsMatch(file.Text) && RepositoryRegex().IsMatch(file.Text);

    public ReaderResult Read(InputFile file)
    {
        var (document, yamlDiagnostics) = file.Yaml;
        var diagnostics = new List<Diagnostic>(yamlDiagnostics);
        var model = new StackModel();
        var secrets = new SecretLedger();
        if (document?.Root is not YamlMapping root)
        {
            if (document is not null)
            {
                diagnostics.Add(Diagnostic.Error("helm-values-shape", "Helm values must be a mapping", file.At(1)));
            }

            return new ReaderResult(model, diagnostics, secrets);
        }

        var values = new ConfigValues(document, model, diagnostics, secrets);
        var deployment = new GatewayDeployment(model, Name);
        var image = values.Mapping(root, "image", "image");
        var repository = image is null ? null : values.Scalar(image, "repository", "image.repository");
        if (repository is null || !repository.Value.Contains("litellm", StringComparison.OrdinalIgnoreCase))
        {
            // Recognised by a nested repository: another chart's image, not LiteLLM's.
            return new ReaderResult(model, diagnostics, secrets);
        }

        var tag = values.Scalar(image!, "tag", "image.tag");
        var digest = values.Scalar(image!, "digest", "image.digest");
        var tagText = tag is null ? null : values.Resolve(tag).Value;
        var at = values.At(tag ?? repository);
        var gateway = deployment.Gateway(at);
        if (string.IsNullOrWhiteSpace(tagText) && digest is null)
        {
            // An empty tag means the chart's appVersion: fixed by the chart version, which values.yaml does not show.
            gateway.Attributes.Set(GatewayDeployment.Image, repository.Value.Trim());
            gateway.Evidence.Add(values.At(repository));
            model.OpenQuestions.Add(new OpenQuestion("LiteLLM proxy",
                "image.tag is empty, so the image follows the Helm chart's appVersion; which chart version is installed, and is it pinned?", at));
        }
        else
        {
            deployment.SetImage(new ImageReference(repository.Value.Trim(), string.IsNullOrWhiteSpace(tagText) ? null : tagText.Trim(), digest?.Value.Trim()), at);
        }

        if (GatewayDeployment.ReadCount(values, root, "replicaCount", "replicaCount") is { } replicas)
        {
            deployment.SetCount(GatewayDeployment.Replicas, replicas.Count, values.At(replicas.Node));
        }

        if (values.Mapping(root, "autoscaling", "autoscaling") is { } autoscaling && values.Bool(autoscaling, "enabled", "autoscaling.enabled") == true
            && GatewayDeployment.ReadCount(values, autoscaling, "maxReplicas", "autoscaling.maxReplicas") is { } max)
        {
            deployment.SetCount(GatewayDeployment.MaxReplicas, max.Count, values.At(max.Node));
        }

        if (values.Scalar(root, "masterkey", "masterkey") is { } masterKey)
        {
            values.CheckSecret("masterkey", masterKey);
        }

        var environment = new ProxyEnvironment(values, model, deployment);
        if (root["envVars"] is { } envVars)
        {
            environment.AddCompose(envVars, "envVars");
        }

        environment.Apply();
        ReadDatabase(values, model, root);
        // The release runs the proxy with envVars as its environment and proxy_config as its config.
        var facts = new DeploymentFacts();
        var release = new ServiceFacts("litellm", "Helm release", values.At(repository)) { Image = repository.Value.Trim(), RunsProxy = true };
        ComposeServiceFacts.ReadEnvironment(values, $"{file.FileName} envVars", root["envVars"], release);
        facts.Services.Add(release);
        facts.EmbeddedConfigs.AddRange(EmbeddedConfigFinder.Find(file.DisplayPath, file.Text));
        return new ReaderResult(model, diagnostics, secrets, facts);
    }

    private static void ReadDatabase(ConfigValues values, StackModel model, YamlMapping root)
    {
        if (values.Mapping(root, "db", "db") is not { } db)
        {
            return;
        }

        var standalone = values.Bool(db, "deployStandalone", "db.deployStandalone") == true;
        var existing = values.Bool(db, "useExisting", "db.useExisting") == true;
        if (existing && values.Scalar(db, "endpoint", "db.endpoint") is { } endpoint)
        {
            var component = LiteLlmDatastores.AddPostgres(model, values.At(endpoint));
            HostClassifier.Classify(component, values.Resolve(endpoint).Value, "Postgres");
            LiteLlmDatastores.ConnectPostgres(model, LiteLlmDatastores.PostgresCategories, values.At(endpoint));
        }
        else if (standalone && db.KeyNode("deployStandalone") is { } key)
        {
            var component = LiteLlmDatastores.AddPostgres(model, values.At(key));
            component.Hosting = Hosting.OperatorHosted;
            component.Notes.Add("The chart deploys its own Postgres in the cluster (db.deployStandalone).");
            LiteLlmDatastores.ConnectPostgres(model, LiteLlmDatastores.PostgresCategories, values.At(key));
        }

        if (standalone && values.Mapping(root, "postgresql", "postgresql") is { } postgresql && values.Mapping(postgresql, "auth", "postgresql.auth") is { } auth)
        {
            foreach (var key in new[] { "password", "postgres-password" })
            {
                if (values.Scalar(auth, key, $"postgresql.auth.{key}") is { } password)
                {
                    values.CheckSecret($"postgresql.auth.{key}", password);
                }
            }
        }
    }

    [GeneratedRegex(@"^values([._-][A-Za-z0-9_.-]*)?\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^image:\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex TopLevelImageRegex();

    [GeneratedRegex(@"^\s+repository:\s*[""']?[^\s""'#]*litellm", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex RepositoryRegex();
}
