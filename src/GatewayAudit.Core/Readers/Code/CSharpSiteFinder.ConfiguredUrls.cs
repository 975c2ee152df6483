using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// A raw <c>HttpClient</c> request or base address whose URL is a .NET configuration value
/// (<c>_httpClient.PostAsync(_configuration["GeminiApiUrl"], body)</c>, <c>BaseAddress = new Uri(config["Llm:BaseUrl"])</c>,
/// <c>config["Ollama:Url"] + "/api/chat"</c>): the file says only the key, so the site is recorded with it and the path
/// the code appends; the stack assembly looks the key up in the project's settings (Stacks/SettingsFileJoin). Found in
/// the sixth held-out code run (bench/CODE-CORPUS.md class C): a Vertex AI URL in <c>appsettings.json</c> POSTed by a
/// service that names no host or SDK.
/// </summary>
internal sealed partial class CSharpSiteFinder
{
    private const int MaxUrlDepth = 8;

    /// <summary>Records the site when <paramref name="url"/> is built from a configuration key; false when it is not.</summary>
    private bool AddConfiguredUrl(ExpressionSyntax url, bool baseAddress, SyntaxNode at)
    {
        if (_prose > 0 || ConfiguredUrl(url, 0) is not var (key, path))
        {
            return false;
        }

        Sites.ConfiguredUrls.Add(new ConfiguredUrlSite(key, path, path.Length > 0 ? CSharpSdkShapes.KindOfPath(path) : null, baseAddress, At(at)));
        return true;
    }

    /// <summary>The key the URL starts with and the literal path after it: <c>config["A"]</c>, <c>config["A"] + "/p"</c>, <c>$"{config["A"]}/p"</c>, through locals.</summary>
    private (ConfigurationRead Key, string Path)? ConfiguredUrl(ExpressionSyntax url, int depth)
    {
        if (depth > MaxUrlDepth)
        {
            return null;
        }

        if (CSharpConfigurationKey.Of(url, _text) is { } whole)
        {
            return (whole, "");
        }

        switch (url)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return ConfiguredUrl(parenthesized.Expression, depth + 1);
            case BaseObjectCreationExpressionSyntax creation when CSharpText.TypeName(creation) == "Uri" && creation.ArgumentList is { Arguments: [var first, ..] }:
                return ConfiguredUrl(first.Expression, depth + 1);
            case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression) && ConfiguredUrl(add.Left, depth + 1) is var (key, head):
                return (key, head + PathText(add.Right));
            case InterpolatedStringExpressionSyntax { Contents: [InterpolationSyntax first, ..] } interpolated when ConfiguredUrl(first.Expression, depth + 1) is var (key, head):
                return (key, head + string.Concat(interpolated.Contents.Skip(1).Select(c => c is InterpolatedStringTextSyntax text ? text.TextToken.ValueText : CSharpText.Hole.ToString())));
            case IdentifierNameSyntax when _text.Declared(url) is { } declared:
                return ConfiguredUrl(declared, depth + 1);
            default:
                return null;
        }
    }

    private string PathText(ExpressionSyntax expression) => _text.Evaluate(expression) ?? CSharpText.Hole.ToString();
}
