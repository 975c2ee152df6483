using System.Text;
using CsCheck;

namespace GatewayAudit.Cli.Tests.Fuzz;

/// <summary>
/// Mutations of a real-shaped input, the kinds hostile or damaged files have: byte flips, truncation, duplicated
/// lines, shifted indentation, YAML indicators at the start of a value, huge numbers, deep nesting, swapped and
/// deleted lines, invalid UTF-8 and control characters. Each is a pure function of the text and a position, so a
/// failing case prints and replays.
/// </summary>
public static class Mutations
{
    public enum Kind
    {
        FlipByte, Truncate, DuplicateLines, ShiftIndent, YamlIndicator, HugeNumber, DeepNesting, DeleteLine, SwapLines, ControlCharacter,
        InvalidUtf8, RepeatBlock, CredentialElsewhere,
    }

    /// <summary>One mutation: what, where (a fraction of the text, in 1/1000), and a small argument.</summary>
    public readonly record struct Mutation(Kind Kind, int At, int Argument)
    {
        public override string ToString() => $"{Kind}@{At}/{Argument}";
    }

    private static readonly string[] Indicators = ["*", "&", "!", "@", "%", "`", "|", ">", "? ", "- ", "{", "[", "'", "\"", "#", "!!binary ", "<<: *a\n", "&a "];

    // The planted password in shapes the tool promises to hide wherever they appear: a provider key, a URL's user info,
    // a name's '@user:', a bearer token.
    private static readonly string[] Credentials =
    [
        $"sk-proj-{FuzzSeeds.Secret}abcd", $"https://u:{FuzzSeeds.Secret}@h.example.com/v1", $"openai/gpt-4o@u:{FuzzSeeds.Secret}",
        $"\"Bearer sk-{FuzzSeeds.Secret}0123456789\"", $"redis://:{FuzzSeeds.Secret}@cache:6379", $"x@ops:{FuzzSeeds.Secret}",
    ];

    private static readonly string[] Numbers = ["1e400", "-1e400", "99999999999999999999999999999999", "0x7FFFFFFFFFFFFFFF1", ".nan", "-.inf", "1_000_000_000_000_000_000_000", "4e-500"];

    public static readonly Gen<Mutation> One = Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 1000], Gen.Int[0, 64], (k, a, n) => new Mutation(k, a, n));

    /// <summary>One to six mutations applied in turn.</summary>
    public static readonly Gen<Mutation[]> Several = One.Array[1, 6];

    public static byte[] Apply(byte[] input, IEnumerable<Mutation> mutations) => mutations.Aggregate(input, Apply);

    public static byte[] Apply(byte[] input, Mutation m)
    {
        if (input.Length == 0)
        {
            return m.Kind == Kind.DeepNesting ? Encoding.UTF8.GetBytes(Nesting(m.Argument)) : input;
        }

        var at = (int)((long)m.At * (input.Length - 1) / 1000);
        switch (m.Kind)
        {
            case Kind.FlipByte:
                var flipped = (byte[])input.Clone();
                flipped[at] ^= (byte)(1 << (m.Argument % 8));
                return flipped;
            case Kind.Truncate:
                return input[..at];
            case Kind.ControlCharacter:
                return Insert(input, at, [(byte)"\0\a\b\x1b\r\v\f\x7f"[m.Argument % 8]]);
            case Kind.InvalidUtf8:
                return Insert(input, at, m.Argument % 2 == 0 ? [0xC3, 0x28] : [0xFF, 0xFE, 0xED, 0xA0, 0x80]);
        }

        // Line-based mutations work on the text's lines.
        var lines = Encoding.UTF8.GetString(input).Split('\n').ToList();
        var line = Math.Min(lines.Count - 1, (int)((long)m.At * lines.Count / 1000));
        switch (m.Kind)
        {
            case Kind.DuplicateLines:
                lines.InsertRange(line, lines.Skip(line).Take(1 + (m.Argument % 4)).ToList());
                break;
            case Kind.RepeatBlock:
                var block = lines.Skip(line).Take(1 + (m.Argument % 8)).ToList();
                for (var i = 0; i < 20 + m.Argument; i++)
                {
                    lines.InsertRange(line, block);
                }

                break;
            case Kind.ShiftIndent:
                var shift = (m.Argument % 7) - 3;
                var indent = lines[line].Length - lines[line].TrimStart().Length;
                lines[line] = shift >= 0 ? new string(' ', shift) + lines[line] : lines[line][Math.Min(-shift, indent)..];
                break;
            case Kind.YamlIndicator:
                lines[line] = AtValue(lines[line], Indicators[m.Argument % Indicators.Length]);
                break;
            case Kind.HugeNumber:
                lines[line] = ReplaceValue(lines[line], Numbers[m.Argument % Numbers.Length]);
                break;
            case Kind.DeepNesting:
                lines[line] = ReplaceValue(lines[line], Nesting(m.Argument));
                break;
            case Kind.CredentialElsewhere:
                var credential = Credentials[m.Argument % Credentials.Length];
                lines[line] = m.Argument / Credentials.Length % 2 == 0 ? ReplaceValue(lines[line], credential) : Indent(lines[line]) + $"\"{credential}\": x";
                break;
            case Kind.DeleteLine:
                lines.RemoveAt(line);
                break;
            case Kind.SwapLines:
                var other = Math.Min(lines.Count - 1, line + 1 + (m.Argument % 3));
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] Insert(byte[] input, int at, byte[] bytes) => [.. input[..at], .. bytes, .. input[at..]];

    // Brackets and braces nested 50 to 5,000 deep, sometimes unbalanced.
    private static string Nesting(int argument)
    {
        var depth = 50 + (argument * 78);
        var open = string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "[" : "{a: "));
        var close = argument % 3 == 0 ? "" : string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? "]" : "}"));
        return open + "x" + close;
    }

    private static int ValueStart(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? colon + 2 : line.Length - line.TrimStart().Length;
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static string AtValue(string line, string text) => line.Insert(ValueStart(line), text);

    private static string ReplaceValue(string line, string value) => line[..ValueStart(line)] + value;
}
