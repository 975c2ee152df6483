using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// Keys as gateways accept them: Portkey takes snake_case and camelCase alike (its gateway converts a config's keys
/// with convertKeysToCamelCase in src/handlers/handlerUtils.ts), SDKs write camelCase, and headers compare
/// case-insensitively.
/// </summary>
internal static class GatewayKeys
{
    /// <summary>apiKey → api_key, overrideParams → override_params, baseURL → base_url; snake_case stays as it is.</summary>
    public static string Snake(string key)
    {
        if (!Changes(key))
        {
            return key;
        }

        // At most one '_' per character: twice the key's length holds any result.
        var into = key.Length <= 128 ? stackalloc char[key.Length * 2] : new char[key.Length * 2];
        return new string(into[..SnakeInto(key, into)]);
    }

    /// <summary>Whether <see cref="Snake"/> of the key is the given snake_case name, without making the string.</summary>
    public static bool SnakeIs(string key, string snake)
    {
        if (key == snake || !Changes(key))
        {
            return key == snake;
        }

        // Snake only adds characters, so a shorter result than the key is impossible.
        if (snake.Length < key.Length)
        {
            return false;
        }

        var into = key.Length <= 128 ? stackalloc char[key.Length * 2] : new char[key.Length * 2];
        return into[..SnakeInto(key, into)].SequenceEqual(snake);
    }

    // A key with no capital, or a header-style key (x-api-Key), is left as it is.
    private static bool Changes(string key)
    {
        if (key.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    // A capital starts a word after a lower-case letter or digit, or ends an acronym before one (baseURL, APIKey).
    private static int SnakeInto(string key, Span<char> into)
    {
        var length = 0;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsUpper(c) && i > 0 && (!char.IsUpper(key[i - 1]) || (i + 1 < key.Length && char.IsLower(key[i + 1]))))
            {
                into[length++] = '_';
            }

            into[length++] = char.ToLowerInvariant(c);
        }

        return length;
    }

    /// <summary>The value under a snake_case key or its camelCase form; the key node too (for its line).</summary>
    public static (YamlNode? Value, YamlScalar? Key) Get(YamlMapping mapping, string snake)
    {
        for (var i = mapping.Entries.Count - 1; i >= 0; i--)
        {
            var (key, value) = mapping.Entries[i];
            if (SnakeIs(key.Value, snake))
            {
                return (value, key);
            }
        }

        return (null, null);
    }

    public static YamlNode? Value(YamlMapping mapping, string snake) => Get(mapping, snake).Value;

    public static bool Has(YamlMapping mapping, string snake) => Get(mapping, snake).Key is not null;

    /// <summary>A header's value in a mapping of headers, whatever the case of its name.</summary>
    public static (YamlScalar Key, YamlNode Value)? Header(YamlMapping headers, string name)
    {
        for (var i = headers.Entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(headers.Entries[i].Key.Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return (headers.Entries[i].Key, headers.Entries[i].Value);
            }
        }

        return null;
    }
}
