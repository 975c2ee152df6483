namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// The bodies of Python classes that subclass pydantic-settings' <c>BaseSettings</c>
/// (<c>class Settings(BaseSettings): openai_base_url: str = "https://..."</c>): each field's literal default is a value
/// another file reaches through <c>settings.openai_base_url</c>, so it is exported like a module-level constant. The
/// environment variable named after the field replaces the default where it is set: by default the field's name,
/// case-insensitively, after the class's <c>env_prefix</c> (pydantic-settings docs, "Settings Management", sections
/// "Usage" and "Environment variable names": https://docs.pydantic.dev/latest/concepts/pydantic_settings/, read
/// 2026-11-30). A default given through <c>Field(...)</c> (where an alias may rename the variable) is not read:
/// unknown stays unknown.
/// </summary>
internal static class PydanticSettings
{
    /// <summary>The line span (first body line, last body line), env prefix and case sensitivity of each settings class in the file.</summary>
    public static List<(int From, int To, string Prefix, bool CaseSensitive)> Classes(LexicalSource source)
    {
        var classes = new List<(int, int, string, bool)>();
        if (source.Language != LexicalLanguage.Python)
        {
            return classes;
        }

        for (var i = 0; i + 3 < source.Count; i++)
        {
            if (!source[i].IsName("class") || !source.IsIdentifier(i + 1) || !source.IsPunct(i + 2, "(") || source.Match[i + 2] < 0)
            {
                continue;
            }

            var close = source.Match[i + 2];
            if (!Enumerable.Range(i + 3, close - i - 3).Any(k => source[k].IsName("BaseSettings")))
            {
                continue;
            }

            // The body: every following token indented deeper than the class keyword.
            var column = source[i].Column;
            var last = close;
            for (var k = close + 1; k < source.Count && (source[k].Line == source[close].Line || source[k].Column > column || !StartsLine(source, k)); k++)
            {
                last = k;
            }

            classes.Add((source[close].Line + 1, source[last].Line, Prefix(source, i + 2, last), CaseSensitive(source, i + 2, last)));
            i = last;
        }

        return classes;
    }

    /// <summary>
    /// The environment variable that replaces field <paramref name="name"/>'s default, as pydantic-settings names it:
    /// in upper case where names match case-insensitively (the default), as written under <c>case_sensitive=True</c>.
    /// </summary>
    public static string Variable((int From, int To, string Prefix, bool CaseSensitive) settings, string name) =>
        settings.CaseSensitive ? settings.Prefix + name : (settings.Prefix + name).ToUpperInvariant();

    private static bool StartsLine(LexicalSource source, int k) => k == 0 || source[k - 1].Line != source[k].Line;

    // class Settings(BaseSettings, env_prefix="APP_"), model_config = SettingsConfigDict(env_prefix="APP_") or class Config: env_prefix = "APP_"
    private static string Prefix(LexicalSource source, int from, int to)
    {
        for (var k = from; k + 2 <= to; k++)
        {
            if (source[k].IsName("env_prefix") && (source.IsPunct(k + 1, "=") || source.IsPunct(k + 1, ":")) && source[k + 2].Kind == LexicalTokenKind.String)
            {
                return source[k + 2].Text;
            }
        }

        return "";
    }

    // case_sensitive=True in the class keywords, model_config or class Config.
    private static bool CaseSensitive(LexicalSource source, int from, int to)
    {
        for (var k = from; k + 2 <= to; k++)
        {
            if (source[k].IsName("case_sensitive") && (source.IsPunct(k + 1, "=") || source.IsPunct(k + 1, ":")) && source[k + 2].IsName("True"))
            {
                return true;
            }
        }

        return false;
    }
}
