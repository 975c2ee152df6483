using System.Globalization;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Suppressions;

/// <summary>
/// <c># gateway-audit:ignore RULE[,RULE] reason="..." until=YYYY-MM-DD</c> in an audited file. It applies to its own
/// line when it follows content, or to the next line that is neither blank nor a comment when it stands alone.
/// </summary>
public sealed partial record InlineSuppression(IReadOnlyList<string> RuleIds, string Reason, DateOnly? Until, SourceLocation Comment, int TargetLine)
{
    public const string Marker = "gateway-audit:ignore";

    /// <summary>Every suppression comment in a file; malformed ones (no rule, no reason, bad date) are error diagnostics.</summary>
    public static List<InlineSuppression> Parse(string file, string text, List<Diagnostic> diagnostics)
    {
        var found = new List<InlineSuppression>();
        if (!text.Contains(Marker, StringComparison.Ordinal))
        {
            return found; // most files: no line to split (every file read is asked, 22,000 in a large scan)
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var marker = line.IndexOf(Marker, StringComparison.Ordinal);
            var hash = marker < 0 ? -1 : line.LastIndexOf('#', marker);
            if (hash < 0 || line[(hash + 1)..marker].Trim().Length > 0)
            {
                continue;
            }

            var at = new SourceLocation(file, i + 1, hash + 1);
            var rest = line[(marker + Marker.Length)..].TrimEnd('\r');
            var match = BodyRegex().Match(rest);
            if (!match.Success || match.Groups["rules"].Value.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error("suppression-invalid",
                    $"write '# {Marker} RULE-ID reason=\"why this is accepted\" until=YYYY-MM-DD' (until is optional)", at));
                continue;
            }

            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : "";
            if (reason.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error("suppression-no-reason",
                    $"suppression of {match.Groups["rules"].Value} has no reason; add reason=\"...\" saying why the finding is accepted", at));
                continue;
            }

            DateOnly? until = null;
            if (match.Groups["until"].Success)
            {
                if (!DateOnly.TryParseExact(match.Groups["until"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    diagnostics.Add(Diagnostic.Error("suppression-invalid", "until= must be a date written YYYY-MM-DD", at));
                    continue;
                }

                until = date;
            }

            var standsAlone = line[..hash].Trim().Length == 0;
            var target = i + 1;
            if (standsAlone)
            {
                target = i + 2;
                while (target <= lines.Length && (lines[target - 1].Trim().Length == 0 || lines[target - 1].TrimStart().StartsWith('#')))
                {
                    target++;
                }
            }

            var ids = match.Groups["rules"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            found.Add(new InlineSuppression(ids, reason, until, at, target));
        }

        return found;
    }

    [GeneratedRegex("""^\s+(?<rules>[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)(?:\s+reason=(?:"(?<reason>[^"]*)"|'(?<reason>[^']*)'))?(?:\s+until=(?<until>\S+))?\s*$""")]
    private static partial Regex BodyRegex();
}
