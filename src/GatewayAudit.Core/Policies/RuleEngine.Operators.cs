using System.Globalization;

namespace GatewayAudit.Core.Policies;

/// <summary>The operators of a <c>fact</c> condition, named once when a rule is compiled rather than compared as text at every test.</summary>
internal enum RuleOperator
{
    Unknown,
    Exists,
    Equals,
    NotEquals,
    In,
    NotIn,
    Contains,
    ContainsAny,
    Matches,
    GreaterThan,
    AtLeast,
    LessThan,
    AtMost,
}

public static partial class RuleEngine
{
    internal static RuleOperator OperatorOf(string op) => op switch
    {
        "exists" => RuleOperator.Exists,
        "equals" => RuleOperator.Equals,
        "notEquals" => RuleOperator.NotEquals,
        "in" => RuleOperator.In,
        "notIn" => RuleOperator.NotIn,
        "contains" => RuleOperator.Contains,
        "containsAny" => RuleOperator.ContainsAny,
        "matches" => RuleOperator.Matches,
        "greaterThan" => RuleOperator.GreaterThan,
        "atLeast" => RuleOperator.AtLeast,
        "lessThan" => RuleOperator.LessThan,
        "atMost" => RuleOperator.AtMost,
        _ => RuleOperator.Unknown,
    };

    /// <summary>One operator applied to a fact value. Lists: in tests every element, containsAny some element (both with globs); contains tests membership.</summary>
    public static bool Test(object? fact, string op, object? operand) => Test(fact, OperatorOf(op), operand, null, op);

    /// <summary>
    /// <see cref="Test(object?, string, object?)"/> with the operator named; <paramref name="pattern"/> is the
    /// <c>matches</c> pattern of a literal operand when the rule was compiled (null: found from the operand), and
    /// <paramref name="written"/> the operator as written, for the error on an unknown one.
    /// </summary>
    internal static bool Test(object? fact, RuleOperator op, object? operand, MatchPattern? pattern, string written)
    {
        switch (op)
        {
            case RuleOperator.Exists:
                return (fact is not null) == (operand is true);
            case RuleOperator.NotEquals:
                return !Test(fact, RuleOperator.Equals, operand, null, written);
            case RuleOperator.NotIn:
                return !Test(fact, RuleOperator.In, operand, null, written);
        }

        if (fact is null || operand is null)
        {
            return false;
        }

        switch (op)
        {
            case RuleOperator.Equals:
                return fact is string[] list ? operand is string[] other && list.SequenceEqual(other, StringComparer.Ordinal) : ScalarEquals(fact, operand);
            case RuleOperator.In:
                // A single operand is a list of one (without making one).
                var allowed = operand as string[];
                var only = allowed is null ? Text(operand) : null;
                if (fact is not string[] items)
                {
                    return AnyGlob(allowed, only, Text(fact));
                }

                foreach (var item in items)
                {
                    if (!AnyGlob(allowed, only, item))
                    {
                        return false;
                    }
                }

                return items.Length > 0;
            case RuleOperator.Contains:
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
            case RuleOperator.ContainsAny:
                var wanted = operand as string[];
                var one = wanted is null ? Text(operand) : null;
                if (fact is not string[] parts)
                {
                    return AnyGlob(wanted, one, Text(fact));
                }

                foreach (var part in parts)
                {
                    if (AnyGlob(wanted, one, part))
                    {
                        return true;
                    }
                }

                return false;
            case RuleOperator.Matches:
                pattern ??= MatchPattern.Of(Text(operand));
                if (fact is not string[] texts)
                {
                    return pattern.IsMatch(Text(fact));
                }

                foreach (var text in texts)
                {
                    if (pattern.IsMatch(text))
                    {
                        return true;
                    }
                }

                return false;
            case RuleOperator.GreaterThan:
            case RuleOperator.AtLeast:
            case RuleOperator.LessThan:
            case RuleOperator.AtMost:
                if (Number(fact) is not { } a || Number(operand) is not { } b)
                {
                    return false;
                }

                return op switch
                {
                    RuleOperator.GreaterThan => a > b,
                    RuleOperator.AtLeast => a >= b,
                    RuleOperator.LessThan => a < b,
                    _ => a <= b,
                };
            default:
                throw new ArgumentOutOfRangeException("op", written, "unknown operator");
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

    // The globs of a list operand, or the one glob of a single operand.
    private static bool AnyGlob(string[]? patterns, string? only, string text) => patterns is null ? Glob(only!, text) : AnyGlob(patterns, text);
}
