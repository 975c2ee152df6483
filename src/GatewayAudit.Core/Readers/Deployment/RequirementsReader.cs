using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>Reads the <c>litellm</c> / <c>litellm[proxy]</c> line of a pip requirements file (requirements*.txt).</summary>
public sealed partial class RequirementsReader : IConfigReader
{
    public string Name => "requirements";

    public IReadOnlyCollection<string> Extensions { get; } = [];

    public bool OffersFileName(string fileName) => FileNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) => OffersFileName(file.FileName) && LiteLlmLineRegex().IsMatch(file.Text);

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var deployment = new GatewayDeployment(model, Name);
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // Inline comments and trailing options (--hash=..., a continuation backslash) are not part of the requirement.
            var text = lines[i].TrimEnd('\r');
            var comment = text.IndexOf(" #", StringComparison.Ordinal);
            text = comment >= 0 ? text[..comment] : text;
            var option = text.IndexOf(" --", StringComparison.Ordinal);
            text = (option >= 0 ? text[..option] : text).TrimEnd('\\', ' ', '\t');
            if (PipRequirement.Parse(text) is { IsLiteLlm: true } requirement)
            {
                deployment.SetVersion(requirement.Version, file.At(i + 1), requirement.Text);
            }
        }

        return new ReaderResult(model, [], new SecretLedger());
    }

    [GeneratedRegex(@"^requirements([._-][A-Za-z0-9_.-]*)?\.(txt|in)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^\s*litellm\s*(\[[^\]]*\])?\s*([=<>!~@;#\\]|$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex LiteLlmLineRegex();
}
