using System.Collections.Generic;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;

namespace GatewayAudit.Analyzers;

/// <summary>
/// GW004: a gateway-only request field (OpenRouter <c>provider</c> preferences, <c>models</c> fallback list,
/// <c>transforms</c>, <c>route</c>, <c>plugins</c>) outside the adapter.
/// </summary>
/// <remarks>
/// Field names such as <c>order</c>, <c>models</c> or <c>provider</c> are ordinary words, so a key is reported only
/// in an object that has the request's shape: a request (it has <c>messages</c> or <c>prompt</c>, or <c>model</c>
/// and <c>input</c> as embeddings have) for the
/// request-level fields, a provider-preferences object (the value of <c>provider</c>, or an object with a key only
/// OpenRouter's preferences have) for the preference fields.
/// </remarks>
public static class GatewayRequestFieldRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.GatewayRequestField,
        title: "Gateway-only request field used outside the gateway adapter",
        messageFormat: "Gateway-only request field '{0}' is used outside the gateway adapter; express routing and privacy preferences through the adapter",
        category: RuleIdentifiers.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "OpenRouter's provider preferences (order, allow_fallbacks, data_collection, zdr, only, ignore, sort, ...), the models fallback list, transforms, route and plugins exist on one gateway only. Another gateway rejects or silently ignores them, which can turn a ZDR requirement into a no-op.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GatewayRequestField));

    /// <summary>Request-level fields that only OpenRouter's chat request has (source: openrouter.ai/docs routing, transforms).</summary>
    public static readonly IReadOnlyList<string> RequestLevelFields = GatewayTerms.RequestLevelFields;

    /// <summary>Keys that only OpenRouter's provider preferences have: one is enough to recognise the object.</summary>
    public static readonly IReadOnlyList<string> DistinctivePreferenceFields = GatewayTerms.DistinctivePreferenceFields;

    /// <summary>Provider-preference keys that are ordinary words elsewhere.</summary>
    public static readonly IReadOnlyList<string> GenericPreferenceFields = GatewayTerms.GenericPreferenceFields;

    private static readonly HashSet<string> s_requestLevel = new(RequestLevelFields);
    private static readonly HashSet<string> s_distinctive = new(DistinctivePreferenceFields);
    private static readonly HashSet<string> s_generic = new(GenericPreferenceFields);

    /// <summary>The keys of <paramref name="shape"/> (its own keys, not its children's) that are gateway-only fields.</summary>
    public static IEnumerable<ObjectKey> Find(ObjectShape shape, GatewayVocabulary vocabulary)
    {
        var isRequest = false;
        var unique = false;
        var hasModel = false;
        var hasInput = false;
        var distinctive = 0;
        var preference = 0;
        foreach (var key in shape.Keys)
        {
            isRequest |= key.Name == "messages" || key.Name == "prompt";
            hasModel |= key.Name == "model";
            hasInput |= key.Name == "input";
            unique |= key.Name == "allow_fallbacks" || key.Name == "require_parameters" || key.Name == "zdr" || key.Name == "enforce_distillable_text";
            if (s_distinctive.Contains(key.Name))
            {
                distinctive++;
                preference++;
            }
            else if (s_generic.Contains(key.Name))
            {
                preference++;
            }
        }

        // Embeddings and rerank requests have model + input instead of messages.
        isRequest |= (hasModel && hasInput) || shape.IsRequestExtension;

        // data_collection or quantizations alone may be someone else's setting; with a second preference key, or
        // under "provider", the object is OpenRouter's. allow_fallbacks, require_parameters and zdr are OpenRouter's alone.
        var isPreferences = shape.ParentKey == "provider" || (distinctive > 0 && preference >= 2) || unique;
        foreach (var key in shape.Keys)
        {
            if (vocabulary.IsExtraRequestField(key.Name))
            {
                yield return key;
            }
            else if (isPreferences && (s_distinctive.Contains(key.Name) || s_generic.Contains(key.Name)))
            {
                yield return key;
            }
            else if (s_requestLevel.Contains(key.Name) && IsRequestLevelField(key, isRequest, shape.IsTyped))
            {
                yield return key;
            }
            else if (HasGatewayValue(key))
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// Values only OpenRouter gives these keys (route "fallback", transforms "middle-out", data_collection
    /// "deny"/"allow"): with them the key is OpenRouter's whatever object it is in.
    /// </summary>
    private static bool HasGatewayValue(ObjectKey key)
    {
        foreach (var value in key.Values)
        {
            var gatewayValue = key.Name switch
            {
                "route" => value == "fallback",
                "transforms" => value == "middle-out",
                "data_collection" => value == "deny" || value == "allow",
                _ => false,
            };
            if (gatewayValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A request-level key in a request, or <c>provider</c> holding preferences anywhere. In a typed request
    /// (<c>new ChatRequest { Provider = ... }</c>) a <c>Provider</c> property is as often "which provider" as
    /// OpenRouter's preferences, so there it counts only when it holds preferences.
    /// </summary>
    private static bool IsRequestLevelField(ObjectKey key, bool isRequest, bool isTyped)
    {
        var holdsPreferences = key.Name == "provider" && key.Child is { } child && LooksLikePreferences(child);
        if (key.Name == "provider" && isTyped)
        {
            return holdsPreferences;
        }

        return isRequest || holdsPreferences;
    }

    private static bool LooksLikePreferences(ObjectShape child)
    {
        foreach (var key in child.Keys)
        {
            if (s_distinctive.Contains(key.Name) || s_generic.Contains(key.Name))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The keys of one object as written in code: an anonymous object, a dictionary initializer, a DTO, JSON text.</summary>
public sealed class ObjectShape(string? parentKey, bool isRequestExtension = false, bool isTyped = false)
{
    public string? ParentKey { get; } = parentKey;

    /// <summary>Keys are a typed object's members (an object initializer), named as its serializer writes them.</summary>
    public bool IsTyped { get; } = isTyped;

    /// <summary>
    /// The object is where extra request fields go (an <c>ExtraBody</c>, <c>AdditionalProperties</c> or
    /// <c>ExtensionData</c> dictionary): its keys are request fields by definition.
    /// </summary>
    public bool IsRequestExtension { get; } = isRequestExtension;

    public List<ObjectKey> Keys { get; } = [];
}

/// <summary>One key, where it is written, and the object it holds when that is known.</summary>
public sealed class ObjectKey(string name, SyntaxNode node, ObjectShape? child)
{
    public string Name { get; } = name;

    /// <summary>Where the key is written; a location is made from it only when a diagnostic is reported.</summary>
    public SyntaxNode Node { get; } = node;

    public ObjectShape? Child { get; set; } = child;

    /// <summary>The constant strings the key holds (one, or an array's), when written in place.</summary>
    public IReadOnlyList<string> Values { get; set; } = [];
}
