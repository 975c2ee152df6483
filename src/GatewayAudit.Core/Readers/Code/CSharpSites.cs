using GatewayAudit.Core.Model;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>Everything one C# file shows about parties, before it is turned into components and flows.</summary>
internal sealed class CSharpSites
{
    public List<EndpointSite> Endpoints { get; } = [];

    public List<ClientSite> Clients { get; } = [];

    public List<CallSite> Calls { get; } = [];

    public List<HeaderSite> Headers { get; } = [];

    public List<SlugSite> Slugs { get; } = [];

    public List<PreferenceSite> Preferences { get; } = [];

    public List<RequestFieldSite> RequestFields { get; } = [];

    public List<ImportSite> Imports { get; } = [];

    /// <summary>Raw HTTP requests and base addresses whose URL is read from .NET configuration (<c>PostAsync(_configuration["Api:Url"], ...)</c>).</summary>
    public List<ConfiguredUrlSite> ConfiguredUrls { get; } = [];

    /// <summary>Options classes this file binds to configuration sections (<c>Configure&lt;T&gt;(config.GetSection("X"))</c>).</summary>
    public List<OptionsBinding> OptionsBindings { get; } = [];

    /// <summary>String constants of the classes this file declares, for sections named by a constant in another file.</summary>
    public List<ClassConstant> ClassConstants { get; } = [];

    /// <summary>Portkey routing headers (<c>x-portkey-config</c>, <c>-provider</c>, <c>-virtual-key</c>) with their values.</summary>
    public List<PortkeyHeaderSite> PortkeyHeaders { get; } = [];

    /// <summary>
    /// The gateway this file's Portkey headers go through: the base of the file's clients (HttpClient base address, an
    /// SDK client's endpoint, an absolute request URL) when one can be Portkey's, judged by the same logic as the other
    /// languages' Portkey base URLs (<see cref="CodePortkey.Gateway.OfClientBases"/>); null when the file sets no Portkey header.
    /// </summary>
    public CodePortkey.Gateway? PortkeyGateway() =>
        PortkeyHeaders.Count == 0 && !Headers.Any(h => h.Term.Vendor == GatewayTerms.Portkey)
            ? null
            : CodePortkey.Gateway.OfClientBases(Endpoints.Where(e => e.Source != EndpointSource.Literal).Select(e => (e.Url.Shown, e.At))
                .Concat(Calls.Where(c => c.Url is { HasScheme: true }).Select(c => (c.Url!.Shown, c.At))));

    /// <summary>Where the file turns on prompt and completion text in its GenAI telemetry (see <see cref="CSharpSdkShapes.IsSensitiveTelemetrySwitch"/>).</summary>
    public List<SourceLocation> SensitiveTelemetry { get; } = [];
}

/// <summary>Where an endpoint was written: a bare string, an HttpClient's BaseAddress, or an SDK client's endpoint.</summary>
internal enum EndpointSource
{
    Literal,
    BaseAddress,
    Sdk,
}

internal sealed record EndpointSite(CodeUrl Url, EndpointSource Source, CSharpSdkShapes.Sdk? Sdk, SourceLocation At);

/// <summary>An SDK client or builder whose endpoint is the SDK's default (<see cref="EndpointFrom"/> null) or not in the code.</summary>
internal sealed record ClientSite(CSharpSdkShapes.Sdk Sdk, string Shape, string? EndpointFrom, SourceLocation At)
{
    /// <summary>What a framework-configured client (Aspire) adds about where its endpoint comes from.</summary>
    public string? Note { get; init; }

    /// <summary>The Aspire resource or connection name, which joins an AppHost resource to the clients that use it.</summary>
    public string? Resource { get; init; }

    /// <summary>The .NET configuration key the endpoint is read from (<c>config["AzureFoundry:Endpoint"]</c>, or an options class's property), for the stack assembly to look up in appsettings.</summary>
    public ConfigurationRead? ConfigurationKey { get; init; }
}

/// <summary>A call that sends a prompt or lists models: to a URL (absolute or relative), or an SDK method.</summary>
internal sealed record CallSite(CallKind Kind, CodeUrl? Url, bool Sdk, SourceLocation At);

internal sealed record HeaderSite(HeaderTerm Term, string Name, SourceLocation At);

internal sealed record SlugSite(string Slug, SourceLocation At);

/// <summary>OpenRouter provider preferences written as an object (anonymous, initializer, dictionary), snake_case keys.</summary>
internal sealed record PreferenceSite(IReadOnlyDictionary<string, (object Value, SourceLocation At)> Values, SourceLocation At);

internal sealed record RequestFieldSite(string Field, SourceLocation At);

/// <summary>A Portkey header set in code, its value as the config readers read it; <see cref="Group"/> pairs a provider with its virtual key.</summary>
internal sealed record PortkeyHeaderSite(string Header, GatewayAudit.Core.Yaml.YamlNode Value, SourceLocation At, int Group);

/// <summary>
/// An HTTP request (<see cref="BaseAddress"/> false) or an HttpClient's base address whose URL is the value of the .NET
/// configuration key <see cref="Key"/>, with the path the code appends (empty when none) and the call that path makes.
/// </summary>
internal sealed record ConfiguredUrlSite(ConfigurationRead Key, string Path, CallKind? Kind, bool BaseAddress, SourceLocation At);

internal sealed record ImportSite(CSharpSdkShapes.Sdk Sdk, string Namespace, SourceLocation At);

/// <summary>
/// A URL or host[:port][/path] as code writes it, read without guessing: the whole text must be one URL (no white
/// space: a sentence naming a URL is prose), with an http(s)/ws(s) scheme or none, and a host with no run-time part.
/// <see cref="Shown"/> drops user info and query, so a key in a URL never reaches a report.
/// </summary>
internal sealed record CodeUrl(string Host, int? Port, string Path, bool HasScheme, string Shown)
{
    public static CodeUrl? Parse(string text)
    {
        text = text.Trim();
        if (text.Length < 4 || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var scheme = "";
        var rest = text;
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = text[..separator].ToLowerInvariant();
            if (scheme is not ("http" or "https" or "ws" or "wss"))
            {
                return null;
            }

            rest = text[(separator + 3)..];
        }

        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var path = end < 0 || rest[end] != '/' ? "" : rest[end..].Split('?', '#')[0];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (separator < 0)
            {
                return null; // support@openrouter.ai is a mailbox
            }

            authority = authority[(at + 1)..];
        }

        int? port = null;
        var colon = authority.LastIndexOf(':');
        if (colon > 0 && !authority.Contains(']', StringComparison.Ordinal))
        {
            if (!int.TryParse(authority[(colon + 1)..], out var number))
            {
                return null;
            }

            port = number;
            authority = authority[..colon];
        }

        var host = authority.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || host.IndexOf(CSharpText.Hole) >= 0 || !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':'))
        {
            return null;
        }

        // Without a scheme only a host of a known party counts ("openrouter.ai/api/v1"); "x.y" alone is anything.
        if (separator < 0 && GatewayTerms.FindHost(host) is null)
        {
            return null;
        }

        var shownPath = path.Replace(CSharpText.Hole.ToString(), "{…}", StringComparison.Ordinal);
        var shown = (scheme.Length > 0 ? scheme + "://" : "") + host + (port is { } p ? ":" + p : "") + shownPath;
        return new CodeUrl(host, port, path, separator >= 0, shown);
    }
}
