using System.CommandLine;
using System.Text;
using GatewayAudit.Core.Dpa;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Policies;
using GatewayAudit.Core.Scanning;

namespace GatewayAudit.Cli;

/// <summary><c>gateway-audit explain RULE_ID</c>: what a rule checks, why it matters, how to fix it, and an example.</summary>
public static class ExplainCommand
{
    public static Command Create(Terminal terminal, string workingDirectory)
    {
        var id = new Argument<string>("rule-id") { Description = "The rule id, e.g. provider-without-zdr ('gateway-audit policies list' shows them all)." };
        var policies = new Option<string[]>("--policies") { Description = "Extra rule folder to look in. Repeatable." };
        var command = new Command("explain", "Explain a rule: title, severity, what it checks, why it matters, remediation, references and an\n" +
            "example config it fires on. Exit 2 for an unknown id (with the closest ids).\n\n" +
            "Example:\n  gateway-audit explain callback-logs-prompts")
        {
            id, policies,
        };
        command.SetAction(parse =>
        {
            var folders = new[] { PolicyPack.RulesDir(BuiltIn.Root) }.Concat(parse.GetValue(policies) ?? []);
            var (pack, failed) = PoliciesCommand.LoadPack(terminal, workingDirectory, folders, trustBuiltIn: true);
            if (failed)
            {
                return ExitCodes.UsageOrInput;
            }

            var wanted = parse.GetValue(id)!.Trim();
            if (DpaCheck.Find(wanted) is { } check)
            {
                terminal.Write(Explain(check));
                return ExitCodes.Ok;
            }

            if (pack.Find(wanted) is not { } rule)
            {
                var suggestions = pack.Rules.Select(r => r.Id).Concat(DpaCheck.All.Select(c => c.Id)).Select(r => (Id: r, Distance: Distance(wanted, r)))
                    .Where(s => s.Distance <= Math.Max(3, wanted.Length / 3) || s.Id.Contains(wanted, StringComparison.Ordinal)
                        || wanted.Split('-', StringSplitOptions.RemoveEmptyEntries).All(t => s.Id.Split('-').Contains(t)))
                    .OrderBy(s => s.Distance).ThenBy(s => s.Id, StringComparer.Ordinal).Take(3).Select(s => s.Id).ToList();
                terminal.Error($"gateway-audit: no rule '{wanted}'." + (suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions)}?" : "")
                    + " 'gateway-audit policies list' shows every rule.");
                return ExitCodes.UsageOrInput;
            }

            terminal.Write(Explain(rule));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A check of <c>scan --dpa</c>: code rather than a YAML rule, described in the same sections.</summary>
    public static string Explain(DpaCheck check) =>
        $"{check.Id}: {check.Title}\n" +
        $"Severity: {EnumText.Of(check.Severity)}\n" +
        "Defined in: built in, runs with scan --dpa ANNEX (compares the stack with a signed sub-processor annex)\n\n" +
        $"What it checks:\n  {check.Checks}\n" +
        $"\nWhy it matters:\n  {check.WhyItMatters}\n" +
        $"\nRemediation:\n  {check.Remediation}\n" +
        "\nReferences:\n" + string.Concat(DpaCheck.References.Select(r => $"  - {r}\n")) +
        "\nExample:\n  gateway-audit scan . --dpa legal/subprocessors.md --fail-on high\n";

    public static string Explain(PolicyRule rule)
    {
        var text = new StringBuilder();
        text.Append($"{rule.Id}: {rule.Title}\n");
        text.Append($"Severity: {EnumText.Of(rule.Severity)}\n");
        text.Append($"Defined in: {rule.Origin}\n\n");
        text.Append("What it checks:\n");
        text.Append($"  {RuleDescription.Selector(rule.Selector)}\n");
        if (rule.When is not null)
        {
            text.Append($"  when {RuleDescription.Condition(rule.When)}\n");
        }

        if (rule.Description.Length > 0)
        {
            text.Append($"\nWhy it matters:\n  {rule.Description}\n");
        }

        text.Append($"\nMessage:\n  {rule.Message}\n");
        text.Append($"\nRemediation:\n  {rule.Remediation}\n");
        if (rule.References.Count > 0)
        {
            text.Append("\nReferences:\n");
            foreach (var reference in rule.References)
            {
                text.Append($"  - {reference}\n");
            }
        }

        if (rule.Tests.FirstOrDefault(t => t.ExpectFire) is { } example)
        {
            text.Append($"\nExample (fires: {example.Name}):\n");
            if (example.Config is not null)
            {
                foreach (var line in example.Config.TrimEnd().Split('\n'))
                {
                    text.Append($"  {line}\n");
                }
            }

            foreach (var (component, attributes) in example.Attributes)
            {
                text.Append($"  with {component}: {string.Join(", ", attributes.Select(a => $"{a.Key}={RuleSubject.Format(a.Value is long l ? (double)l : a.Value)}"))}\n");
            }
        }

        text.Append($"\nSuppress: # gateway-audit:ignore {rule.Id} reason=\"...\" until=YYYY-MM-DD\n");
        return text.ToString();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
