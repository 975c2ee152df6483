using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// .NET Aspire's OpenAI integrations, where a framework and not a constructor in the file configures the client. In an
/// AppHost, <c>builder.AddOpenAI("name")</c> (Aspire.Hosting.OpenAI) models an OpenAI account whose endpoint is
/// https://api.openai.com/v1 unless <c>.WithEndpoint(...)</c> sets another, and <c>builder.AddAzureOpenAI("name")</c> an
/// Azure OpenAI resource (https://aspire.dev/integrations/ai/openai/openai-host,
/// https://aspire.dev/reference/api/csharp/aspire.hosting.openai/openairesource/properties/, read 2026-11-30). In a
/// service, <c>builder.AddOpenAIClient("name")</c> (Aspire.OpenAI) builds an OpenAIClient, and <c>.AddChatClient()</c>
/// an IChatClient, from the connection string <c>name</c> (<c>Endpoint=...;Key=...;Model=...</c>, from configuration
/// <c>ConnectionStrings:name</c> or the AppHost resource referenced with that name); with no <c>Endpoint</c> it is
/// OpenAI's API (https://aspire.dev/integrations/ai/openai/openai-client, openai-connect, read 2026-11-30).
/// <c>AddAzureOpenAIClient("name")</c> (Aspire.Azure.AI.OpenAI) reaches the Azure OpenAI resource the connection
/// string names. The resource name is what joins an AppHost resource to the service clients that use it.
/// </summary>
internal static class CSharpAspire
{
    private static readonly CSharpSdkShapes.Sdk OpenAiHost = new("openai", "api.openai.com", ".NET Aspire OpenAI resource");
    private static readonly CSharpSdkShapes.Sdk OpenAiClient = new("openai", "api.openai.com", ".NET Aspire OpenAI integration");
    private static readonly CSharpSdkShapes.Sdk AzureHost = new("azure-openai", null, ".NET Aspire Azure OpenAI resource");
    private static readonly CSharpSdkShapes.Sdk AzureClient = new("azure-openai", null, ".NET Aspire Azure OpenAI integration");

    /// <summary>Aspire methods by name, and whether they run in the AppHost (a resource) or a service (a client).</summary>
    public static readonly IReadOnlyDictionary<string, (CSharpSdkShapes.Sdk Sdk, bool AppHost)> Methods = new Dictionary<string, (CSharpSdkShapes.Sdk, bool)>(StringComparer.Ordinal)
    {
        ["AddOpenAI"] = (OpenAiHost, true),
        ["AddAzureOpenAI"] = (AzureHost, true),
        ["AddOpenAIClient"] = (OpenAiClient, false),
        ["AddKeyedOpenAIClient"] = (OpenAiClient, false),
        ["AddAzureOpenAIClient"] = (AzureClient, false),
        ["AddKeyedAzureOpenAIClient"] = (AzureClient, false),
    };

    /// <summary>An Aspire integration call: its SDK, the resource or connection name (a string literal first argument), and the endpoint a chained <c>.WithEndpoint(...)</c> sets.</summary>
    public static (CSharpSdkShapes.Sdk Sdk, string Resource, string Note, ArgumentSyntax[] Endpoint)? Read(string method, InvocationExpressionSyntax node)
    {
        if (!Methods.TryGetValue(method, out var shape) || node.ArgumentList.Arguments is not [var first, ..]
            || first.Expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        var resource = literal.Token.ValueText;
        var endpoint = node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithEndpoint" } access
            && access.Parent is InvocationExpressionSyntax withEndpoint ? withEndpoint.ArgumentList.Arguments.ToArray() : [];
        var note = shape.AppHost
            ? $"The Aspire AppHost models the {shape.Sdk.Name} \"{resource}\"; the projects that reference it get its connection string \"{resource}\" and send their prompts to it{(shape.Sdk.Vendor == "openai" ? " (https://api.openai.com/v1 unless WithEndpoint sets another: https://aspire.dev/integrations/ai/openai/openai-host)" : "")}."
            : $"Aspire builds this client from the connection string \"{resource}\" (ConnectionStrings:{resource} in configuration, or the AppHost resource of that name){(shape.Sdk.Vendor == "openai" ? ": OpenAI's API unless that connection string sets Endpoint= (https://aspire.dev/integrations/ai/openai/openai-client)" : ": its Endpoint= names the resource, and so the region")}.";
        return (shape.Sdk, resource, note, endpoint);
    }
}
