using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// Tells from a URL or host name whether an endpoint is on the operator's own network (loopback, private
/// ranges, cluster-internal names) or somewhere public. Public hosts are matched to vendors by the catalog.
/// </summary>
public static partial class HostClassifier
{
    /// <summary>The host of a URL-ish text ("https://x.y/v1", "redis://:pw@h:6379", "h:5432"), lower-cased; null if none.</summary>
    private const string Placeholder = "gateway-audit-placeholder";

    public static string? HostOf(string? urlOrHost)
    {
        if (string.IsNullOrWhiteSpace(urlOrHost))
        {
            return null;
        }

        // Deploy-time placeholders (${POSTGRES_PASSWORD:?set it}) stand for one word; they must not break the parse.
        // A host that is itself a placeholder (http://${LLM_HOST}:8000) is unknown: it is not a name to classify.
        var text = PlaceholderRegex().Replace(urlOrHost.Trim(), Placeholder);
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) && text.Contains("://", StringComparison.Ordinal))
        {
            return uri.Host.Contains(Placeholder, StringComparison.OrdinalIgnoreCase) ? null : uri.Host.Trim('[', ']').ToLowerInvariant();
        }

        // Bare "host" or "host:port".
        var host = text.Split('/')[0];
        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host[(at + 1)..];
        }

        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.Contains(']', StringComparison.Ordinal) && host.Count(c => c == ':') == 1)
        {
            host = host[..colon];
        }

        return host.Length == 0 || host.Any(char.IsWhiteSpace) || host.Contains(Placeholder, StringComparison.OrdinalIgnoreCase)
            ? null : host.Trim('[', ']').ToLowerInvariant();
    }

    /// <summary>A region a host names, and the vendor page that documents that host pattern.</summary>
    public sealed record HostRegion(string Region, string Source);

    // Hosts that name their region, one row per documented pattern (checked 2026-11-30). The region group of the
    // pattern, or the fixed region, becomes the component's region. A resource name that merely contains a region
    // (contoso-eastus.openai.azure.com) is a name someone chose, not a fact, and matches nothing here.
    private static readonly (Regex Host, string? Region, string Source)[] RegionRows =
    [
        // Any AWS service endpoint: db.abc.eu-central-1.rds.amazonaws.com, bedrock-runtime.us-east-1.amazonaws.com.
        (new(@"(^|\.)(?<region>(us|eu|ap|ca|sa|me|af|il|mx)(-gov)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\.([a-z0-9-]+\.)*amazonaws\.com$"),
            null, "https://docs.aws.amazon.com/general/latest/gr/rande.html"),
        // Neon: <endpoint-id>[-pooler].<region>.aws.neon.tech.
        (new(@"^[a-z0-9-]+\.(?<region>[a-z]{2}-[a-z]+-\d)\.aws\.neon\.tech$"), null, "https://neon.com/faqs/find-database-connection-string-url"),
        // Supabase shared pooler (Supavisor): aws-0-eu-central-1.pooler.supabase.com.
        (new(@"^aws-\d+-(?<region>[a-z]{2}-[a-z]+-\d)\.pooler\.supabase\.com$"), null, "https://supabase.com/docs/guides/database/connecting-to-postgres"),
        // Vertex AI's regional endpoints: LOCATION-aiplatform.googleapis.com ("You specify the location for a Vertex AI API
        // request by using the appropriate regional endpoint", e.g. europe-west4-aiplatform.googleapis.com; the global
        // aiplatform.googleapis.com names none).
        (new(@"^(?<region>(us|europe|asia|australia|northamerica|southamerica|me|africa)-[a-z]+\d+)-aiplatform\.googleapis\.com$"),
            null, "https://cloud.google.com/vertex-ai/docs/general/locations"),
        // Alibaba Cloud Model Studio (DashScope): the OpenAI-compatible BASE_URL per region ("Singapore:
        // https://dashscope-intl.aliyuncs.com/compatible-mode/v1", US (Virginia) dashscope-us, China (Beijing) dashscope,
        // China (Hong Kong) cn-hongkong.dashscope). Workspace domains (<id>.<region>.maas.aliyuncs.com) are left: the page
        // gives ap-southeast-1 for two regions.
        (new(@"^dashscope-intl\.aliyuncs\.com$"), "Singapore", DashScopeRegions),
        (new(@"^dashscope-us\.aliyuncs\.com$"), "US (Virginia)", DashScopeRegions),
        (new(@"^cn-hongkong\.dashscope\.aliyuncs\.com$"), "China (Hong Kong)", DashScopeRegions),
        (new(@"^dashscope\.aliyuncs\.com$"), "China (Beijing)", DashScopeRegions),
        // Langfuse Cloud: fully separated regions by host.
        (new(@"^us\.cloud\.langfuse\.com$"), "US", LangfuseRegions),
        (new(@"^hipaa\.cloud\.langfuse\.com$"), "US", LangfuseRegions),
        (new(@"^jp\.cloud\.langfuse\.com$"), "JP", LangfuseRegions),
        (new(@"^cloud\.langfuse\.com$"), "EU", LangfuseRegions),
        // Datadog sites: each site is a separate region (US1 datadoghq.com, US3, US5, EU1, AP1 Japan, AP2 Australia, US1-FED).
        (new(@"(^|\.)datadoghq\.eu$"), "EU", DatadogSites),
        (new(@"(^|\.)(us3|us5)\.datadoghq\.com$"), "US", DatadogSites),
        (new(@"(^|\.)ap1\.datadoghq\.com$"), "JP", DatadogSites),
        (new(@"(^|\.)ap2\.datadoghq\.com$"), "AU", DatadogSites),
        (new(@"(^|\.)datadoghq\.com$"), "US", DatadogSites),
        (new(@"(^|\.)ddog-gov\.com$"), "US", DatadogSites),
    ];

    private const string DashScopeRegions = "https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope";
    private const string LangfuseRegions = "https://langfuse.com/security/data-regions.md";
    private const string DatadogSites = "https://docs.datadoghq.com/getting_started/site/";

    /// <summary>The region a vendor host names (RDS, Neon, Supabase pooler, Vertex AI, DashScope, Langfuse Cloud, Datadog sites); null when the host does not say.</summary>
    public static HostRegion? RegionOf(string host)
    {
        // Hosts repeat across a checkout's configs (each stack's "db", a provider's API host), and each new one runs
        // every pattern above: the answers are kept, up to a bound (bench/SCALE.md round 16).
        if (KnownRegions.TryGetValue(host, out var known))
        {
            return known;
        }

        var region = MatchRegion(host);
        if (KnownRegions.Count < MaxKnownRegions)
        {
            KnownRegions.TryAdd(host, region);
        }

        return region;
    }

    private const int MaxKnownRegions = 4096;

    private static readonly ConcurrentDictionary<string, HostRegion?> KnownRegions = new(StringComparer.Ordinal);

    private static HostRegion? MatchRegion(string host)
    {
        foreach (var (pattern, region, source) in RegionRows)
        {
            if (pattern.Match(host) is { Success: true } match)
            {
                return new HostRegion(region ?? match.Groups["region"].Value, source);
            }
        }

        // A gateway's regional host in the shared host table (eu.openrouter.ai): the region its requests stay in.
        return GatewayTerms.FindHost(host) is { Region: { } gatewayRegion } term && RegionalHostSources.TryGetValue(term.Vendor, out var documented)
            ? new HostRegion(gatewayRegion, documented)
            : null;
    }

    // Where each gateway documents its regional hosts.
    private static readonly Dictionary<string, string> RegionalHostSources = new(StringComparer.Ordinal)
    {
        [GatewayTerms.OpenRouter] = "https://openrouter.ai/docs/guides/privacy/logging",
        ["black-forest-labs"] = "https://docs.bfl.ai/api_integration/integration_guidelines",
    };

    /// <summary>Sets the region a host names on the component, read at <paramref name="at"/>; a region already known wins.</summary>
    public static void SetRegionFromHost(Component component, string host, SourceLocation at)
    {
        if (component.Region is null && RegionOf(host) is { } region)
        {
            component.Region = new Sourced<string>(region.Region, at);
            component.Notes.Add($"Region {region.Region} from the host {host} (host pattern documented at {region.Source}).");
        }
    }

    // Public hosting platforms that give each customer app a subdomain of theirs (checked 2026-11-30 against each
    // platform's own docs on default domains). A host under one runs on that platform's infrastructure, whoever
    // deployed the app: the platform is a party the data passes through either way.
    private static readonly (string Suffix, string Platform)[] HostingPlatforms =
    [
        (".up.railway.app", "Railway"), (".onrender.com", "Render"), (".fly.dev", "Fly.io"), (".herokuapp.com", "Heroku"),
        (".vercel.app", "Vercel"), (".netlify.app", "Netlify"), (".modal.run", "Modal"), (".hf.space", "Hugging Face Spaces"),
        (".ngrok-free.app", "ngrok"), (".ngrok.app", "ngrok"), (".ngrok.io", "ngrok"), (".trycloudflare.com", "Cloudflare Tunnel"),
        (".azurewebsites.net", "Azure App Service"), (".run.app", "Google Cloud Run"), (".appspot.com", "Google App Engine"),
        (".replit.app", "Replit"), (".repl.co", "Replit"), (".ondigitalocean.app", "DigitalOcean App Platform"),
        (".proxy.runpod.net", "RunPod"),
    ];

    /// <summary>The hosting platform a public host is an app subdomain of (Railway, Render, Fly.io ...), or null.</summary>
    public static string? HostingPlatformOf(string host) =>
        HostingPlatforms.FirstOrDefault(p => host.EndsWith(p.Suffix, StringComparison.Ordinal)).Platform;

    /// <summary>
    /// The name code's own machine goes by in component ids: a loopback host (<c>localhost</c> and names under it,
    /// RFC 6761; 127.0.0.0/8 and ::1, RFC 1122 / RFC 4291) is <c>localhost</c>, so one local server reached as
    /// localhost:11434 in one file and as 127.0.0.1:11434 (an SDK's default) in another is one party; any other host is itself.
    /// </summary>
    public static string SameMachineName(string host) =>
        host is "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip))
            ? "localhost"
            : host;

    /// <summary>
    /// The component id of an inference server at <paramref name="host"/>: <c>inference:HOST</c> for a server elsewhere;
    /// on this machine (<see cref="SameMachineName"/>) one id per engine, <c>inference:localhost:ENGINE</c> (Ollama on
    /// :11434 and LM Studio on :1234 in one checkout are two rows, and an SDK's default host is the same row as the
    /// address written out), else per port when the engine is not known, else <c>inference:localhost</c>.
    /// </summary>
    public static string InferenceId(string host, string? engine, int? port)
    {
        if (SameMachineName(host) != "localhost")
        {
            return $"inference:{host}";
        }

        var slug = engine is null ? port?.ToString(System.Globalization.CultureInfo.InvariantCulture) : EngineSlug(engine);
        return slug is null ? "inference:localhost" : $"inference:localhost:{slug}";
    }

    /// <summary>An engine's name as an id part: the readers' spellings of one engine are one slug ("TGI", "Text Generation Inference": tgi).</summary>
    public static string EngineSlug(string engine) => engine switch
    {
        "TGI" or "Text Generation Inference" => "tgi",
        _ => EngineSlugRegex().Replace(engine.ToLowerInvariant(), "-").Trim('-'),
    };

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex EngineSlugRegex();

    public static bool IsOperatorNetwork(string host)
    {
        if (host is "localhost" or "host.docker.internal" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return true;
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            return IsOperatorAddress(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);
        }

        // A name without dots is a container or service name resolved inside the operator's network.
        return !host.Contains('.', StringComparison.Ordinal)
            || host.EndsWith(".svc", StringComparison.Ordinal)
            || host.EndsWith(".svc.cluster.local", StringComparison.Ordinal)
            || host.EndsWith(".cluster.local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal)
            || host.EndsWith(".lan", StringComparison.Ordinal)
            || host.EndsWith(".home.arpa", StringComparison.Ordinal);
    }

    /// <summary>
    /// Addresses that never leave the operator's network: loopback (127.0.0.0/8, ::1; RFC 1122, RFC 4291), private
    /// ranges (10/8, 172.16/12, 192.168/16; RFC 1918), shared address space (100.64/10; RFC 6598, carrier and
    /// overlay networks such as Tailscale), link-local (169.254/16, RFC 3927; fe80::/10, RFC 4291) and unique local
    /// IPv6 (fc00::/7, RFC 4193).
    /// </summary>
    private static bool IsOperatorAddress(IPAddress ip)
    {
        if (IPAddress.IsLoopback(ip))
        {
            return true;
        }

        var b = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && (b[1] & 0xC0) == 64) || (b[0] == 169 && b[1] == 254);
        }

        return (b[0] & 0xFE) == 0xFC || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80);
    }

    /// <summary>
    /// Decides a component's hosting from a connection URL or host: the operator's network, or unknown (the catalog
    /// matches public hosts to vendors later). Null means the address comes from the environment; "what" names it in the note.
    /// </summary>
    /// <param name="at">Where the address was read; when given, a region the host names (AWS) is recorded there.</param>
    public static void Classify(Component component, string? urlOrHost, string what, SourceLocation? at = null)
    {
        var host = HostOf(urlOrHost);
        if (host is null)
        {
            component.Hosting = Hosting.Unknown;
            component.Notes.Add($"The {what} address comes from the environment; where it runs is not in the config.");
            return;
        }

        component.Attributes.Set("host", host);
        component.Hosting = IsOperatorNetwork(host) ? Hosting.OperatorHosted : Hosting.Unknown;
        if (at is not null)
        {
            SetRegionFromHost(component, host, at);
        }
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex PlaceholderRegex();
}
