using GatewayAudit.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Where this file binds a .NET options class to a configuration section, the shapes of "Options pattern in ASP.NET
/// Core" (https://learn.microsoft.com/aspnet/core/fundamentals/configuration/options, read 2026-12-01):
/// <c>services.Configure&lt;T&gt;(config.GetSection("X"))</c> (also with an options name first),
/// <c>services.AddOptions&lt;T&gt;().Bind(config.GetSection("X"))</c>, <c>.BindConfiguration("X")</c>,
/// <c>config.GetSection("X").Get&lt;T&gt;()</c> and <c>config.GetSection("X").Bind(t)</c> with <c>t</c> a <c>T</c>. The code
/// that reads <c>T</c>'s properties is usually another file: the stack assembly joins the two (Stacks/SettingsFileJoin).
/// A section named by a constant of another class (<c>GetSection(OpenAiOptions.SectionName)</c>) is kept as written, and
/// the class's string constants are recorded where the class is declared.
/// </summary>
internal sealed partial class CSharpSiteFinder
{
    private void AddOptionsBinding(InvocationExpressionSyntax node, string? method)
    {
        if (_prose > 0)
        {
            return;
        }

        switch (method)
        {
            case "Configure" when TypeArgument(node) is { } type && node.ArgumentList.Arguments is [.., var section]:
                AddBinding(type, section.Expression, node);
                break;
            case "Bind" when node.Expression is MemberAccessExpressionSyntax { Expression: var options } && AddedOptions(options) is { } type
                && node.ArgumentList.Arguments is [var section]:
                AddBinding(type, section.Expression, node);
                break;
            case "BindConfiguration" when node.Expression is MemberAccessExpressionSyntax { Expression: var options } && AddedOptions(options) is { } type
                && node.ArgumentList.Arguments is [var path, ..] && CSharpConfigurationKey.SectionName(path.Expression, _text) is { } name:
                Sites.OptionsBindings.Add(new OptionsBinding(type, name, null, At(node)));
                break;
            case "Get" or "GetRequired" when TypeArgument(node) is { } type && node.Expression is MemberAccessExpressionSyntax { Expression: var section }:
                AddBinding(type, section, node);
                break;
            case "Bind" when node.Expression is MemberAccessExpressionSyntax { Expression: var section } && node.ArgumentList.Arguments is [var target]
                && BoundType(target.Expression) is { } type:
                AddBinding(type, section, node);
                break;
        }
    }

    private void AddBinding(string type, ExpressionSyntax section, SyntaxNode at)
    {
        if (CSharpConfigurationKey.SectionOf(section, _text) is { } name)
        {
            Sites.OptionsBindings.Add(new OptionsBinding(type, name, null, At(at)));
        }
        else if (section is InvocationExpressionSyntax invocation && CSharpText.MethodName(invocation) is "GetSection" or "GetRequiredSection"
            && invocation.ArgumentList.Arguments is [{ Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: IdentifierNameSyntax member } }]
            && invocation.Expression is MemberAccessExpressionSyntax { Expression: var root } && CSharpConfigurationKey.SectionOf(root, _text) is "")
        {
            Sites.OptionsBindings.Add(new OptionsBinding(type, null, $"{owner.Identifier.ValueText}.{member.Identifier.ValueText}", At(at)));
        }
    }

    /// <summary>The <c>T</c> of <c>Configure&lt;T&gt;</c>, <c>Get&lt;T&gt;</c>: one type argument that can be an options class.</summary>
    private static string? TypeArgument(InvocationExpressionSyntax node) => node.Expression switch
    {
        MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var type] } } => CSharpOptions.OptionsType(type),
        GenericNameSyntax { TypeArgumentList.Arguments: [var type] } => CSharpOptions.OptionsType(type),
        _ => null,
    };

    /// <summary>The <c>T</c> of an <c>AddOptions&lt;T&gt;()</c> call the receiver chain starts from (<c>.ValidateDataAnnotations()</c> between).</summary>
    private static string? AddedOptions(ExpressionSyntax receiver)
    {
        for (var current = receiver; current is InvocationExpressionSyntax invocation; current = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression)
        {
            if (CSharpText.MethodName(invocation) == "AddOptions")
            {
                return TypeArgument(invocation);
            }
        }

        return null;
    }

    /// <summary>The options class an object given to <c>section.Bind(...)</c> is: <c>new T()</c>, or a name declared as <c>T</c>.</summary>
    private string? BoundType(ExpressionSyntax target) => target switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => CSharpOptions.OptionsType(type),
        IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } =>
            CSharpOptions.DeclaredType(target) is { } declared ? CSharpOptions.OptionsType(declared) is { } typed ? typed
                : declared.IsVar && _text.Declared(target) is ObjectCreationExpressionSyntax created ? CSharpOptions.OptionsType(created.Type) : null
            : null,
        _ => null,
    };

    /// <summary>A class's string constants and static string properties with a literal value, for sections named by them.</summary>
    public override void VisitClassDeclaration(ClassDeclarationSyntax node)
    {
        AddClassConstants(node);
        base.VisitClassDeclaration(node);
    }

    public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
    {
        AddClassConstants(node);
        base.VisitRecordDeclaration(node);
    }

    private void AddClassConstants(TypeDeclarationSyntax type)
    {
        foreach (var member in type.Members)
        {
            var (name, value) = member switch
            {
                FieldDeclarationSyntax { Declaration.Variables: [{ Initializer.Value: LiteralExpressionSyntax literal } variable] } field
                    when field.Modifiers.Any(SyntaxKind.ConstKeyword) || field.Modifiers.Any(SyntaxKind.StaticKeyword) => (variable.Identifier.ValueText, literal),
                PropertyDeclarationSyntax { Initializer.Value: LiteralExpressionSyntax literal } property when property.Modifiers.Any(SyntaxKind.StaticKeyword) => (property.Identifier.ValueText, literal),
                PropertyDeclarationSyntax { ExpressionBody.Expression: LiteralExpressionSyntax literal } property when property.Modifiers.Any(SyntaxKind.StaticKeyword) => (property.Identifier.ValueText, literal),
                _ => (null, null),
            };
            if (name is not null && value!.IsKind(SyntaxKind.StringLiteralExpression) && value.Token.ValueText is { Length: > 0 and < 200 } text && !text.Contains("://", StringComparison.Ordinal))
            {
                Sites.ClassConstants.Add(new ClassConstant(type.Identifier.ValueText, name, text, At(member)));
            }
        }
    }
}
