using System.Text.RegularExpressions;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Deployment;

/// <summary>
/// URLs with a password in a line of a requirements file or a Dockerfile <c>RUN</c>: pip's
/// <c>--index-url</c> / <c>-i</c> / <c>--extra-index-url</c> / <c>--find-links</c> take a URL whose user info may hold
/// credentials (https://pip.pypa.io/en/stable/topics/authentication/ "Basic HTTP authentication":
/// <c>https://username:password@pypi.company.com/simple</c>), as do <c>curl</c>, <c>git clone</c> and
/// <c>npm config set registry</c> lines. Each such URL is a literal secret at its own line and column, however many
/// a line holds; a password written as a reference (<c>${PIP_PASSWORD}</c>, <c>$TOKEN</c>) is none.
/// </summary>
internal static partial class PackageIndexCredentials
{
    /// <summary>True when the text holds any URL with a password in its user info.</summary>
    public static bool Any(string text) => UrlRegex().Matches(text).Any(m => UrlPassword.Find(Token(m)) is not null);

    /// <summary>Records each URL with a password on one physical line (1-based <paramref name="line"/>); <paramref name="context"/> names the instruction or file.</summary>
    public static void Check(ConfigValues values, int line, string text, string context)
    {
        foreach (Match match in UrlRegex().Matches(text))
        {
            var url = Token(match);
            if (UrlPassword.Find(url) is null)
            {
                continue;
            }

            var option = OptionRegex().Match(text[..match.Index]);
            var path = option.Success ? $"{context} {option.Groups["option"].Value}" : context;
            values.CheckUrlPassword(path, new YamlScalar(line, match.Index + 1, url, false, null), url);
        }
    }

    private static string Token(Match match) => match.Value.TrimEnd('"', '\'', ';', ',', ')');

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s""'`]+")]
    private static partial Regex UrlRegex();

    // The option right before the URL: "--extra-index-url " or "--extra-index-url=" or "-i ".
    [GeneratedRegex(@"(?<option>--?[A-Za-z][A-Za-z-]*)[ =]\s*[""']?$")]
    private static partial Regex OptionRegex();
}
