namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// A Helm template (<c>templates/*.yaml</c>, <c>*.tpl</c>: not YAML until rendered) that writes a LiteLLM config
/// into a ConfigMap where the config's YAML block is still readable. It yields only the embedded config; the
/// template's own wiring is the chart values' (read by <see cref="HelmValuesReader"/>).
/// </summary>
public sealed class HelmTemplateReader : IConfigReader
{
    public string Name => "helm-template";

    public IReadOnlyCollection<string> Extensions { get; } = [".yaml", ".yml", ".tpl"];

    public bool Recognizes(InputFile file) =>
        Extensions.Contains(file.Extension) && file.Text.Contains("{{", StringComparison.Ordinal)
        && EmbeddedConfigFinder.MayHoldConfig(file.Text) && EmbeddedConfigFinder.Find(file.DisplayPath, file.Text).Count > 0;

    public ReaderResult Read(InputFile file)
    {
        var facts = new DeploymentFacts();
        facts.EmbeddedConfigs.AddRange(EmbeddedConfigFinder.Find(file.DisplayPath, file.Text));
        return new ReaderResult(new Model.StackModel(), [], new Model.SecretLedger(), facts);
    }
}
