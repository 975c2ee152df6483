using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads a helmfile (<c>helmfile.yaml</c>, <c>helmfile.yaml.gotmpl</c>) whose <c>releases[]</c> install LiteLLM's Helm
/// chart (<c>chart: oci://ghcr.io/berriai/litellm-helm</c>, or a repository alias ending in <c>litellm-helm</c>): the
/// release runs the proxy, and a <c>proxy_config:</c> written inline in its <c>values:</c> list is the proxy's config
/// (helmfile renders <c>.gotmpl</c> files as Go templates first, so the text is read, not the YAML tree: template
/// expressions such as <c>{{ env "AZURE_API_BASE" }}</c> become values set at deploy time, as in a Helm template).
/// The chart deploys its own Postgres unless the values say otherwise (<c>db.deployStandalone</c> defaults to true,
/// <c>db.useExisting</c> to false, in BerriAI/litellm deploy/charts/litellm-helm/values.yaml, read 2026-11-30), and
/// the image is the chart's appVersion unless the values set one. Found missing in the fourth held-out code run
/// (bench/CODE-CORPUS.md, class 1): the deployment's models sat only in a helmfile.
/// </summary>
public sealed partial class HelmfileReader : IConfigReader
{
    public string Name => "helmfile";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName) && ChartRegex().IsMatch(file.Text);

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var facts = new DeploymentFacts();
        var chart = ChartRegex().Match(file.Text);
        var lines = file.Text.Split('\n');
        var chartLine = LineOf(file.Text, chart.Index);
        var at = file.At(chartLine);
        var release = ReleaseBlock(lines, chartLine - 1);
        var version = VersionRegex().Match(release);
        var chartName = chart.Groups["chart"].Value;
        var written = version.Success ? $"{chartName} version {version.Groups["version"].Value}" : chartName;

        var gateway = new GatewayDeployment(model, Name).Gateway(at);
        var image = ImageRegex().Match(release);
        if (image.Success)
        {
            gateway.Notes.Add($"The helmfile release installs LiteLLM's Helm chart ({written}) with image {image.Groups["image"].Value} from its values.");
        }
        else
        {
            gateway.Notes.Add($"The helmfile release installs LiteLLM's Helm chart ({written}); its values set no image, so the release runs the chart's appVersion.");
            model.OpenQuestions.Add(new OpenQuestion("LiteLLM proxy",
                $"The helmfile release sets no image, so the image follows the chart's appVersion; which LiteLLM version does {written} install?", at));
        }

        if (!ExistingDatabaseRegex().IsMatch(release) && !NoStandaloneDatabaseRegex().IsMatch(release))
        {
            var postgres = LiteLlmDatastores.AddPostgres(model, at);
            postgres.Hosting = Hosting.OperatorHosted;
            postgres.Notes.Add("The chart deploys its own Postgres in the cluster (db.deployStandalone is true by default and the release's values do not turn it off).");
            LiteLlmDatastores.ConnectPostgres(model, LiteLlmDatastores.PostgresCategories, at);
        }

        facts.Services.Add(new ServiceFacts("litellm", Stacks.HelmfileValues.HelmfileRelease, at) { RunsProxy = true, Image = image.Success ? image.Groups["image"].Value : null });
        facts.EmbeddedConfigs.AddRange(EmbeddedConfigFinder.Find(file.DisplayPath, file.Text));
        facts.ValuesFiles.AddRange(ValuesFileRegex().Matches(release).Select(m => Path.GetFileName(m.Groups["file"].Value)));
        return new ReaderResult(model, [], new SecretLedger(), facts);
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    /// <summary>The release's lines: from its <c>chart:</c> line's list item to the next item at the same indentation.</summary>
    private static string ReleaseBlock(string[] lines, int chartIndex)
    {
        var start = chartIndex;
        while (start > 0 && !lines[start].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            start--;
        }

        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var end = chartIndex + 1;
        for (; end < lines.Length; end++)
        {
            var line = lines[end].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length > 0 && line.Length - trimmed.Length <= indent && !trimmed.StartsWith('#'))
            {
                break;
            }
        }

        return string.Join('\n', lines[start..end]);
    }

    [GeneratedRegex(@"^helmfile([._-][A-Za-z0-9_-]+)*\.(ya?ml|ya?ml\.gotmpl|gotmpl)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    // LiteLLM's chart: oci://ghcr.io/berriai/litellm-helm, or a repository alias (litellm/litellm-helm).
    [GeneratedRegex(@"^\s*(-\s+)?chart:\s*[""']?(?<chart>[^\s""'#]*litellm-helm)[""']?\s*(#.*)?\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ChartRegex();

    [GeneratedRegex(@"^\s*version:\s*[""']?(?<version>[^\s""'#]+)", RegexOptions.Multiline)]
    private static partial Regex VersionRegex();

    [GeneratedRegex(@"^\s*repository:\s*[""']?(?<image>[^\s""'#{}]*litellm[^\s""'#{}]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ImageRegex();

    // A values list item that is a file (- values-prod.yaml, - ./env/{{ .Environment.Name }}.yaml.gotmpl).
    [GeneratedRegex(@"^\s*-\s+[""']?(?<file>[^\s""'#:]+\.ya?ml(\.gotmpl)?)[""']?\s*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex ValuesFileRegex();

    [GeneratedRegex(@"^\s*useExisting:\s*[""']?true", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ExistingDatabaseRegex();

    [GeneratedRegex(@"^\s*deployStandalone:\s*[""']?false", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex NoStandaloneDatabaseRegex();
}
