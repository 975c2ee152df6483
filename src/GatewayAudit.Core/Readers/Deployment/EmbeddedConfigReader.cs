using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// The last resort, registered after every other reader: a .yaml, .yml or .tpl file that no reader claims but whose
/// text holds a LiteLLM config (a block scalar or a config-named mapping whose first level is LiteLLM's sections: an
/// Ansible vars file, a Terraform-rendered manifest, a ConfigMap inside a List) is read for that config, so a scan
/// never passes over a config it could see. It yields only the embedded configs, with the outer file's lines.
/// </summary>
public partial class EmbeddedConfigReader : IConfigReader
{
    public virtual string Name => "embedded-config";

    public IReadOnlyCollection<string> Extensions { get; } = [".yaml", ".yml", ".tpl"];

    public virtual bool Recognizes(InputFile file) =>
        Extensions.Contains(file.Extension) && EmbeddedConfigFinder.MayHoldConfig(file.Text) && Configs(file).Count > 0;

    public ReaderResult Read(InputFile file)
    {
        var facts = new DeploymentFacts();
        facts.EmbeddedConfigs.AddRange(Configs(file));
        return new ReaderResult(new StackModel(), [], new SecretLedger(), facts);
    }

    /// <summary>
    /// The configs the file embeds whose first level is all YAML keys: a shell heredoc in a CI step
    /// (<c>run: |</c> with <c>cat &gt; config.yaml</c> before <c>model_list:</c>) is a script, not a config.
    /// </summary>
    internal static List<EmbeddedConfig> Configs(InputFile file) =>
        EmbeddedConfigFinder.Find(file.DisplayPath, file.Text).Where(IsConfigShaped).ToList();

    private static bool IsConfigShaped(EmbeddedConfig config)
    {
        var lines = config.Text.Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        if (lines.Count == 0)
        {
            return false;
        }

        var first = lines.Min(l => l.Length - l.TrimStart(' ').Length);
        return lines.Where(l => l.Length - l.TrimStart(' ').Length == first).All(l => KeyRegex().IsMatch(l));
    }

    [GeneratedRegex(@"^\s*[""']?[A-Za-z_][A-Za-z0-9_.\-]*[""']?\s*:(\s|$)")]
    private static partial Regex KeyRegex();
}

/// <summary>
/// A Helm template (<c>templates/*.yaml</c>, <c>*.tpl</c>: not YAML until rendered) that writes a LiteLLM config
/// into a ConfigMap where the config's YAML block is still readable. It yields only the embedded config; the
/// template's own wiring is the chart values' (read by <see cref="HelmValuesReader"/>).
/// </summary>
public sealed partial class HelmTemplateReader : EmbeddedConfigReader
{
    public override string Name => "helm-template";

    // Helm's template language reads chart objects (.Values, .Release ...) and its own functions (include, toYaml);
    // a Jinja or Ansible file's {{ name }} is not a Helm template, and is left to the embedded-config reader.
    public override bool Recognizes(InputFile file) => HelmActionRegex().IsMatch(file.Text) && base.Recognizes(file);

    [GeneratedRegex(@"\{\{[^}]*(\.(Values|Release|Chart|Capabilities|Files|Template)\b|\b(include|template|tpl|toYaml)\b)")]
    private static partial Regex HelmActionRegex();
}
