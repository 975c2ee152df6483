namespace GatewayAudit.Core.Model;

/// <summary>What a component is in the stack. Serialised in kebab-case (model-provider, self-hosted-inference).</summary>
public enum ComponentRole
{
    App,
    Gateway,
    ModelProvider,
    Datastore,
    Cache,
    Exporter,
    Alerting,
    Host,
    SelfHostedInference,

    /// <summary>A service that inspects prompts or responses (Lakera, Bedrock Guardrails, the operator's Presidio).</summary>
    Guardrail,

    /// <summary>The operator's own code loaded into the proxy (a custom callback, guardrail or provider handler).</summary>
    OperatorCode,

    /// <summary>
    /// A third-party API the code sends text built from prompts to that is not LLM inference: web search (Tavily, Grounding
    /// with Bing), translation (DeepL), OCR and image analysis (Google Cloud Vision), image generation (Black Forest Labs).
    /// Ids are <c>tool:&lt;catalog vendor id&gt;</c>; the component's <c>purpose</c> attribute says what it does.
    /// </summary>
    ToolApi,
}

/// <summary>What crosses a flow.</summary>
public enum DataCategory
{
    Prompt,
    Completion,
    Metadata,
    Credentials,
    Usage,
}

/// <summary>Zero data retention as far as the inputs and the catalog show it. Serialised yes|no|partial|unknown|n/a.</summary>
public enum ZdrStatus
{
    Unknown,
    Yes,
    No,
    Partial,
    NotApplicable,
}

/// <summary>Who runs a component: a third party, the operator itself, or not shown by the inputs.</summary>
public enum Hosting
{
    Unknown,
    ThirdParty,
    OperatorHosted,
}

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>The text forms used in JSON, SARIF, templates and policies, in one place.</summary>
public static class EnumText
{
    public static string Of(ComponentRole role) => role switch
    {
        ComponentRole.App => "app",
        ComponentRole.Gateway => "gateway",
        ComponentRole.ModelProvider => "model-provider",
        ComponentRole.Datastore => "datastore",
        ComponentRole.Cache => "cache",
        ComponentRole.Exporter => "exporter",
        ComponentRole.Alerting => "alerting",
        ComponentRole.Host => "host",
        ComponentRole.SelfHostedInference => "self-hosted-inference",
        ComponentRole.Guardrail => "guardrail",
        ComponentRole.OperatorCode => "operator-code",
        ComponentRole.ToolApi => "tool-api",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    // Made once: every row of a report names its categories, and a text made per call was 7 MiB at 10,000 configs.
    public static string Of(DataCategory category) => CategoryTexts[(int)category];

    private static readonly string[] CategoryTexts = [.. Enum.GetValues<DataCategory>().Select(c => c.ToString().ToLowerInvariant())];

    public static string Of(ZdrStatus status) => status switch
    {
        ZdrStatus.Yes => "yes",
        ZdrStatus.No => "no",
        ZdrStatus.Partial => "partial",
        ZdrStatus.NotApplicable => "n/a",
        _ => "unknown",
    };

    public static string Of(Hosting hosting) => hosting switch
    {
        Hosting.ThirdParty => "third-party",
        Hosting.OperatorHosted => "operator-hosted",
        _ => "unknown",
    };

    public static string Of(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(Severity severity) => SeverityTexts[(int)severity];

    private static readonly string[] SeverityTexts = [.. Enum.GetValues<Severity>().Select(s => s.ToString().ToLowerInvariant())];

    public static bool TryParseRole(string text, out ComponentRole role)
    {
        foreach (var candidate in Enum.GetValues<ComponentRole>())
        {
            if (Of(candidate) == text)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static bool TryParseSeverity(string text, out Severity severity)
    {
        foreach (var candidate in Enum.GetValues<Severity>())
        {
            if (Of(candidate) == text)
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }

    public static bool TryParseZdr(string text, out ZdrStatus status)
    {
        foreach (var candidate in Enum.GetValues<ZdrStatus>())
        {
            if (Of(candidate) == text)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
