using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// A property of a .NET options object, read from syntax alone ("Options pattern in ASP.NET Core":
/// https://learn.microsoft.com/aspnet/core/fundamentals/configuration/options, read 2026-12-01): <c>options.Value.BaseUrl</c>
/// on an <c>IOptions&lt;T&gt;</c> / <c>IOptionsSnapshot&lt;T&gt;</c>, <c>monitor.CurrentValue.BaseUrl</c> or
/// <c>monitor.Get(name).BaseUrl</c> on an <c>IOptionsMonitor&lt;T&gt;</c>, or <c>settings.BaseUrl</c> on a field, parameter or
/// local declared as <c>T</c> (an injected options object), through locals and fields the file assigns once. The section
/// <c>T</c> is bound to is written in another file (<c>Configure&lt;T&gt;(config.GetSection("X"))</c>), so the property is
/// reported with its type and left to the stack assembly; an object read straight from a section in this file
/// (<c>config.GetSection("X").Get&lt;T&gt;()</c>) gives its key at once.
/// </summary>
internal static class CSharpOptions
{
    private const int MaxDepth = 6;

    /// <summary>The accessor interfaces whose <c>Value</c> (or <c>CurrentValue</c>, <c>Get(name)</c>) is the bound object.</summary>
    private static readonly HashSet<string> Accessors = new(StringComparer.Ordinal) { "IOptions", "IOptionsSnapshot", "IOptionsMonitor" };

    /// <summary>Types that are never an options class: the value itself, clients, configuration.</summary>
    private static readonly HashSet<string> NotOptions = new(StringComparer.Ordinal)
    {
        "Uri", "String", "Object", "HttpClient", "HttpRequestMessage", "IHttpClientFactory", "IConfiguration", "IConfigurationSection",
        "IConfigurationRoot", "ConfigurationManager", "IServiceProvider", "JsonElement", "JsonNode", "JObject", "JToken", "dynamic",
    };

    /// <summary>
    /// Where an options object comes from: its class <see cref="Type"/> (bound elsewhere), or the <see cref="Section"/> this
    /// file reads it from; <see cref="Path"/> is the nested property path below it; <see cref="Accessed"/> tells that the
    /// object was reached through an options accessor, which only the options system hands out.
    /// </summary>
    internal sealed record Source(string? Type, string? Section, string Path, bool Accessed);

    /// <summary>The options object <paramref name="receiver"/> is, or null when the file does not show one.</summary>
    public static Source? Of(ExpressionSyntax receiver, CSharpText text, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        receiver = CSharpText.Unwrapped(receiver);
        switch (receiver)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" or "CurrentValue", Expression: var accessor } when AccessedType(accessor, text) is { } type:
                return new Source(type, null, "", true);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Get", Expression: var monitor } } named
                when named.ArgumentList.Arguments.Count == 1 && AccessedType(monitor, text) is { } monitored:
                return new Source(monitored, null, "", true);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Get" or "GetRequired" } get, Expression: var section } }
                when get.TypeArgumentList.Arguments.Count == 1 && CSharpConfigurationKey.SectionOf(section, text) is { } key:
                // config.GetSection("X").Get<T>(): the object is that section, read here.
                return new Source(null, key, "", true);
            case InvocationExpressionSyntax service when CSharpText.MethodName(service) is "GetRequiredService" or "GetService"
                && service.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var registered] } } && OptionsType(registered) is { } plain:
                return new Source(plain, null, "", false);
            case MemberAccessExpressionSyntax { Expression: not ThisExpressionSyntax, Name.Identifier.ValueText: var nested } member when Of(member.Expression, text, depth + 1) is { } outer:
                return outer with { Path = outer.Path.Length == 0 ? nested : $"{outer.Path}:{nested}" };
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }:
                if (DeclaredType(receiver) is { } declared && OptionsType(declared) is { } typed)
                {
                    // A field declared T and assigned options.Value once is the accessor's object.
                    var assigned = CSharpConfigurationKey.AssignedOnce(receiver) is { } once && Of(once, text, depth + 1) is { Accessed: true };
                    return new Source(typed, null, "", assigned);
                }

                return (text.Declared(receiver) ?? CSharpConfigurationKey.AssignedOnce(receiver)) is { } value ? Of(value, text, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>The <c>T</c> of an options accessor: a name declared <c>IOptions&lt;T&gt;</c> (or snapshot, monitor), or <c>GetRequiredService&lt;IOptions&lt;T&gt;&gt;()</c>.</summary>
    private static string? AccessedType(ExpressionSyntax accessor, CSharpText text) => accessor switch
    {
        ParenthesizedExpressionSyntax parenthesized => AccessedType(parenthesized.Expression, text),
        IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } =>
            (DeclaredType(accessor) is { } declared ? AccessorArgument(declared) : null) ?? (text.Declared(accessor) is { } value ? AccessedType(value, text) : null),
        InvocationExpressionSyntax service when CSharpText.MethodName(service) is "GetRequiredService" or "GetService"
            && service.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var registered] } } => AccessorArgument(registered),
        _ => null,
    };

    private static string? AccessorArgument(TypeSyntax type) =>
        Unqualified(type) is GenericNameSyntax { TypeArgumentList.Arguments: [var argument] } generic && Accessors.Contains(generic.Identifier.ValueText)
            ? OptionsType(argument)
            : null;

    /// <summary>The name of a class an options object can be: a named, non-generic type that is not a value, client or configuration type.</summary>
    public static string? OptionsType(TypeSyntax type) =>
        Unqualified(type) is IdentifierNameSyntax { IsVar: false } name && !NotOptions.Contains(name.Identifier.ValueText) ? name.Identifier.ValueText : null;

    private static SimpleNameSyntax? Unqualified(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => Unqualified(nullable.ElementType),
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax alias => alias.Name,
        SimpleNameSyntax simple => simple,
        _ => null,
    };

    /// <summary>
    /// The declared type of a name where it is used: a parameter or local of the innermost method, lambda or local
    /// function that declares it, else a field, property or primary-constructor parameter of the enclosing type, else a
    /// top-level local; null when the nearest scope declares it with more than one type, or as <c>var</c>.
    /// </summary>
    public static TypeSyntax? DeclaredType(ExpressionSyntax name)
    {
        var (identifier, fieldOnly) = name switch
        {
            IdentifierNameSyntax simple => (simple.Identifier.ValueText, false),
            MemberAccessExpressionSyntax member => (member.Name.Identifier.ValueText, true),
            _ => ("", true),
        };
        if (identifier.Length == 0)
        {
            return null;
        }

        foreach (var scope in name.Ancestors())
        {
            List<TypeSyntax>? types = scope switch
            {
                _ when fieldOnly && scope is not TypeDeclarationSyntax => [],
                BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax => LocalTypes(scope, identifier),
                TypeDeclarationSyntax type => MemberTypes(type, identifier, fieldOnly),
                CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().SelectMany(g => LocalTypes(g, identifier) ?? []).ToList(),
                _ => [],
            };
            if (types is null)
            {
                return null; // declared here with no type written (a lambda's parameter): not an outer name
            }

            if (types.Count > 0)
            {
                return types.Select(t => t.ToString()).Distinct(StringComparer.Ordinal).Count() == 1 ? types[0] : null;
            }
        }

        return null;
    }

    private static List<TypeSyntax>? LocalTypes(SyntaxNode scope, string name)
    {
        IEnumerable<ParameterSyntax> parameters = scope switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
            LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
            SimpleLambdaExpressionSyntax lambda => [lambda.Parameter],
            _ => [],
        };
        var named = parameters.Where(p => p.Identifier.ValueText == name).ToList();
        if (named.Any(p => p.Type is null))
        {
            return null;
        }

        var found = named.Select(p => p.Type!).ToList();
        found.AddRange(scope.DescendantNodes(n => n == scope || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Identifier.ValueText == name && v.Parent is VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax or UsingStatementSyntax })
            .Select(v => ((VariableDeclarationSyntax)v.Parent!).Type));
        return found;
    }

    private static List<TypeSyntax> MemberTypes(TypeDeclarationSyntax type, string name, bool fieldOnly)
    {
        var found = new List<TypeSyntax>();
        if (!fieldOnly && type.ParameterList is { } primary)
        {
            found.AddRange(primary.Parameters.Where(p => p.Identifier.ValueText == name).Select(p => p.Type).OfType<TypeSyntax>());
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    found.Add(property.Type);
                    break;
                case FieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == name):
                    found.Add(field.Declaration.Type);
                    break;
            }
        }

        return found;
    }
}
