using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Readers;

/// <summary>The password in a connection URL's user info (postgresql://user:password@host/db), found to redact it.</summary>
public static partial class UrlPassword
{
    /// <summary>
    /// Where the password sits in scheme://user:password@host...; null when there is none. The user info runs to the
    /// last '@', because passwords written unencoded contain '@' and '/' (a regex stopping at the first '@' left the
    /// rest of such a password in the "redacted" URL).
    /// </summary>
    public static (int Start, int Length)? Find(string url)
    {
        // No '@', no user info: most values swept are no URL at all, and the scheme pattern was run on each.
        var at = url.LastIndexOf('@');
        if (at < 0)
        {
            return null;
        }

        var scheme = SchemeRegex().Match(url);
        if (!scheme.Success)
        {
            return null;
        }

        var authorityStart = scheme.Length;
        if (at < authorityStart)
        {
            return null;
        }

        var colon = UserInfoColon(url, authorityStart, at);
        if (colon < 0 || url.AsSpan(authorityStart, colon - authorityStart).Contains('/'))
        {
            return null;
        }

        return at - colon - 1 > 0 ? (colon + 1, at - colon - 1) : null;
    }

    /// <summary>
    /// The ':' between user and password, before <paramref name="at"/>, or -1. A colon inside a compose or Kubernetes
    /// reference (${POSTGRES_USER:-llmadmin}, $(DB_USER)) is part of the user name, not the separator.
    /// </summary>
    private static int UserInfoColon(string url, int from, int at)
    {
        var depth = 0;
        for (var i = from; i < at; i++)
        {
            switch (url[i])
            {
                case '$' when i + 1 < at && url[i + 1] is '{' or '(':
                    depth++;
                    i++;
                    break;
                case '}' or ')' when depth > 0:
                    depth--;
                    break;
                case ':' when depth == 0:
                    return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*://")]
    private static partial Regex SchemeRegex();
}
