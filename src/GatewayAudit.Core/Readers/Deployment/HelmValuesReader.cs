using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads the <c>values.yaml</c> of LiteLLM's Helm chart (or an override file, values-prod.yaml ...):
/// <c>image.repository</c> / <c>image.tag</c>, <c>replicaCount</c>, <c>autoscaling.maxReplicas</c> when autoscaling
/// is on, a literal <c>masterkey</c>, <c>envVars</c>, and where the chart puts Postgres (<c>db.deployStandalone</c>
/// in the cluster, or <c>db.useExisting</c> at <c>db.endpoint</c>). The chart's values may sit at the top level or,
/// in an umbrella chart, under the sub-chart's key or alias (<c>litellm:</c>, <c>litellm-helm:</c>): Helm passes a
/// sub-chart the values under its name (https://helm.sh/docs/chart_template_guide/subcharts_and_globals/). Literal
/// credentials anywhere in the file (<c>postgresql.auth.password</c>, <c>redis.auth.password</c>) are findings
/// (<see cref="HelmCredentials"/>).
/// </summary>
public sealed partial class HelmValuesReader : IConfigReader
{
    /// <summary>Keys of LiteLLM's chart (deploy/charts/litellm-helm/values.yaml) that mark a block as its values.</summary>
    private static readonly string[] ChartKeys = ["proxy_config", "envVars", "masterkey", "db", "image", "proxyConfigMap", "environmentSecrets"];

    public string Name => "helm-values";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) =>
        OffersFileName(file.FileName)
        && (RepositoryRegex().IsMatch(file.Text) || SubchartKeyRegex().IsMatch(file.Text) || TopLevelProxyConfigRegex().IsMatch(file.Text));

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
        var chart = FindChart(root);
        HelmCredentials.Check(values, root, chart?.Block);
        if (chart is not var (block, prefix, key))
        {
            // Recognised by a nested repository: another chart's image, not LiteLLM's.
            return new ReaderResult(model, diagnostics, secrets);
        }

        var deployment = new GatewayDeployment(model, Name);
        var at = ReadImage(values, model, deployment, block, prefix, (YamlNode?)key ?? block.KeyNode("proxy_config") ?? (YamlNode)block);
        if (GatewayDeployment.ReadCount(values, block, "replicaCount", prefix + "replicaCount") is { } replicas)
        {
            deployment.SetCount(GatewayDeployment.Replicas, replicas.Count, values.At(replicas.Node));
        }

        if (values.Mapping(block, "autoscaling", prefix + "autoscaling") is { } autoscaling && values.Bool(autoscaling, "enabled", prefix + "autoscaling.enabled") == true
            && GatewayDeployment.ReadCount(values, autoscaling, "maxReplicas", prefix + "autoscaling.maxReplicas") is { } max)
        {
            deployment.SetCount(GatewayDeployment.MaxReplicas, max.Count, values.At(max.Node));
        }

        if (values.Scalar(block, "masterkey", prefix + "masterkey") is { } masterKey)
        {
            values.CheckSecret(prefix + "masterkey", masterKey);
        }

        var environment = new ProxyEnvironment(values, model, deployment);
        if (block["envVars"] is { } envVars)
        {
            environment.AddCompose(envVars, prefix + "envVars");
        }

        environment.Apply();
        ReadDatabase(values, model, block, prefix);
        // The release runs the proxy with envVars as its environment and proxy_config as its config.
        var facts = new DeploymentFacts();
        var image = ((block["image"] as YamlMapping)?["repository"] as YamlScalar)?.Value.Trim();
        var release = new ServiceFacts(key?.Value ?? "litellm", "Helm release", at) { Image = image, RunsProxy = true };
        ComposeServiceFacts.ReadEnvironment(values, $"{file.FileName} {prefix}envVars", block["envVars"], release);
        facts.Services.Add(release);
        facts.EmbeddedConfigs.AddRange(EmbeddedConfigFinder.Find(file.DisplayPath, file.Text));
        return new ReaderResult(model, diagnostics, secrets, facts);
    }

    /// <summary>
    /// The block of LiteLLM's chart values: the file itself (its image is LiteLLM's, or it sets proxy_config), else
    /// the first top-level entry whose image is LiteLLM's, else the first whose key names LiteLLM and holds the
    /// chart's keys. Key is the sub-chart's key (null for the file itself); prefix is its path in messages.
    /// </summary>
    private static (YamlMapping Block, string Prefix, YamlScalar? Key)? FindChart(YamlMapping root)
    {
        if (IsLiteLlmImage(root) || (root["image"] is null && root.ContainsKey("proxy_config")))
        {
            return (root, "", null);
        }

        var blocks = root.Entries.Where(e => e.Value is YamlMapping).Select(e => (Key: e.Key, Block: (YamlMapping)e.Value)).ToList();
        var found = blocks.FirstOrDefault(b => IsLiteLlmImage(b.Block));
        if (found.Block is null)
        {
            found = blocks.FirstOrDefault(b => b.Key.Value.Contains("litellm", StringComparison.OrdinalIgnoreCase)
                && (b.Block["image"] is null || IsLiteLlmImage(b.Block)) && ChartKeys.Any(b.Block.ContainsKey));
        }

        return found.Block is null ? null : (found.Block, found.Key.Value + ".", found.Key);
    }

    private static bool IsLiteLlmImage(YamlMapping block) =>
        ((block["image"] as YamlMapping)?["repository"] as YamlScalar)?.Value.Contains("litellm", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Records the image the release runs; returns where the release is cited.</summary>
    private static SourceLocation ReadImage(ConfigValues values, StackModel model, GatewayDeployment deployment, YamlMapping block, string prefix, YamlNode anchor)
    {
        var image = values.Mapping(block, "image", prefix + "image");
        var repository = image is null ? null : values.Scalar(image, "repository", prefix + "image.repository");
        if (repository is null)
        {
            // No image: the sub-chart's default, its appVersion, which only the chart version fixes.
            var here = values.At(anchor);
            deployment.Gateway(here).Notes.Add($"The values at {here} set no image: the release runs the LiteLLM chart's default image.");
            model.OpenQuestions.Add(AppVersionQuestion($"{prefix}image is not set", here));
            return here;
        }

        var tag = values.Scalar(image!, "tag", prefix + "image.tag");
        var digest = values.Scalar(image!, "digest", prefix + "image.digest");
        var tagText = tag is null ? null : values.Resolve(tag).Value;
        var at = values.At(tag ?? repository);
        var gateway = deployment.Gateway(at);
        if (string.IsNullOrWhiteSpace(tagText) && digest is null)
        {
            // An empty tag means the chart's appVersion: fixed by the chart version, which values.yaml does not show.
            gateway.Attributes.Set(GatewayDeployment.Image, repository.Value.Trim());
            gateway.Evidence.Add(values.At(repository));
            model.OpenQuestions.Add(AppVersionQuestion($"{prefix}image.tag is empty", at));
        }
        else
        {
            deployment.SetImage(new ImageReference(repository.Value.Trim(), string.IsNullOrWhiteSpace(tagText) ? null : tagText.Trim(), digest?.Value.Trim()), at);
        }

        return values.At(repository);
    }

    private static OpenQuestion AppVersionQuestion(string what, SourceLocation at) => new("LiteLLM proxy",
        $"{what}, so the image follows the Helm chart's appVersion; which chart version is installed, and is it pinned?", at);

    private static void ReadDatabase(ConfigValues values, StackModel model, YamlMapping block, string prefix)
    {
        if (values.Mapping(block, "db", prefix + "db") is not { } db)
        {
            return;
        }

        var standalone = values.Bool(db, "deployStandalone", prefix + "db.deployStandalone") == true;
        var existing = values.Bool(db, "useExisting", prefix + "db.useExisting") == true;
        if (existing && values.Scalar(db, "endpoint", prefix + "db.endpoint") is { } endpoint)
        {
            var component = LiteLlmDatastores.AddPostgres(model, values.At(endpoint));
            // The endpoint's host may name its region (an RDS endpoint: *.eu-central-1.rds.amazonaws.com).
            HostClassifier.Classify(component, values.Resolve(endpoint).Value, "Postgres", values.At(endpoint));
            LiteLlmDatastores.ConnectPostgres(model, LiteLlmDatastores.PostgresCategories, values.At(endpoint));
        }
        else if (standalone && db.KeyNode("deployStandalone") is { } key)
        {
            var component = LiteLlmDatastores.AddPostgres(model, values.At(key));
            component.Hosting = Hosting.OperatorHosted;
            component.Notes.Add("The chart deploys its own Postgres in the cluster (db.deployStandalone).");
            LiteLlmDatastores.ConnectPostgres(model, LiteLlmDatastores.PostgresCategories, values.At(key));
        }
    }

    [GeneratedRegex(@"^values([._-][A-Za-z0-9_.-]*)?\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^\s+repository:\s*[""']?[^\s""'#]*litellm", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex RepositoryRegex();

    // An umbrella chart's sub-chart key or alias that names LiteLLM (litellm:, litellm-helm:, my-litellm:).
    [GeneratedRegex(@"^[""']?[A-Za-z0-9_-]*litellm[A-Za-z0-9_-]*[""']?:\s*(#.*)?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SubchartKeyRegex();

    [GeneratedRegex(@"^proxy_config:\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex TopLevelProxyConfigRegex();
}
