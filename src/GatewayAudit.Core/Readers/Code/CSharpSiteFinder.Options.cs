using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>SDK client options whose endpoint is set by a statement after the options are built.</summary>
internal sealed partial class CSharpSiteFinder
{
    /// <summary>
    /// An options object built empty and given its endpoint afterwards (<c>var options = new OpenAIClientOptions();
    /// options.Endpoint = new Uri(...); new ChatClient(model, key, options)</c>): the one endpoint assignment to that name
    /// in the same method, lambda or top-level program; with more than one, the options themselves (an endpoint set at run
    /// time, no guess between them); null when there is none.
    /// </summary>
    private ExpressionSyntax? OptionsEndpointSetLater(ExpressionSyntax argument)
    {
        if (argument is not IdentifierNameSyntax { Identifier.ValueText: var name }
            || _text.Declared(argument) is not BaseObjectCreationExpressionSyntax creation || CSharpText.TypeName(creation) is not { } type
            || !type.EndsWith("Options", StringComparison.Ordinal))
        {
            return null;
        }

        SyntaxNode scope = argument.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax)
            ?? argument.SyntaxTree.GetRoot();
        var assigned = scope.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.IsKind(SyntaxKind.SimpleAssignmentExpression) && a.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: var member }
                && target.Identifier.ValueText == name && CSharpSdkShapes.EndpointNames.Contains(member))
            .Take(2).ToList();
        // Two assignments: the endpoint is one of them, decided at run time; the options name stands for it (an endpoint
        // the code does not fix), never the SDK's default host.
        return assigned switch { [var only] => only.Right, [_, _] => argument, _ => null };
    }
}
