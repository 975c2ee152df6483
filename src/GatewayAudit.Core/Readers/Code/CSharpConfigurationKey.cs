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
    public static ConfigurationRead? Of(ExpressionSyntax expression, CSharpText text, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        expression = CSharpText.Unwrapped(expression);
        switch (expression)
        {
            case BaseObjectCreationExpressionSyntax creation when CSharpText.TypeName(creation) == "Uri" && creation.ArgumentList is { Arguments: [var first, ..] }:
                return Of(first.Expression, text, depth + 1);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var trim, Expression: var trimmed } } when Trims.Contains(trim):
                return Of(trimmed, text, depth + 1);
            case ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: var trim } } } conditional
                when Trims.Contains(trim):
                return Of(conditional.Expression, text, depth + 1);
            case ElementAccessExpressionSyntax access when First(access.ArgumentList) is { } key:
                return SectionOf(access.Expression, text) is { Length: > 0 } section ? new($"{section}:{key}")
                    : IsConfiguration(access.Expression) ? new(key) : null;
            case InvocationExpressionSyntax get when CSharpText.MethodName(get) is "GetValue" or "GetRequiredValue" && First(get.ArgumentList) is { } key
                && get.Expression is MemberAccessExpressionSyntax { Expression: var receiver }:
                return SectionOf(receiver, text) is { Length: > 0 } within ? new($"{within}:{key}") : new(key);
            case InvocationExpressionSyntax connection when CSharpText.MethodName(connection) == "GetConnectionString" && First(connection.ArgumentList) is { } name:
                return new("ConnectionStrings:" + name);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: var sectionOf } when SectionOf(sectionOf, text) is { Length: > 0 } whole:
                return new(whole);
            case MemberAccessExpressionSyntax { Expression: not ThisExpressionSyntax, Name.Identifier.ValueText: var property } member
                when CSharpOptions.Of(member.Expression, text) is { } options:
                // settings.BaseUrl on an options object: its section's key when this file shows it, else the class's property.
                var path = options.Path.Length == 0 ? property : $"{options.Path}:{property}";
                return options.Section is { } read ? new(read.Length == 0 ? path : $"{read}:{path}")
                    : new(path, options.Type, options.Accessed);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }:
                return (text.Declared(expression) ?? AssignedOnce(expression)) is { } value ? Of(value, text, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The configuration section an expression is: <c>GetSection("A")</c> (or <c>GetRequiredSection</c>, chained), through a
    /// local; its argument a literal, a constant of this file or <c>nameof(T)</c>; the configuration itself is the root
    /// (empty). Null when it is no section the file shows.
    /// </summary>
    public static string? SectionOf(ExpressionSyntax expression, CSharpText text, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        expression = CSharpText.Unwrapped(expression);
        switch (expression)
        {
            case InvocationExpressionSyntax invocation when CSharpText.MethodName(invocation) is "GetSection" or "GetRequiredSection"
                && invocation.ArgumentList.Arguments is [var argument] && SectionName(argument.Expression, text) is { } key:
                return invocation.Expression is MemberAccessExpressionSyntax { Expression: var outer } && SectionOf(outer, text, depth + 1) is { Length: > 0 } parent
                    ? $"{parent}:{key}"
                    : key;
            case IdentifierNameSyntax when text.Declared(expression) is { } declared:
                return SectionOf(declared, text, depth + 1);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax when IsConfiguration(expression):
                return "";
            default:
                return null;
        }
    }

    /// <summary>A section's name as written: a literal, a constant of this file, or <c>nameof(T)</c>.</summary>
    public static string? SectionName(ExpressionSyntax argument, CSharpText text) =>
        argument is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [var named] }
            ? named.Expression.ToString().Split('.')[^1]
            : text.Evaluate(argument) is { } value && !value.Contains(CSharpText.Hole, StringComparison.Ordinal) ? value : null;

    /// <summary>The string calls that leave a URL's value as it is for this purpose (<c>Endpoint.TrimEnd('/')</c>).</summary>
    private static readonly HashSet<string> Trims = new(StringComparer.Ordinal) { "Trim", "TrimEnd", "TrimStart", "ToString" };

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
    public static ExpressionSyntax? AssignedOnce(ExpressionSyntax name)
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

/// <summary>
/// A configuration key a URL is read from: <see cref="Key"/> as .NET writes it (<c>Section:Key</c>), or, for a property
/// of an options class bound in another file, the property path with <see cref="OptionsType"/> the class;
/// <see cref="Accessed"/> when the object came from an options accessor (<c>IOptions&lt;T&gt;.Value</c>), which only the
/// options system hands out.
/// </summary>
internal sealed record ConfigurationRead(string Key, string? OptionsType = null, bool Accessed = false)
{
    /// <summary>How a reviewer finds it: the key, or <c>Type.Property</c>.</summary>
    public string Shown => OptionsType is null ? Key : $"{OptionsType}.{Key.Replace(':', '.')}";
}
