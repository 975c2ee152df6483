using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GatewayAudit.Analyzers;

/// <summary>
/// The keys of an object as code writes it, for GW004: an anonymous object, a dictionary-style initializer, and a
/// typed request built with an object initializer (<c>new ChatRequest { Transforms = ["middle-out"], Provider = new
/// ProviderPreferences { Order = [...] } }</c>), whose property names become the JSON names a serializer writes
/// (<c>[JsonPropertyName]</c> when present, else snake_case, as OpenRouter's API spells them).
/// </summary>
internal static class RequestShapes
{
    /// <summary>
    /// The keys of an anonymous object or an initializer, with one level of children (enough to see that "provider"
    /// holds preferences). Null when the operation has no keys.
    /// </summary>
    public static ObjectShape? ShapeOf(IOperation operation, string? parentKey, int depth, bool isExtension = false)
    {
        ObjectShape? shape = null;
        switch (operation)
        {
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        var location = assignment.Syntax is AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }
                            ? (SyntaxNode)nameEquals.Name
                            : assignment.Syntax;
                        (shape ??= new ObjectShape(parentKey, isExtension)).Keys.Add(KeyOf(property.Property.Name, location, assignment.Value, depth));
                    }
                }

                break;
            case IObjectOrCollectionInitializerOperation initializer:
                foreach (var element in initializer.Initializers)
                {
                    switch (element)
                    {
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                            when indexer.Arguments[0].Value.ConstantValue.Value is string key:
                            (shape ??= new ObjectShape(parentKey, isExtension)).Keys.Add(KeyOf(key, indexer.Arguments[0].Value.Syntax, assignment.Value, depth));
                            break;
                        case IInvocationOperation { Arguments.Length: >= 2 } add when add.Arguments[0].Value.ConstantValue.Value is string key:
                            (shape ??= new ObjectShape(parentKey, isExtension)).Keys.Add(KeyOf(key, add.Arguments[0].Value.Syntax, add.Arguments[1].Value, depth));
                            break;
                        case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment when TypedMemberName(member) is { } name:
                            (shape ??= new ObjectShape(parentKey, isExtension, isTyped: true)).Keys.Add(KeyOf(name, member.Syntax, assignment.Value, depth));
                            break;
                    }
                }

                break;
            default:
                return null;
        }

        return shape;
    }

    /// <summary>The key an object is the value of, in the enclosing anonymous object, initializer or dictionary <c>Add</c>.</summary>
    public static string? ParentKeyOf(IOperation? creation)
    {
        var parent = SkipConversionsUp(creation?.Parent);
        if (parent is IArrayInitializerOperation)
        {
            parent = SkipConversionsUp(parent.Parent?.Parent); // array initializer -> array creation -> its holder
        }

        return parent switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } when indexer.Arguments[0].Value.ConstantValue.Value is string key => key,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } when property.Property.ContainingType.IsAnonymousType => property.Property.Name,
            ISimpleAssignmentOperation { Target: IMemberReferenceOperation member, Parent: IObjectOrCollectionInitializerOperation } => TypedMemberName(member),
            IArgumentOperation { Parent: IInvocationOperation { Arguments.Length: >= 2 } add } argument
                when add.Arguments[1] == argument && add.Arguments[0].Value.ConstantValue.Value is string key => key,
            _ => null,
        };
    }

    /// <summary>The constant string a value is, or the constant strings of an array or collection expression.</summary>
    public static IReadOnlyList<string> ConstantStrings(IOperation value)
    {
        value = SkipConversionsDown(value);
        if (value.ConstantValue.Value is string single)
        {
            return [single];
        }

        IEnumerable<IOperation>? elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            _ when value.Syntax is CollectionExpressionSyntax => value.ChildOperations,
            _ => null,
        };
        if (elements is null)
        {
            return [];
        }

        var strings = new List<string>();
        foreach (var element in elements)
        {
            if (SkipConversionsDown(element).ConstantValue.Value is string text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    /// <summary>The JSON name a property or field of a typed request is written as: its attribute's name, else snake_case.</summary>
    public static string? TypedMemberName(IMemberReferenceOperation member)
    {
        var symbol = member switch
        {
            IPropertyReferenceOperation { Arguments.Length: 0 } property => (ISymbol)property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (JsonNames.Of(attribute) is { } name)
            {
                return name;
            }
        }

        return SnakeCase(symbol.Name);
    }

    /// <summary>AllowFallbacks → allow_fallbacks, ZDR → zdr, MaxPrice → max_price (System.Text.Json's SnakeCaseLower).</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var afterLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var beforeLower = i > 0 && i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]);
                if (afterLower || beforeLower)
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    public static IOperation SkipConversionsDown(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static IOperation? SkipConversionsUp(IOperation? operation)
    {
        while (operation is IConversionOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    public static ObjectKey KeyOf(string name, SyntaxNode location, IOperation value, int depth) =>
        new(name, location, ChildShape(value, name, depth)) { Values = ConstantStrings(value) };

    private static ObjectShape? ChildShape(IOperation value, string key, int depth)
    {
        if (depth > 0)
        {
            return null;
        }

        return SkipConversionsDown(value) switch
        {
            IAnonymousObjectCreationOperation anonymous => ShapeOf(anonymous, key, depth + 1),
            IObjectCreationOperation { Initializer: { } initializer } => ShapeOf(initializer, key, depth + 1),
            _ => null,
        };
    }
}
