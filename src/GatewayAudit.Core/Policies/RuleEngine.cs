using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Policies;

/// <summary>
/// Evaluates policy rules over a stack model. Pure: the same model, catalog and settings give the same findings,
/// in subject order. Missing facts make every operator false except <c>notEquals</c>/<c>notIn</c> (exact negations)
/// and <c>exists: false</c>.
/// </summary>
public static partial class RuleEngine
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static IEnumerable<Finding> Evaluate(PolicyRule rule, PolicyContext context)
    {
        // Loops, not LINQ: this runs for every rule on every stack (320,000 times at 10,000 stacks), and the closures
        // and iterators a pipeline makes per call were most of the policy stage's 800 MiB (bench/SCALE.md round 6).
        List<Finding>? findings = null;
        foreach (var subject in Select(rule.Selector, context))
        {
            if (rule.When is not null && !Holds(rule.When, subject, context))
            {
                continue;
            }

            (findings ??= []).Add(ConditionalFindings.Qualify(new Finding
            {
                RuleId = rule.Id,
                Severity = rule.Severity,
                Title = rule.Title,
                Message = Interpolate(rule.Message, subject, context),
                Remediation = Interpolate(rule.Remediation, subject, context),
                Location = subject.Location(context, rule.EvidenceFiles, TestedFacts(rule)),
                Subject = subject.Key,
                References = rule.References,
            }, subject, context, judgesCertainty: ConditionalFindings.JudgesCertainty(TestedFacts(rule))));
        }

        return findings ?? [];
    }

    // A rule's tested fact paths, worked out once per rule rather than once per rule per stack.
    private static readonly ConditionalWeakTable<PolicyRule, IReadOnlyList<string>> TestedFactsOf = [];

    private static IReadOnlyList<string> TestedFacts(PolicyRule rule) =>
        TestedFactsOf.GetValue(rule, r => FactPaths(r.When).ToList());

    /// <summary>
    /// The fact paths a condition tests on its own subject, in the order written (not those inside reaches/flowsIn,
    /// which test other subjects): a finding points at the line where the first of them was read.
    /// </summary>
    public static IEnumerable<string> FactPaths(RuleCondition? condition) => condition switch
    {
        FactCondition fact => [fact.Fact],
        AllCondition all => all.Conditions.SelectMany(FactPaths),
        AnyCondition any => any.Conditions.SelectMany(FactPaths),
        NotCondition not => FactPaths(not.Condition),
        _ => [],
    };

    public static IEnumerable<RuleSubject> Select(RuleSelector selector, PolicyContext context)
    {
        var model = context.Model;
        List<RuleSubject>? subjects = null;
        switch (selector.Kind)
        {
            case SubjectKind.Component:
                foreach (var component in model.Components)
                {
                    if (Matches(selector.Filter, component, context))
                    {
                        (subjects ??= []).Add(RuleSubject.Of(component));
                    }
                }

                break;
            case SubjectKind.Flow:
                foreach (var flow in model.Flows)
                {
                    if ((selector.Carries.Count == 0 || CarriesAny(flow, selector.Carries))
                        && (selector.From is null || (model.Find(flow.From) is { } from && Matches(selector.From, from, context)))
                        && (selector.To is null || (model.Find(flow.To) is { } to && Matches(selector.To, to, context))))
                    {
                        (subjects ??= []).Add(RuleSubject.Of(flow));
                    }
                }

                break;
            default:
                if (model.Secrets.Count > 0)
                {
                    return model.Secrets.OrderBy(s => s.Location).ThenBy(s => s.Key, StringComparer.Ordinal).Select(RuleSubject.Of).ToList();
                }

                break;
        }

        return subjects ?? [];
    }

    private static bool CarriesAny(Flow flow, IReadOnlyList<DataCategory> categories)
    {
        foreach (var category in categories)
        {
            if (flow.DataCategories.Contains(category))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(ComponentFilter filter, Component component, PolicyContext context) =>
        (filter.Ids is null || AnyGlob(filter.Ids, component.Id))
        && (filter.Roles is null || filter.Roles.Contains(component.Role))
        && (filter.Vendors is null || (component.Vendor is { } v && AnyGlob(filter.Vendors, v)))
        && (filter.Hostings is null || filter.Hostings.Contains(component.Hosting))
        && (filter.Receives is null || context.Model.ReceivesAny(component.Id, filter.Receives));

    /// <summary>Whether any of the globs matches the text.</summary>
    private static bool AnyGlob(IReadOnlyList<string> patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            if (Glob(pattern, text))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Holds(RuleCondition condition, RuleSubject subject, PolicyContext context)
    {
        switch (condition)
        {
            case AllCondition all:
                foreach (var inner in all.Conditions)
                {
                    if (!Holds(inner, subject, context))
                    {
                        return false;
                    }
                }

                return true;
            case AnyCondition any:
                foreach (var inner in any.Conditions)
                {
                    if (Holds(inner, subject, context))
                    {
                        return true;
                    }
                }

                return false;
            case NotCondition not:
                return !Holds(not.Condition, subject, context);
            case FactCondition fact:
                foreach (var (op, operand) in fact.Tests)
                {
                    if (!Test(subject.Fact(fact.Fact, context), op, Resolve(operand, context)))
                    {
                        return false;
                    }
                }

                return true;
            case ReachCondition reach:
                return subject.Component is { } start && Reachable(start, reach, context).Any(c => reach.Where is null || Holds(reach.Where, RuleSubject.Of(c), context));
            case FlowCondition flows:
                return subject.Component is { } c
                    && (flows.Incoming ? context.Model.FlowsInto(c.Id) : context.Model.FlowsOutOf(c.Id)).Any(f => Holds(flows.Where, RuleSubject.Of(f), context));
            default:
                throw new ArgumentOutOfRangeException(nameof(condition));
        }
    }

    private static IEnumerable<Component> Reachable(Component start, ReachCondition reach, PolicyContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var pending = new Queue<string>();
        pending.Enqueue(start.Id);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            var edges = reach.Downstream ? context.Model.FlowsOutOf(current) : context.Model.FlowsInto(current);
            foreach (var flow in edges)
            {
                if (reach.Carrying.Count > 0 && !reach.Carrying.Any(flow.DataCategories.Contains))
                {
                    continue;
                }

                var next = reach.Downstream ? flow.To : flow.From;
                if (seen.Add(next) && context.Model.Find(next) is { } component)
                {
                    pending.Enqueue(next);
                    yield return component;
                }
            }
        }
    }

    private static object? Resolve(Operand operand, PolicyContext context) =>
        operand.Setting is { } name ? context.Settings.Fact(name) : operand.Literal;

    /// <summary>One operator applied to a fact value. Lists: in tests every element, containsAny some element (both with globs); contains tests membership.</summary>
    public static bool Test(object? fact, string op, object? operand)
    {
        switch (op)
        {
            case "exists":
                return (fact is not null) == (operand is true);
            case "notEquals":
                return !Test(fact, "equals", operand);
            case "notIn":
                return !Test(fact, "in", operand);
        }

        if (fact is null || operand is null)
        {
            return false;
        }

        switch (op)
        {
            case "equals":
                return fact is string[] list ? operand is string[] other && list.SequenceEqual(other, StringComparer.Ordinal) : ScalarEquals(fact, operand);
            case "in":
                var allowed = operand as string[] ?? [Text(operand)];
                if (fact is not string[] items)
                {
                    return AnyGlob(allowed, Text(fact));
                }

                foreach (var item in items)
                {
                    if (!AnyGlob(allowed, item))
                    {
                        return false;
                    }
                }

                return items.Length > 0;
            case "contains":
                if (fact is not string[] haystack)
                {
                    return Text(fact).Contains(Text(operand), StringComparison.Ordinal);
                }

                foreach (var straw in haystack)
                {
                    if (ScalarEquals(straw, operand))
                    {
                        return true;
                    }
                }

                return false;
            case "containsAny":
                var wanted = operand as string[] ?? [Text(operand)];
                if (fact is not string[] parts)
                {
                    return AnyGlob(wanted, Text(fact));
                }

                foreach (var part in parts)
                {
                    if (AnyGlob(wanted, part))
                    {
                        return true;
                    }
                }

                return false;
            case "matches":
                var pattern = Text(operand);
                return fact is string[] texts ? texts.Any(t => IsMatch(t, pattern)) : IsMatch(Text(fact), pattern);
            case "greaterThan":
            case "atLeast":
            case "lessThan":
            case "atMost":
                if (Number(fact) is not { } a || Number(operand) is not { } b)
                {
                    return false;
                }

                return op switch
                {
                    "greaterThan" => a > b,
                    "atLeast" => a >= b,
                    "lessThan" => a < b,
                    _ => a <= b,
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator");
        }
    }

    private static bool ScalarEquals(object fact, object operand) => (fact, operand) switch
    {
        (bool a, bool b) => a == b,
        (double a, _) when Number(operand) is { } b => a == b,
        (string a, _) => string.Equals(a, Text(operand), StringComparison.Ordinal),
        _ => false,
    };

    private static double? Number(object value) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Text(object value) => RuleSubject.Format(value);

    private static bool IsMatch(string text, string pattern) =>
        WithinTimeLimit(pattern, limit => Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, limit));

    /// <summary>
    /// Runs a match under <see cref="RegexTimeout"/>, and once more under ten times that before giving up: the limit is
    /// wall-clock time, so a scan stalled on a loaded machine (or paused by a heap snapshot) could otherwise report a
    /// harmless pattern as timed out and write no report. A pattern that backtracks catastrophically runs past both.
    /// </summary>
    internal static bool WithinTimeLimit(string pattern, Func<TimeSpan, bool> match)
    {
        try
        {
            return match(RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            try
            {
                return match(RegexTimeout * 10);
            }
            catch (RegexMatchTimeoutException)
            {
                // Not "no match": the caller reports the rule as not evaluated.
                throw new RuleRegexTimeoutException(pattern);
            }
        }
    }

    /// <summary>Case-insensitive match where <c>*</c> stands for any run of characters; without <c>*</c> an exact match.</summary>
    public static bool Glob(string pattern, string text) => Glob(pattern, text.AsSpan(), text);

    /// <summary><see cref="Glob(string, string)"/> on part of a text (a file name inside a path), made a string only if the regex must run.</summary>
    internal static bool Glob(string pattern, ReadOnlySpan<char> text) => Glob(pattern, text, null);

    private static bool Glob(string pattern, ReadOnlySpan<char> text, string? whole)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return text.Equals(pattern, StringComparison.OrdinalIgnoreCase);
        }

        // ASCII text without line breaks (file names, ids, vendor ids: every glob of the built-in rules) is matched
        // without a regex: one was built per call, per evidence line of every subject of every stack (bench/SCALE.md
        // round 4). Anything else keeps the regex, whose '.' stops at a line break and whose case-insensitivity follows
        // Unicode case folding.
        if (Ascii.IsValid(pattern) && Ascii.IsValid(text) && !text.Contains('\n'))
        {
            return AsciiWildcard.Matches(pattern, text);
        }

        var regex = "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";
        var input = whole ?? text.ToString();
        return WithinTimeLimit(pattern, limit => Regex.IsMatch(input, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, limit));
    }

    /// <summary>Fills <c>{{component.name}}</c>, <c>{{flow.to.name}}</c>, <c>{{settings.maxRetentionDays}}</c> ... from the subject.</summary>
    public static string Interpolate(string template, RuleSubject subject, PolicyContext context) =>
        !template.Contains("{{", StringComparison.Ordinal) ? template : PlaceholderRegex().Replace(template, m => FactPathOf(m.Groups[1].Value, subject.Kind) is { } path ? RuleSubject.Format(subject.Fact(path, context)) : m.Value);

    /// <summary>Placeholders in a text, for load-time checks.</summary>
    public static IEnumerable<string> Placeholders(string template) => PlaceholderRegex().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>The fact path a placeholder names for this kind of subject, or null when it names none.</summary>
    public static string? FactPathOf(string placeholder, SubjectKind kind)
    {
        var prefix = kind switch
        {
            SubjectKind.Component => "component.",
            SubjectKind.Flow => "flow.",
            _ => "secret.",
        };
        var path = placeholder.StartsWith(prefix, StringComparison.Ordinal) ? placeholder[prefix.Length..]
            : placeholder.StartsWith("settings.", StringComparison.Ordinal) || (kind == SubjectKind.Component && placeholder.StartsWith("catalog.", StringComparison.Ordinal)) ? placeholder
            : null;
        return path is not null && RuleSubject.IsKnownPath(kind, path) ? path : null;
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.:-]+)\s*\}\}")]
    private static partial Regex PlaceholderRegex();
}

/// <summary>A rule's <c>matches</c> pattern ran past its time limit on some fact: the rule could not be evaluated.</summary>
public sealed class RuleRegexTimeoutException(string pattern) : Exception($"pattern {pattern} ran past its time limit")
{
    public string Pattern { get; } = pattern;
}
