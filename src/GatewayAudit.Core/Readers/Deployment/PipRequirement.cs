using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// One PEP 508 requirement as written in requirements.txt, pyproject.toml or a <c>pip install</c> line:
/// "litellm==1.74.3", "litellm[proxy]>=1.70,&lt;2", "litellm @ git+https://...". Environment markers are dropped.
/// </summary>
public sealed partial record PipRequirement(string Name, string Extras, string Specifier, string Text)
{
    public bool IsLiteLlm => Name.Equals("litellm", StringComparison.OrdinalIgnoreCase);

    public LiteLlmVersion Version => LiteLlmVersion.FromPipSpecifier(Specifier);

    /// <summary>The requirement in a text, or null when the text is not one (an option, a comment, a path).</summary>
    public static PipRequirement? Parse(string text)
    {
        var requirement = text.Trim();
        var marker = requirement.IndexOf(';', StringComparison.Ordinal);
        if (marker >= 0)
        {
            requirement = requirement[..marker].Trim();
        }

        var match = RequirementRegex().Match(requirement);
        return match.Success
            ? new PipRequirement(match.Groups["name"].Value, match.Groups["extras"].Value, match.Groups["spec"].Value.Trim(), requirement)
            : null;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?<extras>\[[^\]]*\])?\s*(?<spec>(@\s*\S+|[=<>!~][^#]*)?)$")]
    private static partial Regex RequirementRegex();
}
