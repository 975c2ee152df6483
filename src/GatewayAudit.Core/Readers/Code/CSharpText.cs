using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// The text a C# expression forms, read from syntax alone: string literals (regular, verbatim, raw, UTF-8),
/// interpolations, concatenations, <c>new Uri(...)</c> and named values of the same file (<c>const</c> and
/// <c>static readonly</c> fields, locals, property initializers), by name. A part that is only known at run time is a <see cref="Hole"/>, so
/// <c>$"{baseUrl}/chat/completions"</c> still shows its path and <c>"https://" + host</c> shows no host.
/// </summary>
internal sealed class CSharpText
{
    /// <summary>Stands for a part of the text that only run time knows.</summary>
    public const char Hole = '\u0001';

    private const int MaxDepth = 8;
    private readonly Dictionary<string, ExpressionSyntax?> _constants = new(StringComparer.Ordinal);

    public CSharpText(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            var (name, value) = node switch
            {
                VariableDeclaratorSyntax { Initializer: { } initializer } declarator when IsConstantLike(declarator) => (declarator.Identifier.ValueText, initializer.Value),
                PropertyDeclarationSyntax { Initializer: { } initializer } property => (property.Identifier.ValueText, initializer.Value),
                PropertyDeclarationSyntax { ExpressionBody: { } body } property => (property.Identifier.ValueText, body.Expression),
                _ => (null, null),
            };
            if (name is not null)
            {
                // The same name declared twice (two classes' BaseUrl) is not one value: neither is used.
                _constants[name] = _constants.ContainsKey(name) ? null : value;
            }
        }
    }

    /// <summary>The text <paramref name="expression"/> forms, with holes; null when it forms no text at all.</summary>
    public string? Evaluate(ExpressionSyntax expression, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return literal.Token.ValueText;
            case InterpolatedStringExpressionSyntax interpolated:
                return string.Concat(interpolated.Contents.Select(part => part switch
                {
                    InterpolatedStringTextSyntax text => text.TextToken.ValueText,
                    InterpolationSyntax hole => Evaluate(hole.Expression, depth + 1) ?? Hole.ToString(),
                    _ => Hole.ToString(),
                }));
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var left = Evaluate(binary.Left, depth + 1);
                var right = Evaluate(binary.Right, depth + 1);
                return left is null && right is null ? null : (left ?? Hole.ToString()) + (right ?? Hole.ToString());
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, depth + 1);
            case BaseObjectCreationExpressionSyntax creation when IsUri(creation) && creation.ArgumentList is { Arguments.Count: > 0 } arguments:
                var first = Evaluate(arguments.Arguments[0].Expression, depth + 1);
                if (arguments.Arguments.Count > 1 && first is not null && Evaluate(arguments.Arguments[1].Expression, depth + 1) is { } relative)
                {
                    return first.TrimEnd('/') + "/" + relative.TrimStart('/');
                }

                return first;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return NameOf(expression) is { } name && _constants.TryGetValue(name, out var value) && value is not null ? Evaluate(value, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>The expression a name is declared with once in the file (a const, a static readonly field, a local), or null.</summary>
    public ExpressionSyntax? Declared(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax identifier && NameOf(expression) is { } name && _constants.TryGetValue(name, out var value) ? value ?? EnclosingLocal(identifier) : null;

    /// <summary>
    /// A local declared in a block around the name, before it (<c>var endpoint = ...;</c> in each of two methods): the
    /// nearest such declaration, when the file declares the name more than once and so has no one value for it.
    /// </summary>
    private static ExpressionSyntax? EnclosingLocal(IdentifierNameSyntax name)
    {
        foreach (var block in name.Ancestors().OfType<BlockSyntax>())
        {
            var found = block.Statements.Where(s => s.SpanStart < name.SpanStart).OfType<LocalDeclarationStatementSyntax>()
                .SelectMany(s => s.Declaration.Variables).LastOrDefault(v => v.Identifier.ValueText == name.Identifier.ValueText);
            if (found is not null)
            {
                return found.Initializer?.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The ingestion URL of an Application Insights connection string ("InstrumentationKey=...;IngestionEndpoint=https://...;"):
    /// the string names where telemetry goes; the key beside it is not read.
    /// </summary>
    public static string? ConnectionStringEndpoint(string text)
    {
        const string Key = "IngestionEndpoint=";
        var start = text.IndexOf(Key, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var value = text[(start + Key.Length)..];
        var end = value.IndexOf(';');
        return (end < 0 ? value : value[..end]).Trim();
    }

    /// <summary>
    /// Where a value that is not in the code comes from, in words a reviewer can look up: <c>env:NAME</c> for
    /// <c>Environment.GetEnvironmentVariable("NAME")</c>, <c>setting:Section:Key</c> for a configuration key, else the
    /// member written (<c>setting:_options.BaseUrl</c>). Never a literal's value.
    /// </summary>
    public static string SourceOf(ExpressionSyntax expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax invocation && MethodName(invocation) == "GetEnvironmentVariable" && FirstString(invocation.ArgumentList) is { } variable)
            {
                return "env:" + variable;
            }

            if (node is ElementAccessExpressionSyntax access && FirstString(access.ArgumentList) is { } key)
            {
                return "setting:" + key;
            }

            if (node is InvocationExpressionSyntax get && MethodName(get) is "GetValue" or "GetConnectionString" && FirstString(get.ArgumentList) is { } setting)
            {
                return "setting:" + setting;
            }
        }

        var written = expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } uri && IsUri(uri)
            ? uri.ArgumentList!.Arguments[0].Expression.ToString()
            : expression.ToString();
        written = string.Join(' ', written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return "setting:" + (written.Length > 80 ? written[..80] : written);
    }

    /// <summary>The method an invocation calls, without receiver or type arguments.</summary>
    /// <summary>What a string literal is given to: a variable, field, property, named argument or anonymous member; null otherwise.</summary>
    public static string? AssignedName(SyntaxToken literal)
    {
        foreach (var node in literal.Parent?.AncestorsAndSelf().Take(6) ?? [])
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    return declarator.Identifier.ValueText;
                case AssignmentExpressionSyntax { Left: var left }:
                    return NameOf(left) ?? left.ToString();
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                    return nameEquals.Name.Identifier.ValueText;
                case ArgumentSyntax { NameColon: { } nameColon }:
                    return nameColon.Name.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The value an expression wraps, however nested: inside parentheses, under a null-forgiving <c>!</c>, and
    /// the left side of <c>??</c> (the value when there is one).</summary>
    public static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    break;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    expression = coalesce.Left;
                    break;
                default:
                    return expression;
            }
        }
    }

    public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The type a <c>new</c> names (last identifier, no namespace or type arguments). A target-typed <c>new(...)</c> names
    /// the type it is declared or assigned as: <c>ChatClient client = new(...)</c>, a field or property initialiser, or
    /// <c>_client = new(...)</c> for a field or property of the same type declaration; elsewhere (an argument) null.
    /// Found in the fifth held-out code run (bench/CODE-CORPUS.md, class C): the client was not seen, and its calls were
    /// presumed to reach OpenAI.
    /// </summary>
    public static string? TypeName(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => LastName(type),
        ImplicitObjectCreationExpressionSyntax implicitly => TargetType(implicitly) is { } target ? LastName(target) : null,
        _ => null,
    };

    private static string? LastName(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => LastName(nullable.ElementType),
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static TypeSyntax? TargetType(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: false } declaration } } => declaration.Type,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        AssignmentExpressionSyntax { Left: var left } assignment when assignment.Right == creation => MemberType(creation, NameOf(left)),
        _ => null,
    };

    /// <summary>The declared type of a field or property <paramref name="name"/> of the type declaration around <paramref name="node"/>.</summary>
    private static TypeSyntax? MemberType(SyntaxNode node, string? name)
    {
        if (name is null || node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } owner)
        {
            return null;
        }

        foreach (var member in owner.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    return property.Type;
                case FieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == name):
                    return field.Declaration.Type;
            }
        }

        return null;
    }

    /// <summary>The type a creation names as written (<c>Google.GenAI.Client</c>); for a target-typed <c>new(...)</c> the declared type.</summary>
    public static string? WrittenType(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => type.ToString(),
        ImplicitObjectCreationExpressionSyntax implicitly => TargetType(implicitly) is { } target ? (target is NullableTypeSyntax nullable ? nullable.ElementType : target).ToString() : null,
        _ => null,
    };

    private static bool IsUri(BaseObjectCreationExpressionSyntax creation) => TypeName(creation) == "Uri";

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static string? FirstString(BaseArgumentListSyntax? arguments) =>
        arguments?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;

    private static bool IsConstantLike(VariableDeclaratorSyntax declarator) => declarator.Parent?.Parent switch
    {
        FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword)
            || (field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)),
        LocalDeclarationStatementSyntax => true, // a local is read where it is declared; a reassigned one is rare in client setup
        _ => false,
    };
}
