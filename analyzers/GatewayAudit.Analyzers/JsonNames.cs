using Microsoft.CodeAnalysis;

namespace GatewayAudit.Analyzers;

/// <summary>The JSON name a serializer attribute gives a member: [JsonPropertyName] (System.Text.Json), [JsonProperty] (Newtonsoft), [DataMember(Name = ...)].</summary>
internal static class JsonNames
{
    public static string? Of(AttributeData attribute)
    {
        switch (attribute.AttributeClass?.Name)
        {
            case "JsonPropertyNameAttribute":
            case "JsonPropertyAttribute":
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string positional)
                {
                    return positional;
                }

                break;
            case "DataMemberAttribute":
                break;
            default:
                return null;
        }

        foreach (var named in attribute.NamedArguments)
        {
            if ((named.Key == "Name" || named.Key == "PropertyName") && named.Value.Value is string name)
            {
                return name;
            }
        }

        return null;
    }
}
