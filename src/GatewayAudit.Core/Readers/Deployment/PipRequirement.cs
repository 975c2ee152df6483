using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// One PEP 508 requirement as written in requirements.txt, pyproject.toml or a <c>pip install</c> line:
/// "litellm==1.74.3", "litellm[proxy]>=1.70,&lt;2", "litellm @ git+https://...". Environment markers are dropped.
/// </summary>
public sealed partial record PipRequirement(string Name, string Extras, string Specifier, string Text)
{
    public bool IsLiteLlm => Name.Equals("litellm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>litellm[proxy]</c>: the proxy server's own dependencies ("pip install 'litellm[proxy]'", LiteLLM docs, proxy
    /// quick start, read 2026-11-30). Plain <c>litellm</c> is the Python SDK, which runs inside the application's own
    /// process (the model string of each call decides the party), so a dependency on it runs no proxy.
    /// </summary>
    public bool IsLiteLlmProxy => IsLiteLlm && HasProxyExtra(Extras);

    /// <summary>True for an extras list (<c>[proxy]</c>, <c>[proxy,extra_proxy]</c>) that names the proxy.</summary>
    public static bool HasProxyExtra(string extras) =>
        extras.Trim('[', ']').Split(',').Any(e => e.Trim().Equals("proxy", StringComparison.OrdinalIgnoreCase));

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
