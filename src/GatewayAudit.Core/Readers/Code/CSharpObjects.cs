using GatewayAudit.Core.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// C# objects as the YAML tree the gateway file readers read, so a Portkey config written as an anonymous object,
/// object initializer or dictionary (often passed through <c>JsonSerializer.Serialize</c>) is judged by the Portkey
/// config reader's own logic. Keys keep their C# spelling (the readers accept camelCase and PascalCase as snake_case);
/// a value only known at run time is a reference (<see cref="LexicalObjects.Unresolved"/>), never guessed.
/// </summary>
internal sealed class CSharpObjects(CSharpText text)
{
    private const int MaxDepth = 8;

    public YamlNode ToYaml(ExpressionSyntax expression, int depth = 0)
    {
        var (line, column) = Position(expression);
        if (depth > MaxDepth)
        {
            return new YamlScalar(line, column, LexicalObjects.Unresolved, false, null);
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when !literal.IsKind(SyntaxKind.StringLiteralExpression) && !literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return new YamlScalar(line, column, literal.Kind() switch
                {
                    SyntaxKind.TrueLiteralExpression => "true",
                    SyntaxKind.FalseLiteralExpression => "false",
                    SyntaxKind.NullLiteralExpression => "null",
                    _ => literal.Token.Text,
                }, false, null);
            case AnonymousObjectCreationExpressionSyntax anonymous:
                return new YamlMapping(line, column, anonymous.Initializers
                    .Select(m => (Name: m.NameEquals?.Name.Identifier.ValueText ?? (m.Expression as IdentifierNameSyntax)?.Identifier.ValueText, m.Expression))
                    .Where(m => m.Name is not null)
                    .Select(m => Entry(m.Name!, m.Expression, m.Expression, depth)).ToList());
            case BaseObjectCreationExpressionSyntax { Initializer: { } initializer } when !initializer.IsKind(SyntaxKind.CollectionInitializerExpression)
                || initializer.Expressions.All(e => e is InitializerExpressionSyntax):
                return new YamlMapping(line, column, Members(initializer).Select(m => Entry(m.Key, m.KeyNode, m.Value, depth)).ToList());
            case CollectionExpressionSyntax collection:
                return new YamlSequence(line, column, collection.Elements.OfType<ExpressionElementSyntax>().Select(e => ToYaml(e.Expression, depth + 1)).ToList());
            case ImplicitArrayCreationExpressionSyntax array:
                return new YamlSequence(line, column, array.Initializer.Expressions.Select(e => ToYaml(e, depth + 1)).ToList());
            case ArrayCreationExpressionSyntax { Initializer: { } items }:
                return new YamlSequence(line, column, items.Expressions.Select(e => ToYaml(e, depth + 1)).ToList());
            case BaseObjectCreationExpressionSyntax { Initializer: { } list }:
                return new YamlSequence(line, column, list.Expressions.Select(e => ToYaml(e, depth + 1)).ToList());
            case InvocationExpressionSyntax { ArgumentList.Arguments: [var argument, ..] } call when CSharpText.MethodName(call) is "Serialize" or "SerializeObject":
                return ToYaml(argument.Expression, depth + 1);
        }

        return text.Evaluate(expression) is { } value && value.IndexOf(CSharpText.Hole) < 0
            ? new YamlScalar(line, column, value, true, null)
            : new YamlScalar(line, column, LexicalObjects.Unresolved, false, null);
    }

    private KeyValuePair<YamlScalar, YamlNode> Entry(string name, SyntaxNode keyNode, ExpressionSyntax value, int depth)
    {
        var (line, column) = Position(keyNode);
        return new(new YamlScalar(line, column, name, false, null), ToYaml(value, depth + 1));
    }

    /// <summary>Object initializer members (<c>Name = v</c>), indexer entries (<c>["k"] = v</c>) and collection entries (<c>{ "k", v }</c>).</summary>
    private static IEnumerable<(string Key, SyntaxNode KeyNode, ExpressionSyntax Value)> Members(InitializerExpressionSyntax initializer)
    {
        foreach (var expression in initializer.Expressions)
        {
            switch (expression)
            {
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment:
                    yield return (name.Identifier.ValueText, name, assignment.Right);
                    break;
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax key }] } } assignment
                    when key.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return (key.Token.ValueText, key, assignment.Right);
                    break;
                case InitializerExpressionSyntax { Expressions: [LiteralExpressionSyntax key, var value] } when key.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return (key.Token.ValueText, key, value);
                    break;
            }
        }
    }

    private static (int Line, int Column) Position(SyntaxNode node)
    {
        var start = node.GetLocation().GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }
}
