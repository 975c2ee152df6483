using GatewayAudit.Core.Model;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Walks one C# syntax tree and collects the places that show a party: hosts and base URLs, SDK clients and builders,
/// HTTP calls, gateway headers, model slugs, OpenRouter provider preferences and provider SDK imports. Comments are
/// trivia and never visited; the text of logging calls and exception messages is prose, not a call.
/// </summary>
internal sealed partial class CSharpSiteFinder : CSharpSyntaxWalker
{
    private readonly InputFile _file;
    private readonly SyntaxTree _tree;
    private readonly CSharpText _text;
    private readonly CSharpObjects _objects;

    private bool _importsGoogleGenAi;
    private bool _importsOpenAiApi;
    private bool _importsGoogleGenerativeAi;

    // Above zero while the arguments of a logging call or an exception are visited: their text is prose.
    private int _prose;

    public CSharpSiteFinder(InputFile file, SyntaxTree tree)
        : base(SyntaxWalkerDepth.Node)
    {
        _file = file;
        _tree = tree;
        _text = new CSharpText(tree.GetRoot());
        _objects = new CSharpObjects(_text);
    }

    public CSharpSites Sites { get; } = new();

    public CSharpSites Find()
    {
        Visit(_tree.GetRoot());
        return Sites;
    }

    public override void VisitUsingDirective(UsingDirectiveSyntax node)
    {
        _importsGoogleGenAi |= node.Name?.ToString() == CSharpSdkShapes.GoogleGenAiNamespace;
        _importsOpenAiApi |= node.Name?.ToString() == CSharpSdkShapes.OpenAiApiNamespace;
        _importsGoogleGenerativeAi |= CSharpSdkShapes.IsGoogleGenerativeAiNamespace(node.Name?.ToString());
        if (node.Name?.ToString() is { } name && CSharpSdkShapes.Namespaces.TryGetValue(name, out var sdk))
        {
            Sites.Imports.Add(new ImportSite(sdk, name, At(node)));
        }
    }

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var method = CSharpText.MethodName(node);
        if (method is not null && CSharpSdkShapes.ProseMethods.Contains(method))
        {
            // _logger.LogInformation("calling https://api.openai.com ...") names a host; it calls nothing. A call
            // inside the arguments (Console.WriteLine(await chat.CompleteChatAsync(...))) is still a call.
            _prose++;
            base.VisitInvocationExpression(node);
            _prose--;
            return;
        }

        AddOptionsBinding(node, method);
        if (method == "SetSwitch" && node.ArgumentList.Arguments is [var key, var on] && on.Expression.IsKind(SyntaxKind.TrueLiteralExpression)
            && _text.Evaluate(key.Expression) is { } switchName && CSharpSdkShapes.IsSensitiveTelemetrySwitch(switchName))
        {
            Sites.SensitiveTelemetry.Add(At(node));
        }

        if (node.ArgumentList.Arguments is [var name, var value] && _prose == 0)
        {
            // headers.Add("x-portkey-config", json): header calls in one file build one request.
            AddPortkeyHeader(name.Expression, value.Expression, node, group: -1);
        }

        if (method is not null && CSharpAspire.Read(method, node) is var (aspire, resource, note, endpoint))
        {
            AddAspire(aspire, resource, note, endpoint, node);
        }
        else if (method is not null && CSharpSdkShapes.BuilderMethods.TryGetValue(method, out var sdk))
        {
            AddClient(sdk, method, node.ArgumentList.Arguments, initializer: null, node);
        }
        else if (node.Expression is MemberAccessExpressionSyntax { Expression: var speech, Name.Identifier.ValueText: var factory }
            && CSharpSdkShapes.SpeechConfigFactories.Contains(factory) && CSharpSdkShapes.SpeechConfigTypes.Contains(speech.ToString()))
        {
            // SpeechConfig.FromSubscription(key, region): the Speech SDK bound to the customer's Speech resource.
            Sites.Clients.Add(new ClientSite(CSharpSdkShapes.Speech, "SpeechConfig." + factory, null, At(node)));
        }
        else if (node.Expression is MemberAccessExpressionSyntax { Expression: var receiver } && receiver.ToString() is CSharpSdkShapes.FoundryLocalManager
            or CSharpSdkShapes.FoundryLocalNamespace + "." + CSharpSdkShapes.FoundryLocalManager)
        {
            // FoundryLocalManager.StartModelAsync(alias) / CreateAsync(config, logger): the runtime on this machine.
            Sites.Clients.Add(new ClientSite(CSharpSdkShapes.FoundryLocal, CSharpSdkShapes.FoundryLocalManager, null, At(node)));
        }
        else if (method is not null && CSharpSdkShapes.InferenceMethods.Contains(method))
        {
            Sites.Calls.Add(new CallSite(CallKind.Inference, null, true, At(node)));
        }
        else if (method is not null && CSharpSdkShapes.ListingMethods.Contains(method))
        {
            Sites.Calls.Add(new CallSite(CallKind.Listing, null, true, At(node)));
        }
        else if (method is not null && CSharpSdkShapes.HttpMethods.Contains(method) && node.ArgumentList.Arguments.Count > 0)
        {
            AddHttpCall(node.ArgumentList.Arguments[0].Expression, node);
        }

        base.VisitInvocationExpression(node);
    }

    public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        if (VisitCreation(node))
        {
            base.VisitObjectCreationExpression(node);
        }
    }

    public override void VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        if (VisitCreation(node))
        {
            base.VisitImplicitObjectCreationExpression(node);
        }
    }

    public override void VisitAnonymousObjectCreationExpression(AnonymousObjectCreationExpressionSyntax node)
    {
        CheckRequestShape(node);
        base.VisitAnonymousObjectCreationExpression(node);
    }

    public override void VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        // client.BaseAddress = new Uri("..."): the HttpClient's base for relative calls.
        if (node.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseAddress" })
        {
            if (!AddEndpoint(node.Right, EndpointSource.BaseAddress, null, node))
            {
                AddConfiguredUrl(node.Right, baseAddress: true, node);
            }
        }
        else if (node.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var option } && CSharpSdkShapes.IsSensitiveTelemetrySwitch(option)
            && node.Right.IsKind(SyntaxKind.TrueLiteralExpression))
        {
            Sites.SensitiveTelemetry.Add(At(node));
        }

        base.VisitAssignmentExpression(node);
    }

    public override void VisitLiteralExpression(LiteralExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.Utf8StringLiteralExpression))
        {
            CheckText(node);
        }
    }

    public override void VisitInterpolatedStringExpression(InterpolatedStringExpressionSyntax node)
    {
        CheckText(node);
        base.VisitInterpolatedStringExpression(node);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddExpression))
        {
            CheckText(node);
        }

        base.VisitBinaryExpression(node);
    }

    /// <summary>Returns false when the creation was visited here as prose (an exception and its message).</summary>
    private bool VisitCreation(BaseObjectCreationExpressionSyntax node)
    {
        var type = CSharpText.TypeName(node);
        if (type is not null && CSharpSdkShapes.IsProseType(type))
        {
            _prose++;
            DefaultVisit(node);
            _prose--;
            return false;
        }

        if (type is not null && CSharpSdkShapes.ClientTypes.TryGetValue(type, out var sdk))
        {
            AddClient(CSharpSdkShapes.IsAzureBetaClient(type, node.ArgumentList?.Arguments ?? []) ? CSharpSdkShapes.AzureOpenAiBeta : sdk, type,
                node.ArgumentList?.Arguments ?? [], node.Initializer, node);
        }
        else if (IsGoogleGenerativeAiClient(node))
        {
            AddClient(CSharpSdkShapes.GoogleGenerativeAi, CSharpText.WrittenType(node) ?? "GenerativeModel", node.ArgumentList?.Arguments ?? [], node.Initializer, node);
        }
        else if (IsGoogleGenAiClient(node))
        {
            var vertex = node.ArgumentList?.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "vertexAI" && a.Expression.IsKind(SyntaxKind.TrueLiteralExpression)) == true;
            AddClient(vertex ? CSharpSdkShapes.GoogleGenAiVertex : CSharpSdkShapes.GoogleGenAi, "Google.GenAI.Client", node.ArgumentList?.Arguments ?? [], node.Initializer, node);
        }
        else if (IsOpenAiApiClient(node))
        {
            AddClient(CSharpSdkShapes.OpenAiApi, CSharpSdkShapes.OpenAiApiType, node.ArgumentList?.Arguments ?? [], node.Initializer, node);
        }
        else if (type == "HttpRequestMessage" && node.ArgumentList is { Arguments.Count: > 1 } arguments)
        {
            AddHttpCall(arguments.Arguments[1].Expression, node);
        }

        foreach (var (name, value) in InitializerMembers(node.Initializer))
        {
            if (name == "BaseAddress" && !AddEndpoint(value, EndpointSource.BaseAddress, null, value))
            {
                AddConfiguredUrl(value, baseAddress: true, value);
            }
            else if (GatewayTerms.FindHeader(name) is { Vendor: GatewayTerms.Portkey } header)
            {
                Sites.PortkeyHeaders.Add(new PortkeyHeaderSite(header.Name, _objects.ToYaml(value), At(value), node.SpanStart));
            }
        }

        CheckRequestShape(node);
        return true;
    }

    /// <summary><c>new Google.GenAI.Client(...)</c>, <c>Google.GenAI.Client c = new(...)</c>, or <c>new Client(...)</c> under <c>using Google.GenAI;</c>.</summary>
    private bool IsGoogleGenAiClient(BaseObjectCreationExpressionSyntax node)
    {
        var written = CSharpText.WrittenType(node);
        return written == CSharpSdkShapes.GoogleGenAiNamespace + ".Client"
            || (written == "Client" && _importsGoogleGenAi);
    }

    /// <summary>
    /// A community Gemini client (<see cref="CSharpSdkShapes.GoogleGenerativeAiTypes"/>) in a file that imports its
    /// namespace, or written with it (<c>new GenerativeAI.GenerativeModel(key)</c>).
    /// </summary>
    private bool IsGoogleGenerativeAiClient(BaseObjectCreationExpressionSyntax node)
    {
        if (CSharpText.WrittenType(node) is not { } written)
        {
            return false;
        }

        var name = written.Split('.')[^1];
        return CSharpSdkShapes.GoogleGenerativeAiTypes.Contains(name)
            && (_importsGoogleGenerativeAi || CSharpSdkShapes.IsGoogleGenerativeAiNamespace(written[..Math.Max(0, written.Length - name.Length - 1)]));
    }

    /// <summary><c>new OpenAIAPI(key)</c> under <c>using OpenAI_API;</c>, or written <c>new OpenAI_API.OpenAIAPI(key)</c>.</summary>
    private bool IsOpenAiApiClient(BaseObjectCreationExpressionSyntax node)
    {
        var written = CSharpText.WrittenType(node);
        return written == CSharpSdkShapes.OpenAiApiNamespace + "." + CSharpSdkShapes.OpenAiApiType
            || (written == CSharpSdkShapes.OpenAiApiType && _importsOpenAiApi);
    }

    /// <summary>An Aspire resource or client (<see cref="CSharpAspire"/>): at its WithEndpoint address, else the integration's default.</summary>
    private void AddAspire(CSharpSdkShapes.Sdk sdk, string resource, string note, ArgumentSyntax[] endpoint, SyntaxNode node)
    {
        if (endpoint is not [var address, ..] || !AddEndpoint(address.Expression, EndpointSource.Sdk, sdk, node))
        {
            Sites.Clients.Add(new ClientSite(sdk, sdk.Name, endpoint is [var set, ..] ? CSharpText.SourceOf(set.Expression) : null, At(node)) { Note = note, Resource = resource });
        }
    }

    private void AddClient(CSharpSdkShapes.Sdk sdk, string shape, IEnumerable<ArgumentSyntax> arguments, InitializerExpressionSyntax? initializer, SyntaxNode node)
    {
        // A tool client's endpoint is its own service's resource: it names no other party.
        var endpoint = sdk.Tool ? null : EndpointArgument(arguments, initializer, sdk);
        if (endpoint is null)
        {
            Sites.Clients.Add(new ClientSite(sdk, shape, null, At(node)));
            return;
        }

        if (!AddEndpoint(endpoint, EndpointSource.Sdk, sdk, node))
        {
            var key = CSharpConfigurationKey.Of(endpoint, _text);
            var from = key is not null ? "setting:" + key.Shown : ServedUrls(endpoint) is { } served ? "setting:" + served : CSharpText.SourceOf(endpoint);
            Sites.Clients.Add(new ClientSite(sdk, shape, from, At(node)) { ConfigurationKey = key });
        }
    }

    /// <summary>
    /// The expression that sets a client's endpoint: a named argument (<c>endpoint:</c>), a positional <c>new Uri</c>
    /// or URL text, or <c>Endpoint = ...</c> in an options object passed along (<c>new OpenAIClientOptions { ... }</c>).
    /// </summary>
    private ExpressionSyntax? EndpointArgument(IEnumerable<ArgumentSyntax> arguments, InitializerExpressionSyntax? initializer, CSharpSdkShapes.Sdk? sdk = null)
    {
        foreach (var (name, value) in InitializerMembers(initializer))
        {
            if (CSharpSdkShapes.EndpointNames.Contains(name))
            {
                return value;
            }
        }

        foreach (var argument in arguments)
        {
            var named = argument.NameColon?.Name.Identifier.ValueText;
            if (named is not null && CSharpSdkShapes.EndpointNames.Contains(named))
            {
                return argument.Expression;
            }

            // An options object built first (var options = new OpenAIClientOptions { Endpoint = ... }; new ChatClient(model,
            // key, options)): the shape of Portkey's C# guide (portkey.ai/docs/api-reference/sdk/c-sharp).
            if (named is null or "options" && OptionsEndpointSetLater(argument.Expression) is { } later)
            {
                return later;
            }

            var expression = _text.Declared(argument.Expression) is BaseObjectCreationExpressionSyntax { Initializer: not null } declared ? declared : argument.Expression;
            if (expression is BaseObjectCreationExpressionSyntax creation)
            {
                if (named is null && CSharpText.TypeName(creation) == "Uri")
                {
                    return expression;
                }

                // new OpenAIClientOptions { Endpoint = ... }, positional or as options: ...
                if (EndpointArgument([], creation.Initializer) is { } nested)
                {
                    return nested;
                }
            }
            else if (named is null && _text.Evaluate(expression) is { } text && text.Contains("://", StringComparison.Ordinal) && !IsSiteUrl(text, sdk))
            {
                return expression;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>manager.Urls</c> when the endpoint is built from the URLs a local runtime serves (Foundry Local's
    /// <c>string serviceUrl = manager.Urls!.First(); ... Endpoint = new Uri($"{serviceUrl}/v1")</c>), directly or through a
    /// local; else null.
    /// </summary>
    private string? ServedUrls(ExpressionSyntax endpoint)
    {
        foreach (var node in endpoint.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
        {
            var written = (node is IdentifierNameSyntax ? _text.Declared(node) ?? node : node).ToString();
            if (ServedUrlsRegex().Match(written) is { Success: true } match)
            {
                return match.Value;
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\w+\.Urls\b")]
    private static partial System.Text.RegularExpressions.Regex ServedUrlsRegex();

    /// <summary>
    /// A vendor's own client with a default host takes a positional URL of an unknown public host as the app's own site
    /// (<c>new OpenRouterClient(key, "MyApp", "https://myapp.example")</c>: attribution headers), not as its endpoint;
    /// a known provider or gateway host, or an address on the operator's network, is still an endpoint. Found in the
    /// public-code corpus run (bench/CODE-CORPUS.md): the site became a party and OpenRouter was missed.
    /// </summary>
    private static bool IsSiteUrl(string text, CSharpSdkShapes.Sdk? sdk) =>
        sdk is { Vendor: not null, DefaultHost: not null } && CodeUrl.Parse(text) is { } url
        && GatewayTerms.FindHost(url.Host) is null && !HostClassifier.IsOperatorNetwork(url.Host);

    private void AddPortkeyHeader(ExpressionSyntax name, ExpressionSyntax value, SyntaxNode node, int group)
    {
        if (_text.Evaluate(name) is { Length: < 40 } text && GatewayTerms.FindHeader(text) is { Vendor: GatewayTerms.Portkey } header)
        {
            Sites.PortkeyHeaders.Add(new PortkeyHeaderSite(header.Name, _objects.ToYaml(value), At(node), group));
        }
    }

    /// <summary>Records the endpoint an expression names; false when its host is not in the code.</summary>
    private bool AddEndpoint(ExpressionSyntax expression, EndpointSource source, CSharpSdkShapes.Sdk? sdk, SyntaxNode at)
    {
        if (_text.Evaluate(expression) is not { } text || CodeUrl.Parse(text) is not { } url)
        {
            return false;
        }

        Sites.Endpoints.Add(new EndpointSite(url, source, sdk, At(at)));
        return true;
    }

    private void AddHttpCall(ExpressionSyntax uri, SyntaxNode node)
    {
        if (AddConfiguredUrl(uri, baseAddress: false, node) || _text.Evaluate(uri) is not { } text)
        {
            return;
        }

        var url = CodeUrl.Parse(text);
        var kind = CSharpSdkShapes.KindOfPath(url?.Path ?? text.Replace(CSharpText.Hole.ToString(), "", StringComparison.Ordinal));
        if (kind is { } known)
        {
            Sites.Calls.Add(new CallSite(known, url, false, At(node)));
        }
    }

    /// <summary>
    /// A string the code forms (its outermost concatenation or interpolation only): a gateway header name, a URL or
    /// host of a known party, a model slug. A string inside a larger one is read with it.
    /// </summary>
    private void CheckText(ExpressionSyntax node)
    {
        if (_prose > 0
            || node.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression)
            || node.Parent is InterpolationSyntax or ParenthesizedExpressionSyntax { Parent: BinaryExpressionSyntax })
        {
            return;
        }

        if (_text.Evaluate(node) is not { Length: >= 5 and <= 2048 } text)
        {
            return;
        }

        var colon = text.IndexOf(':');
        var headerName = (colon > 0 && !text.Contains("://", StringComparison.Ordinal) ? text[..colon] : text).Trim();
        if (headerName.Length is >= 5 and <= 80 && !headerName.Any(char.IsWhiteSpace) && GatewayTerms.FindHeader(headerName) is { } header)
        {
            Sites.Headers.Add(new HeaderSite(header, headerName, At(node)));
            return;
        }

        if (CSharpText.ConnectionStringEndpoint(text) is { } ingestion)
        {
            text = ingestion;
        }

        if (CodeUrl.Parse(text) is { } url && (GatewayTerms.FindHost(url.Host) is not null || (url.HasScheme && HostClassifier.IsOperatorNetwork(url.Host))))
        {
            // Literal URLs of unknown public hosts are everywhere (docs links, schemas); they count only as a client's
            // endpoint or base address. Known hosts and private addresses are kept here and weighed with the file.
            Sites.Endpoints.Add(new EndpointSite(url, EndpointSource.Literal, null, At(node)));
            if (url.Path is { Length: > 0 } path && CSharpSdkShapes.KindOfPath(path) is { } kind)
            {
                Sites.Calls.Add(new CallSite(kind, url, false, At(node)));
            }
        }
        else if (text.IndexOf(CSharpText.Hole) < 0 && GatewaySlug.Match(text, GatewayTerms.DefaultKindOf) is { } slug)
        {
            Sites.Slugs.Add(new SlugSite(slug, At(node)));
        }
    }

    /// <summary>An object whose keys are OpenRouter's provider preferences, or a request with OpenRouter-only fields.</summary>
    private void CheckRequestShape(ExpressionSyntax node)
    {
        var members = Members(node);
        if (members.Count == 0)
        {
            return;
        }

        var parentKey = ParentKey(node);
        var keys = members.Select(m => m.Key).ToList();
        var distinctive = keys.Count(GatewayTerms.DistinctivePreferenceFields.Contains);
        var generic = keys.Count(GatewayTerms.GenericPreferenceFields.Contains);
        if ((parentKey == "provider" && distinctive + generic > 0) || distinctive > 0 && distinctive + generic >= 2
            || keys.Any(k => k is "allow_fallbacks" or "require_parameters" or "zdr"))
        {
            var values = new SortedDictionary<string, (object, SourceLocation)>(StringComparer.Ordinal);
            foreach (var (key, value) in members)
            {
                if (ValueOf(value) is { } read && (GatewayTerms.DistinctivePreferenceFields.Contains(key) || GatewayTerms.GenericPreferenceFields.Contains(key)))
                {
                    values[key] = (read, At(value));
                }
            }

            Sites.Preferences.Add(new PreferenceSite(values, At(node)));
        }

        if (keys.Contains("messages") || keys.Contains("prompt"))
        {
            foreach (var (key, value) in members.Where(m => m.Key is "models" or "transforms" or "route" or "plugins"))
            {
                Sites.RequestFields.Add(new RequestFieldSite(key, At(value)));
            }
        }
    }

    private static string? ParentKey(SyntaxNode node) => node.Parent switch
    {
        NameEqualsSyntax nameEquals => Snake(nameEquals.Name.Identifier.ValueText),
        AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } => Snake(nameEquals.Name.Identifier.ValueText),
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } => Snake(name.Identifier.ValueText),
        AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax access } => KeyText(access.ArgumentList),
        _ => null,
    };

    /// <summary>The members of an anonymous object, an object initializer or a dictionary initializer, keys in snake_case.</summary>
    private List<(string Key, ExpressionSyntax Value)> Members(ExpressionSyntax node)
    {
        var members = new List<(string, ExpressionSyntax)>();
        if (node is AnonymousObjectCreationExpressionSyntax anonymous)
        {
            foreach (var member in anonymous.Initializers)
            {
                var name = member.NameEquals?.Name.Identifier.ValueText ?? (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText;
                if (name is not null)
                {
                    members.Add((Snake(name), member.Expression));
                }
            }
        }
        else if (node is BaseObjectCreationExpressionSyntax creation)
        {
            members.AddRange(InitializerMembers(creation.Initializer).Select(m => (Snake(m.Name), m.Value)));
        }

        return members;
    }

    private static IEnumerable<(string Name, ExpressionSyntax Value)> InitializerMembers(InitializerExpressionSyntax? initializer)
    {
        foreach (var expression in initializer?.Expressions ?? [])
        {
            switch (expression)
            {
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment:
                    yield return (name.Identifier.ValueText, assignment.Right);
                    break;
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax access } assignment when KeyText(access.ArgumentList) is { } key:
                    yield return (key, assignment.Right);
                    break;
                case InitializerExpressionSyntax { Expressions.Count: 2 } pair when pair.Expressions[0] is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression):
                    yield return (literal.Token.ValueText, pair.Expressions[1]);
                    break;
            }
        }
    }

    private static string? KeyText(BracketedArgumentListSyntax arguments) =>
        arguments.Arguments.Count == 1 && arguments.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;

    /// <summary>A preference value as an attribute: text, a boolean, a number as text, or a list of texts.</summary>
    private object? ValueOf(ExpressionSyntax value)
    {
        if (value is LiteralExpressionSyntax literal)
        {
            return literal.Kind() switch
            {
                SyntaxKind.TrueLiteralExpression => true,
                SyntaxKind.FalseLiteralExpression => false,
                SyntaxKind.StringLiteralExpression => literal.Token.ValueText,
                SyntaxKind.NumericLiteralExpression => literal.Token.Text,
                _ => null,
            };
        }

        IEnumerable<ExpressionSyntax>? elements = value switch
        {
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            BaseObjectCreationExpressionSyntax { Initializer: { } initializer } when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) => initializer.Expressions,
            _ => null,
        };
        return elements?.Select(e => _text.Evaluate(e)).Where(t => t is not null && t.IndexOf(CSharpText.Hole) < 0).Cast<string>().ToArray();
    }

    /// <summary>AllowFallbacks, allowFallbacks and allow_fallbacks are one key (System.Text.Json's snake_case policy).</summary>
    private static string Snake(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && name[i - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private SourceLocation At(SyntaxNode node)
    {
        // Line granularity: a call and the literal inside it are one piece of evidence, as reports show file:line.
        return _file.At(node.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
    }
}
