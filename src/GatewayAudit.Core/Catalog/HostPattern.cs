namespace GatewayAudit.Core.Catalog;

/// <summary>
/// The host patterns of catalog entries (and of the LiteLLM provider table): an exact host ("api.groq.com"), a suffix
/// starting with "." (".openai.azure.com", which also matches "openai.azure.com"), or a pattern with "*" standing for
/// part of one label ("bedrock-runtime.*.amazonaws.com", "*-aiplatform.googleapis.com"), for regional endpoints.
/// </summary>
public static class HostPattern
{
    public static bool Matches(string pattern, string host)
    {
        if (pattern.Contains('*', StringComparison.Ordinal))
        {
            return Glob(pattern.AsSpan(), host.AsSpan());
        }

        return pattern.StartsWith('.')
            ? host.EndsWith(pattern, StringComparison.OrdinalIgnoreCase) || host.Equals(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(pattern, StringComparison.OrdinalIgnoreCase);
    }

    // "*" matches one or more characters of a single label (never a dot), so a wildcard cannot swallow a domain.
    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> host)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == '*')
            {
                pattern = pattern[1..];
                for (var taken = 1; taken <= host.Length && host[taken - 1] != '.'; taken++)
                {
                    if (Glob(pattern, host[taken..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (host.Length == 0 || char.ToLowerInvariant(pattern[0]) != char.ToLowerInvariant(host[0]))
            {
                return false;
            }

            pattern = pattern[1..];
            host = host[1..];
        }

        return host.Length == 0;
    }
}
