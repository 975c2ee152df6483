using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GatewayAudit.Core.Tests.Snapshot;

/// <summary>
/// Compares two object graphs by every public property (and tuple field), lists and dictionaries item by item in
/// order (whatever collection type holds them), so a property added to the model later is compared without anyone listing it here.
/// </summary>
internal static class DeepEquality
{
    /// <summary>The path of the first difference, or null when the graphs are equal.</summary>
    /// <param name="declaredAsObject">The value sits in a member typed <c>object</c> (a rule literal): its runtime type is part of it.</param>
    public static string? FirstDifference(object? expected, object? actual, string path = "", bool declaredAsObject = false)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        }

        var type = expected.GetType();
        // Which list type holds the items of a list-typed member (an empty array or an empty List) is not part of the model.
        var bothLists = !declaredAsObject && expected is IEnumerable and not string && actual is IEnumerable and not string;
        if (type != actual.GetType() && !bothLists)
        {
            return $"{path}: {type.Name} != {actual.GetType().Name}";
        }

        if (type.IsPrimitive || type.IsEnum || expected is string or decimal or Uri or DateOnly or DateTime)
        {
            return Equals(expected, actual) && (expected is not Uri u || u.OriginalString == ((Uri)actual).OriginalString)
                ? null
                : $"{path}: {Show(expected)} != {Show(actual)}";
        }

        if (expected is IEnumerable items)
        {
            var left = items.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: {left.Count} items != {right.Count} items";
            }

            return left.Select((item, i) => FirstDifference(item, right[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        if (expected is ITuple)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Instance)
                .Select(f => FirstDifference(f.GetValue(expected), f.GetValue(actual), $"{path}.{f.Name}", f.FieldType == typeof(object)))
                .FirstOrDefault(d => d is not null);
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => FirstDifference(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}", p.PropertyType == typeof(object)))
            .FirstOrDefault(d => d is not null);
    }

    private static string Show(object? value) => value is null ? "null" : $"'{value}'";
}
