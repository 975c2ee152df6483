using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// The .NET configuration key an expression reads, from syntax alone: <c>config["A:B"]</c>,
/// <c>configuration.GetValue&lt;string&gt;("A:B")</c>, <c>GetSection("A")["B"]</c>, <c>GetSection("A:B").Value</c>,
/// <c>GetSection("A").GetValue&lt;string&gt;("B")</c>, <c>GetConnectionString("X")</c> (the key
/// <c>ConnectionStrings:X</c>), followed through a local or a field the file assigns once (<c>_endpoint =
/// config["A:B"] ?? throw ...</c>, then <c>new Uri(_endpoint)</c>). The key's value is in <c>appsettings*.json</c>, which
/// another reader sees: the site is left to the stack assembly (<c>Stacks/SettingsFileJoin</c>) as an imported value of
/// <see cref="Module"/>. Keys are as in "Configuration in ASP.NET Core" (':' between sections;
/// https://learn.microsoft.com/aspnet/core/fundamentals/configuration, read 2026-12-01).
/// </summary>
internal static class CSharpConfigurationKey
{
    /// <summary>The module an imported value names for a key read from .NET configuration.</summary>
    public const string Module = "dotnet:IConfiguration";

    /// <summary>
    /// The module for a raw HTTP request's URL read from configuration where the file shows nothing more: joined only to
    /// a value that names a party by itself (<see cref="LexicalAddresses.NamesParty"/>).
    /// </summary>
    public const string RequestModule = "dotnet:IConfiguration:request";

    private const int MaxDepth = 6;

    /// <summary>The key <paramref name="expression"/> reads, or null when it reads none the file shows.</summary>
    public static string? Of(ExpressionSyntax expression, CSharpText text, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Of(parenthesized.Expression, text, depth + 1);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                return Of(bang.Operand, text, depth + 1);
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                return Of(coalesce.Left, text, depth + 1);
            case BaseObjectCreationExpressionSyntax creation when CSharpText.TypeName(creation) == "Uri" && creation.ArgumentList is { Arguments: [var first, ..] }:
                return Of(first.Expression, text, depth + 1);
            case ElementAccessExpressionSyntax access when First(access.ArgumentList) is { } key:
                return Section(access.Expression) is { } section ? $"{section}:{key}" : IsConfiguration(access.Expression) ? key : null;
            case InvocationExpressionSyntax get when CSharpText.MethodName(get) is "GetValue" or "GetRequiredValue" && First(get.ArgumentList) is { } key
                && get.Expression is MemberAccessExpressionSyntax { Expression: var receiver }:
                return Section(receiver) is { } within ? $"{within}:{key}" : key;
            case InvocationExpressionSyntax connection when CSharpText.MethodName(connection) == "GetConnectionString" && First(connection.ArgumentList) is { } name:
                return "ConnectionStrings:" + name;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: var sectionOf } when Section(sectionOf) is { } whole:
                return whole;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }:
                return (text.Declared(expression) ?? AssignedOnce(expression)) is { } value ? Of(value, text, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>The section path a <c>GetSection("A")</c> (or <c>GetRequiredSection</c>, chained) names.</summary>
    private static string? Section(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax invocation && CSharpText.MethodName(invocation) is "GetSection" or "GetRequiredSection"
        && First(invocation.ArgumentList) is { } key
            ? invocation.Expression is MemberAccessExpressionSyntax { Expression: var outer } && Section(outer) is { } parent ? $"{parent}:{key}" : key
            : null;

    /// <summary>A receiver that reads as configuration (<c>config</c>, <c>_configuration</c>, <c>builder.Configuration</c>, <c>settings</c>): an indexer on anything else is not a key.</summary>
    private static bool IsConfiguration(ExpressionSyntax receiver)
    {
        var name = receiver switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => "",
        };
        return name.Contains("config", StringComparison.OrdinalIgnoreCase) || name.Contains("setting", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The one value the enclosing type assigns to a field (<c>_endpoint = ...</c> in a constructor); null when it assigns it more than once or never.</summary>
    private static ExpressionSyntax? AssignedOnce(ExpressionSyntax name)
    {
        var field = name is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : ((IdentifierNameSyntax)name).Identifier.ValueText;
        var type = name.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        var assigned = type?.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.IsKind(SyntaxKind.SimpleAssignmentExpression) && a.Left switch
            {
                IdentifierNameSyntax left => left.Identifier.ValueText == field,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } left => left.Name.Identifier.ValueText == field,
                _ => false,
            })
            .Take(2).ToList();
        return assigned is [var only] ? only.Right : null;
    }

    private static string? First(BaseArgumentListSyntax? arguments) =>
        arguments?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;
}
