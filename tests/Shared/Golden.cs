using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace GatewayAudit.Tests.Shared;

/// <summary>
/// Golden-file comparison. The expected text lives in a file in the repository and is compared byte for byte.
/// On a mismatch the test fails with a unified-style diff of the changed hunks. Accepting new output is its own
/// command, tools/accept-goldens.sh (it sets GATEWAY_AUDIT_ACCEPT=1 and runs only the golden tests); then review the
/// git diff before committing. Where CI is set, a leaked GATEWAY_AUDIT_ACCEPT fails the test instead of rewriting.
/// </summary>
public static class Golden
{
    public const string AcceptVariable = "GATEWAY_AUDIT_ACCEPT";
    public const string AcceptCommand = "tools/accept-goldens.sh";
    private const int Context = 3;

    public static bool Accepting => IsAccepting(Environment.GetEnvironmentVariable);

    /// <summary>
    /// True when the accept command asked for it; throws when the accept variable is set where CI is (a CI runner
    /// sets CI, https://docs.github.com/en/actions/reference/variables-reference), so that a leaked variable can
    /// never turn a golden test into one that rewrites its expectation and passes.
    /// </summary>
    public static bool IsAccepting(Func<string, string?> environment)
    {
        var accept = environment(AcceptVariable);
        if (string.IsNullOrEmpty(accept))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(environment("CI")))
        {
            throw new XunitException($"{AcceptVariable} is set where CI is: golden files are never rewritten in CI. Accept new output locally with {AcceptCommand}.");
        }

        return accept == "1";
    }

    /// <param name="goldenPath">Path relative to the repository root.</param>
    public static void Verify(string goldenPath, string actual)
    {
        var full = RepoPaths.Combine(goldenPath.Split('/'));
        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, actual, new UTF8Encoding(false));
            return;
        }

        if (!File.Exists(full))
        {
            throw new XunitException($"golden file {goldenPath} does not exist. Run {AcceptCommand} to create it, then review it.");
        }

        var expected = File.ReadAllText(full, Encoding.UTF8);
        if (expected == actual)
        {
            return;
        }

        throw new XunitException($"output differs from golden file {goldenPath} (- golden, + actual). " +
            $"If the change is intended, run {AcceptCommand} and review the diff.\n" + UnifiedDiff(expected, actual));
    }

    /// <summary>Only the changed hunks, each with a few lines of context, like `diff -u`.</summary>
    public static string UnifiedDiff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false, ignoreCase: false).Lines;
        var changes = Enumerable.Range(0, lines.Count).Where(i => lines[i].Type is ChangeType.Inserted or ChangeType.Deleted or ChangeType.Modified).ToList();
        var text = new StringBuilder();
        var c = 0;
        while (c < changes.Count)
        {
            // A hunk runs while the next change is close enough that their context would overlap.
            var last = c;
            while (last + 1 < changes.Count && changes[last + 1] - changes[last] <= 2 * Context)
            {
                last++;
            }

            var start = Math.Max(0, changes[c] - Context);
            var end = Math.Min(lines.Count, changes[last] + Context + 1);
            text.Append($"@@ golden line {FirstOldLine(lines, start)} @@\n");
            for (var k = start; k < end; k++)
            {
                var prefix = lines[k].Type switch
                {
                    ChangeType.Inserted => "+",
                    ChangeType.Deleted => "-",
                    _ => " ",
                };
                text.Append(prefix).Append(Visible(lines[k].Text)).Append('\n');
            }

            c = last + 1;
        }

        if (expected.EndsWith('\n') != actual.EndsWith('\n'))
        {
            text.Append(expected.EndsWith('\n') ? "(actual lacks the final newline)\n" : "(actual has a final newline the golden file lacks)\n");
        }

        return text.Length == 0 ? "(texts differ only in line endings or invisible characters)" : text.ToString();
    }

    private static int FirstOldLine(IReadOnlyList<DiffPiece> lines, int start)
    {
        var n = 0;
        for (var k = 0; k < start; k++)
        {
            if (lines[k].Type != ChangeType.Inserted)
            {
                n++;
            }
        }

        return n + 1;
    }

    private static string Visible(string? text) => (text ?? "").Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
