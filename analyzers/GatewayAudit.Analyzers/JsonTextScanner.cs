using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace GatewayAudit.Analyzers;

/// <summary>
/// Finds the objects, keys and string values of JSON written inside a C# string (raw string literals holding a
/// request body). Hand-written rather than System.Text.Json because an analyzer cannot count on that assembly in
/// every compiler host (netstandard2.0, Visual Studio's .NET Framework process), and because JSON in code is often
/// not valid JSON (interpolation holes, trailing commas, comments): this scanner tolerates it and never throws.
/// </summary>
public static class JsonTextScanner
{
    /// <summary>Larger strings are data files pasted into code, not request bodies; they are not scanned.</summary>
    public const int MaxLength = 64 * 1024;

    public static bool LooksLikeJson(string text)
    {
        if (text.Length < 7 || text.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            return (c == '{' || c == '[') && text.IndexOf('"') >= 0 && text.IndexOf(':') >= 0;
        }

        return false;
    }

    /// <summary>Adds every object of <paramref name="text"/> to <paramref name="objects"/> and every string value to <paramref name="values"/>.</summary>
    public static void Scan(string text, SyntaxNode location, List<ObjectShape> objects, List<string> values)
    {
        // One frame per open object or array; an array remembers its key so that objects inside it
        // ("models": [{...}]) know what they are the value of.
        var stack = new Stack<(ObjectShape? Shape, string? ArrayKey)>();
        ObjectKey? pendingKey = null;
        var i = 0;
        while (i < text.Length)
        {
            switch (text[i])
            {
                case '{':
                    {
                        var parentKey = pendingKey?.Name ?? (stack.Count > 0 && stack.Peek().Shape is null ? stack.Peek().ArrayKey : null);
                        var shape = new ObjectShape(parentKey);
                        if (pendingKey is not null)
                        {
                            pendingKey.Child = shape;
                        }

                        objects.Add(shape);
                        stack.Push((shape, null));
                        pendingKey = null;
                        i++;
                        break;
                    }

                case '[':
                    stack.Push((null, pendingKey?.Name));
                    pendingKey = null;
                    i++;
                    break;
                case '}':
                case ']':
                    if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    pendingKey = null;
                    i++;
                    break;
                case '"':
                    {
                        var value = ReadString(text, ref i);
                        var next = SkipWhitespace(text, i);
                        if (next < text.Length && text[next] == ':' && stack.Count > 0 && stack.Peek().Shape is { } owner)
                        {
                            pendingKey = new ObjectKey(value, location, null);
                            owner.Keys.Add(pendingKey);
                            i = next + 1;
                        }
                        else
                        {
                            values.Add(value);
                            pendingKey = null;
                        }

                        break;
                    }

                case ',':
                    pendingKey = null;
                    i++;
                    break;
                default:
                    i++;
                    break;
            }
        }
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static string ReadString(string text, ref int i)
    {
        var builder = new StringBuilder();
        i++; // opening quote
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                break;
            }

            if (c == '\\' && i < text.Length)
            {
                var escaped = text[i++];
                builder.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => escaped,
                });
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
