using System.Text.RegularExpressions;

namespace GatewayAudit.Core.Model;

/// <summary>
/// Passwords recognised by where they sit, whatever field holds them and however short they are (the
/// <see cref="SecretLedger"/> sweeps only values long enough to be unambiguous):
/// <list type="bullet">
/// <item>the user info of a URL, <c>scheme://user:password@host</c> (RFC 3986 §3.2.1 deprecates a password there; it
/// is still a credential). A reference (<c>${PG_PASSWORD}</c>) stays: it names where the password comes from.</item>
/// <item><c>@user:password</c> at the end of a name, as pasted into a model string (<c>openai/gpt-4o@alice:pw</c>).
/// Left whole: an image digest (<c>image@sha256:...</c>), <c>host:port</c> (<c>user@db:5432</c>), a git remote
/// (<c>git@github.com:org/repo</c>) and a date tag (Vertex AI's <c>claude-3-5-sonnet@20240620</c> has no colon).</item>
/// </list>
/// The user name stays, the password becomes <c>****</c>, as the readers redact it.
/// </summary>
public static partial class CredentialShapes
{
    /// <remarks>
    /// A pattern runs only on a text that holds what every match of it holds: an '@' after a "://" for the user info of a
    /// URL, a ':' after an '@' for a trailing one. A report's URLs (references, catalog sources) have no '@', and running
    /// the user-info pattern over each of them was most of the cost of cleaning a report's strings (bench/SCALE.md round 14).
    /// </remarks>
    public static string Redact(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && text.IndexOf('@', scheme) >= 0)
        {
            text = UrlUserInfo().Replace(text, "${head}:****@");
        }

        var at = text.IndexOf('@');
        return at >= 0 && text.IndexOf(':', at) >= 0 ? TrailingUserInfo().Replace(text, "${head}:****") : text;
    }

    // The password runs to the last '@' of the token (passwords written unencoded contain '@' and '/', see
    // UrlPassword); it is not a reference, not already redacted, and not a port followed by a path (host:8080/@scope).
    // In JSON output a character of the password may be written \uXXXX.
    [GeneratedRegex("""
        (?<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/@:$"'<>`{}()\\]*)
        :(?!\$\{|\$\(|\*\*\*\*@|\d+/)
        (?:[^\s"'<>`\\]|\\u[0-9A-Fa-f]{4})+
        @(?=[^\s"'<>`\\@]*(?:[\s"'<>`\\]|$))
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();

    // name@user:password, ending the token: not followed by '/' or '@'; the password is not all digits (a port), not a
    // reference, not already redacted, and the user is not a digest algorithm.
    [GeneratedRegex("""
        (?<head>[A-Za-z0-9._/-]@(?!sha\d+:)[A-Za-z0-9._%+~-]+)
        :(?!\d+(?![^\s"'<>`\\,;|)\]}&]))(?!\$|\*\*\*\*)
        [^\s"'<>`\\/@,;|)\]}&]+
        (?![^\s"'<>`\\,;|)\]}&])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingUserInfo();
}
