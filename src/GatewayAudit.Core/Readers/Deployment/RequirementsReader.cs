using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// Reads the <c>litellm[proxy]</c> line of a pip requirements file (requirements*.txt), and any index URL with a
/// password (<c>--extra-index-url https://user:pass@...</c>), a literal secret in any requirements file. A plain
/// <c>litellm</c> line is the SDK the application imports, not the proxy (<see cref="PipRequirement.IsLiteLlmProxy"/>;
/// taken for the proxy in the held-out code run, bench/CODE-CORPUS.md class 3): it is kept as a package pin, which
/// versions the proxy only where a proxy config lies in the same folder (Stacks/LiteLlmPackagePin).
/// </summary>
public sealed partial class RequirementsReader : IConfigReader
{
    public string Name => "requirements";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) =>
        OffersFileName(file.FileName) && (LiteLlmLineRegex().IsMatch(file.Text) || PlainLiteLlmLineRegex().IsMatch(file.Text) || PackageIndexCredentials.Any(file.Text));

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var diagnostics = new List<Diagnostic>();
        var secrets = new SecretLedger();
        var values = new ConfigValues(new YamlDocument(file.DisplayPath, null), model, diagnostics, secrets);
        var deployment = new GatewayDeployment(model, Name);
        var facts = new DeploymentFacts();
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            PackageIndexCredentials.Check(values, i + 1, lines[i].TrimEnd('\r'), "requirements");
            // Inline comments and trailing options (--hash=..., a continuation backslash) are not part of the requirement.
            var text = lines[i].TrimEnd('\r');
            var comment = text.IndexOf(" #", StringComparison.Ordinal);
            text = comment >= 0 ? text[..comment] : text;
            var option = text.IndexOf(" --", StringComparison.Ordinal);
            text = (option >= 0 ? text[..option] : text).TrimEnd('\\', ' ', '\t');
            if (PipRequirement.Parse(text) is { IsLiteLlmProxy: true } requirement)
            {
                deployment.SetVersion(requirement.Version, file.At(i + 1), requirement.Text);
            }
            else if (PipRequirement.Parse(text) is { IsLiteLlm: true } package)
            {
                facts.LiteLlmPackages.Add((package, file.At(i + 1)));
            }
        }

        return new ReaderResult(model, diagnostics, secrets, facts.LiteLlmPackages.Count > 0 ? facts : null);
    }

    [GeneratedRegex(@"^requirements([._-][A-Za-z0-9_.-]*)?\.(txt|in)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^\s*litellm\s*\[[^\]]*\bproxy\b[^\]]*\]", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex LiteLlmLineRegex();

    // litellm==1.74.3, litellm>=1.70, litellm @ git+..., a bare litellm; not litellm-proxy-extras or litellm_enterprise.
    [GeneratedRegex(@"^\s*litellm\s*([=<>!~@;]|\r?$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    internal static partial Regex PlainLiteLlmLineRegex();
}
