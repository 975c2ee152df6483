using System.Globalization;
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
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static IEnumerable<Finding> Evaluate(PolicyRule rule, PolicyContext context) => Evaluate(CompiledRule.Of(rule), context);

    internal static IReadOnlyList<Finding> Evaluate(CompiledRule compiled, PolicyContext context)
    {
        // Loops, not LINQ: this runs for every rule on every stack (320,000 times at 10,000 stacks), and the closures
        // and iterators a pipeline makes per call were most of the policy stage's 800 MiB (bench/SCALE.md round 6).
        // The subjects come from the stack's graph, made once per stack (bench/SCALE.md round 13); the selector and
        // condition were made ready once per rule (CompiledRule).
        var rule = compiled.Rule;
        var subjects = Subjects(rule.Selector.Kind, context);
        List<Finding>? findings = null;
        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            if (!Selects(compiled, subject, context) || (compiled.When is { } when && !when.Holds(subject, context)))
            {
                continue;
            }

            (findings ??= []).Add(ConditionalFindings.Qualify(new Finding
            {
                RuleId = rule.Id,
                Severity = rule.Severity,
                Title = rule.Title,
                Message = compiled.Message.Fill(subject, context),
                Remediation = compiled.Remediation.Fill(subject, context),
                Location = subject.Location(context, rule.EvidenceFiles, compiled.TestedPaths),
                Subject = subject.Key,
                References = rule.References,
            }, subject, context, judgesCertainty: compiled.JudgesCertainty));
        }

        // Not `findings ?? []`: that [] is a List<Finding> (the other operand's type), made anew for each of the
        // 330,000 rule-and-stack pairs at 10,000 configs that find nothing.
        return (IReadOnlyList<Finding>?)findings ?? NoFindings;
    }

    private static readonly IReadOnlyList<Finding> NoFindings = [];
    private static readonly IReadOnlyList<RuleSubject> NoSubjects = [];

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
        var (filter, from, to) = (new ComponentMatch(selector.Filter), selector.From is null ? null : new ComponentMatch(selector.From),
            selector.To is null ? null : new ComponentMatch(selector.To));
        var subjects = Subjects(selector.Kind, context);
        List<RuleSubject>? selected = null;
        for (var i = 0; i < subjects.Count; i++)
        {
            if (Selects(selector, filter, from, to, subjects[i], context))
            {
                (selected ??= []).Add(subjects[i]);
            }
        }

        return (IReadOnlyList<RuleSubject>?)selected ?? NoSubjects;
    }

    // Components in id order, flows in key order, literal secrets by location then key.
    private static IReadOnlyList<RuleSubject> Subjects(SubjectKind kind, PolicyContext context) => kind switch
    {
        SubjectKind.Component => context.Graph.Components,
        SubjectKind.Flow => context.Graph.Flows,
        _ => context.Graph.Secrets,
    };

    private static bool Selects(CompiledRule rule, RuleSubject subject, PolicyContext context) =>
        Selects(rule.Rule.Selector, rule.Filter, rule.From, rule.To, subject, context);

    private static bool Selects(RuleSelector selector, ComponentMatch filter, ComponentMatch? fromFilter, ComponentMatch? toFilter, RuleSubject subject, PolicyContext context)
    {
        switch (selector.Kind)
        {
            case SubjectKind.Component:
                return filter.Matches(subject.Component!, context);
            case SubjectKind.Flow:
                var flow = subject.Flow!;
                return (selector.Carries.Count == 0 || CarriesAny(flow, selector.Carries))
                    && (fromFilter is null || (context.Graph.Component(flow.From) is { } from && fromFilter.Matches(from.Component!, context)))
                    && (toFilter is null || (context.Graph.Component(flow.To) is { } to && toFilter.Matches(to.Component!, context)));
            default:
                return true;
        }
    }

    private static bool CarriesAny(Flow flow, IReadOnlyList<DataCategory> categories)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (flow.DataCategories.Contains(categories[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any of the globs matches the text.</summary>
    internal static bool AnyGlob(IReadOnlyList<string> patterns, string text)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (Glob(patterns[i], text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the condition holds for the subject (the condition compiled for this call; rules compile theirs once).</summary>
    public static bool Holds(RuleCondition condition, RuleSubject subject, PolicyContext context) => RuleCheck.Of(condition).Holds(subject, context);

    /// <summary>
    /// Whether a component joined to <paramref name="start"/> by flows (downstream or upstream, each carrying one of
    /// the categories asked for) satisfies the condition's <c>where</c>: breadth first, in flow-key order, stopping at
    /// the first that does.
    /// </summary>
    internal static bool Reaches(Component start, ReachCondition reach, RuleCheck? where, PolicyContext context)
    {
        var graph = context.Graph;
        var (seen, pending) = Walk.Rent();
        try
        {
            seen.Add(start.Id);
            pending.Enqueue(start.Id);
            while (pending.Count > 0)
            {
                var current = pending.Dequeue();
                var edges = reach.Downstream ? graph.FlowsOutOf(current) : graph.FlowsInto(current);
                for (var i = 0; i < edges.Length; i++)
                {
                    var flow = edges[i].Flow!;
                    if (reach.Carrying.Count > 0 && !CarriesAny(flow, reach.Carrying))
                    {
                        continue;
                    }

                    var next = reach.Downstream ? flow.To : flow.From;
                    if (seen.Add(next) && graph.Component(next) is { } component)
                    {
                        pending.Enqueue(next);
                        if (where is null || where.Holds(component, context))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
        finally
        {
            Walk.Return(seen, pending);
        }
    }

    /// <summary>
    /// The visited set and queue of a <see cref="Reaches"/> walk, kept per thread for the next walk: one is made for
    /// every reaches condition of every subject of every stack. A walk inside a walk's <c>where</c> rents its own.
    /// </summary>
    private static class Walk
    {
        [ThreadStatic]
        private static Stack<(HashSet<string>, Queue<string>)>? _spare;

        public static (HashSet<string> Seen, Queue<string> Pending) Rent() =>
            _spare is { Count: > 0 } spare ? spare.Pop() : (new HashSet<string>(StringComparer.Ordinal), new Queue<string>());

        public static void Return(HashSet<string> seen, Queue<string> pending)
        {
            seen.Clear();
            pending.Clear();
            (_spare ??= new()).Push((seen, pending));
        }
    }

    /// <summary>
    /// Runs a match under <see cref="RegexTimeout"/>, and once more under ten times that before giving up: the limit is
    /// wall-clock time, so a scan stalled on a loaded machine (or paused by a heap snapshot) could otherwise report a
    /// harmless pattern as timed out and write no report. A pattern that backtracks catastrophically runs past both.
    /// </summary>
    internal static bool WithinTimeLimit(string pattern, Func<TimeSpan, bool> match) =>
        WithinTimeLimit(pattern, match, static (run, limit) => run(limit));

    /// <summary><see cref="WithinTimeLimit(string, Func{TimeSpan, bool})"/> with what the match needs passed in, so that no closure is made per match.</summary>
    internal static bool WithinTimeLimit<TState>(string pattern, TState state, Func<TState, TimeSpan, bool> match)
    {
        try
        {
            return match(state, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            try
            {
                return match(state, RegexTimeout * 10);
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

        return RegexGlob(pattern, whole ?? text.ToString());
    }

    // Apart from Glob: the lambda's captured locals made a closure object on every Glob call, the ASCII path's too
    // (13 MiB at 10,000 configs, bench/SCALE.md round 14).
    private static bool RegexGlob(string pattern, string input)
    {
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";
        return WithinTimeLimit(pattern, limit => Regex.IsMatch(input, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, limit));
    }

    /// <summary>Fills <c>{{component.name}}</c>, <c>{{flow.to.name}}</c>, <c>{{settings.maxRetentionDays}}</c> ... from the subject.</summary>
    public static string Interpolate(string template, RuleSubject subject, PolicyContext context) =>
        MessageTemplate.Of(template, subject.Kind).Fill(subject, context);

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
    internal static partial Regex PlaceholderRegex();
}

/// <summary>A rule's <c>matches</c> pattern ran past its time limit on some fact: the rule could not be evaluated.</summary>
public sealed class RuleRegexTimeoutException(string pattern) : Exception($"pattern {pattern} ran past its time limit")
{
    public string Pattern { get; } = pattern;
}
