using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// Portkey gateway configs (JSON or YAML, snake_case or camelCase), as Portkey's zod schema defines them
/// (src/middlewares/requestValidator/schema/config.ts in Portkey-AI/gateway, read 2026-11-30): strategy.mode single |
/// loadbalance | fallback | conditional (conditions, default), nested targets, provider (or an @integration slug) /
/// virtual_key, custom_host, override_params.model, cache {mode, max_age}, retry, input/output guardrails,
/// before/after request hooks, forward_headers. Portkey is the gateway (provider:portkey; a gateway at a base URL that
/// is not api.portkey.ai is the operator's own). Each target is a sub-processor under it. Portkey calls a target with
/// the operator's own provider credentials (a virtual key is "your LLM API keys" kept in Portkey's vault:
/// https://portkey.ai/docs/product/ai-gateway/virtual-keys), so a target's retention and ZDR are judged as the
/// operator's account with that provider (attribute providerAccount: operator), not as Portkey's routing.
/// </summary>
internal sealed class PortkeyConfigReader : GatewayFileReader
{
    public const string HostedId = "provider:portkey";

    private static readonly string[] Modes = ["single", "loadbalance", "fallback", "conditional"];

    // Keys only a Portkey config (or target) has; a provider name beside one of them makes a mapping a Portkey target.
    private static readonly string[] PortkeyKeys =
        ["virtual_key", "override_params", "custom_host", "forward_headers", "input_guardrails", "output_guardrails", "before_request_hooks", "after_request_hooks"];

    private static readonly string[] HookKeys = ["input_guardrails", "output_guardrails", "before_request_hooks", "after_request_hooks"];

    private static readonly string[] GatewayUrlKeys = ["base_url", "gateway_url", "portkey_base_url", "url"];

    public override string Name => "portkey-config";

    protected override IReadOnlyList<string> Markers { get; } = ["portkey", "targets", "virtual_key", "virtualKey", "override_params", "overrideParams", "custom_host", "customHost"];

    protected override string BrokenFileMarker => "portkey";

    protected override string Kind => "a Portkey config";

    protected override bool IsUse(YamlMapping mapping, YamlMapping root) => IsConfig(mapping);

    /// <summary>A mapping of a Portkey config's shape (a strategy, targets, or a target with a Portkey-only key); shared with the code readers.</summary>
    internal static bool IsConfig(YamlMapping mapping)
    {
        if (GatewayKeys.Value(mapping, "strategy") is YamlMapping strategy && GatewayKeys.Value(strategy, "mode") is YamlScalar mode
            && Modes.Contains(mode.Value))
        {
            return true;
        }

        if (GatewayKeys.Value(mapping, "targets") is YamlSequence targets && targets.Items.Count > 0 && targets.Items.All(t => t is YamlMapping m && IsTarget(m)))
        {
            return true;
        }

        return IsTarget(mapping) && (GatewayKeys.Has(mapping, "virtual_key") || PortkeyKeys.Any(k => GatewayKeys.Has(mapping, k)));
    }

    private static bool IsTarget(YamlMapping mapping) =>
        GatewayKeys.Value(mapping, "provider") is YamlScalar || GatewayKeys.Has(mapping, "virtual_key") || GatewayKeys.Value(mapping, "targets") is YamlSequence;

    protected override void ReadDocument(GatewayRead read, IReadOnlyList<YamlMapping> uses)
    {
        var root = read.Values.Document.Root as YamlMapping;
        foreach (var use in uses)
        {
            var gateway = AddGateway(read, use, root);
            var at = read.At(use);
            read.Model.Connect(AppId, gateway.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at)
                .Attributes.Set("kind", "inference");
            ReadNode(read, gateway, use, "config", null);
        }
    }

    /// <summary>Portkey's hosted gateway, or the operator's own when the file points at another base URL.</summary>
    private static Component AddGateway(GatewayRead read, YamlMapping use, YamlMapping? root)
    {
        foreach (var mapping in root is null || ReferenceEquals(root, use) ? [use] : new[] { use, root })
        {
            foreach (var key in GatewayUrlKeys)
            {
                if (GatewayKeys.Value(mapping, key) is YamlScalar url && HostClassifier.HostOf(read.Text(url)) is { } host
                    && GatewayTerms.FindHost(host)?.Vendor != GatewayTerms.Portkey && (key != "url" || url.Value.Contains("/v1", StringComparison.Ordinal)))
                {
                    return AddOwnGateway(read.Model, host, read.At(use), read.At(url));
                }
            }
        }

        return AddHostedGateway(read.Model, read.At(use));
    }

    /// <summary>Portkey's open-source gateway at the operator's own base URL (not api.portkey.ai): operator-hosted.</summary>
    internal static Component AddOwnGateway(StackModel model, string host, SourceLocation use, SourceLocation url) =>
        model.Add(OwnGateway(host, use, url));

    /// <summary>The self-hosted gateway's component, not yet in a model (the C# code fragment adds it as one of its parties).</summary>
    internal static Component OwnGateway(string host, SourceLocation use, SourceLocation url)
    {
        var own = new Component
        {
            Id = $"gateway:portkey:{host}",
            Name = $"Self-hosted Portkey gateway at {host}",
            Role = ComponentRole.Gateway,
            Hosting = Hosting.OperatorHosted,
            Evidence = { use, url },
            Notes = { "Portkey's open-source gateway run by the operator (the base URL is not api.portkey.ai): not a third party; it forwards prompts to the targets listed under it." },
        };
        own.Attributes.Set("host", host, url);
        return own;
    }

    /// <summary>Portkey's hosted gateway (provider:portkey), and the question of its request logging that no config answers.</summary>
    internal static Component AddHostedGateway(StackModel model, SourceLocation at)
    {
        var hosted = model.Add(new Component
        {
            Id = HostedId,
            Name = "Portkey",
            Role = ComponentRole.Gateway,
            Vendor = GatewayTerms.Portkey,
            Hosting = Hosting.ThirdParty,
            Evidence = { at },
            Notes = { "Portkey's hosted gateway receives each prompt, logs the request and passes it on to the targets its config names; those providers are listed under it." },
        });
        model.OpenQuestions.Add(new OpenQuestion("Portkey",
            "Which request logging mode is set for the Portkey workspace (full bodies, or metrics only), and for how long are logs kept? The config cannot show it.", at));
        return hosted;
    }

    /// <summary>A whole config (strategy, cache, hooks, targets) under the gateway; <paramref name="path"/> names it in notes.</summary>
    internal static void ReadConfig(GatewayRead read, Component gateway, YamlMapping config, string path) => ReadNode(read, gateway, config, path, null);

    /// <summary>One config node: its strategy, cache, retry and hooks, then its targets (nested) or, for a leaf, the target itself.</summary>
    private static void ReadNode(GatewayRead read, Component gateway, YamlMapping node, string path, string? parentMode)
    {
        var mode = GatewayKeys.Value(node, "strategy") is YamlMapping strategy && GatewayKeys.Get(strategy, "mode") is (YamlScalar m, { } modeKey)
            ? (m.Value, read.At(modeKey))
            : default;
        if (mode.Value is not null)
        {
            GatewayRead.AddToList(gateway, "strategies", mode.Value);
            gateway.Evidence.Add(mode.Item2);
            if (mode.Value == "conditional" && GatewayKeys.Value((YamlMapping)GatewayKeys.Value(node, "strategy")!, "conditions") is YamlSequence conditions)
            {
                gateway.Notes.Add($"Conditional routing ({conditions.Items.Count} conditions at {path}.strategy): which target receives a prompt depends on request metadata or parameters; every target listed may receive prompts.");
            }
        }

        ReadCache(read, gateway, node, path);
        ReadHooks(read, gateway, node, path);
        if (GatewayKeys.Get(node, "retry") is (YamlMapping retry, { } retryKey) && read.Text(GatewayKeys.Value(retry, "attempts")) is { } attempts)
        {
            gateway.Attributes.Set("retryAttempts", attempts, read.At(retryKey));
        }

        if (GatewayKeys.Value(node, "targets") is YamlSequence targets)
        {
            for (var i = 0; i < targets.Items.Count; i++)
            {
                if (targets.Items[i] is YamlMapping target)
                {
                    ReadNode(read, gateway, target, $"{path}.targets[{i}]", mode.Value ?? parentMode);
                }
                else
                {
                    read.Values.Error("wrong-type", $"'{path}.targets[{i}]' must be a mapping (a target with provider or virtual_key), not {targets.Items[i].KindText}", targets.Items[i]);
                }
            }

            return;
        }

        if (IsTarget(node))
        {
            PortkeyTargets.Add(read, gateway, node, path, parentMode);
        }
    }

    /// <summary>Portkey's response cache: simple (exact request) or semantic (prompt embeddings); max_age bounds it.</summary>
    private static void ReadCache(GatewayRead read, Component gateway, YamlMapping node, string path)
    {
        if (GatewayKeys.Get(node, "cache") is not (YamlMapping cache, { } cacheKey))
        {
            return;
        }

        var cacheMode = read.Text(GatewayKeys.Value(cache, "mode")) ?? "simple";
        var hosted = gateway.Id == HostedId;
        var component = read.AddCache(gateway,
            hosted ? "cache:portkey" : $"cache:{gateway.Id}",
            hosted ? "Portkey response cache" : $"Response cache of the {gateway.Name}",
            hosted ? GatewayTerms.Portkey : null,
            hosted ? Hosting.ThirdParty : Hosting.OperatorHosted,
            cacheMode == "semantic"
                ? "Semantic cache: keeps responses and the embeddings of the prompts that produced them, and answers similar prompts from them."
                : "Simple cache: keeps responses keyed by the exact request, and answers identical requests from them.",
            read.At(cacheKey));
        component.Attributes.Set("mode", cacheMode, read.At(cacheKey));
        if (GatewayKeys.Get(cache, "max_age") is (YamlScalar age, { } ageKey) && age.AsNumber() is { } seconds)
        {
            GatewayRead.SetTtl(component, seconds, $"cache max_age at {path}.cache", read.At(ageKey));
        }
        else
        {
            component.Notes.Add($"{path}.cache sets no max_age: entries are kept for Portkey's default cache age, which the config does not show.");
            read.Model.OpenQuestions.Add(new OpenQuestion(component.Name, "How long are cached responses kept? The cache sets no max_age, so Portkey's default applies.", read.At(cacheKey)));
        }
    }

    /// <summary>Guardrails and hooks: Portkey's own checks run in the gateway; a partner's check (pangea.*, aporia.*) sends the text to that partner.</summary>
    private static void ReadHooks(GatewayRead read, Component gateway, YamlMapping node, string path)
    {
        foreach (var hookKey in HookKeys)
        {
            if (GatewayKeys.Get(node, hookKey) is not (YamlSequence hooks, { } key))
            {
                continue;
            }

            gateway.Evidence.Add(read.At(key));
            foreach (var id in hooks.Items.SelectMany(HookIds).Distinct(StringComparer.Ordinal))
            {
                GatewayRead.AddToList(gateway, "guardrails", id);
                var partner = id.Contains('.', StringComparison.Ordinal) ? id[..id.IndexOf('.', StringComparison.Ordinal)] : null;
                if (partner is not null and not ("default" or "portkey"))
                {
                    GatewayRead.AddToList(gateway, "guardrailPartners", partner);
                    read.Model.OpenQuestions.Add(new OpenQuestion($"Portkey guardrail {id}",
                        $"The check {id} ({path}.{hookKey}) is run by {partner}: which account, region and retention apply to the text it inspects?", read.At(key)));
                }
            }
        }
    }

    /// <summary>A hook is a guardrail id ("pg-..."), or an object with an id and checks, or the shorthand {"partner.check": {...}}.</summary>
    private static IEnumerable<string> HookIds(YamlNode hook) => hook switch
    {
        YamlScalar { IsNull: false } id => [id.Value],
        YamlMapping m => m.Entries.SelectMany(e => e.Key.Value switch
        {
            "id" when e.Value is YamlScalar s => [s.Value],
            "checks" when e.Value is YamlSequence checks => checks.Items.OfType<YamlMapping>().Select(c => c["id"]).OfType<YamlScalar>().Select(s => s.Value),
            var name when name.Contains('.', StringComparison.Ordinal) => [name],
            _ => [],
        }),
        _ => [],
    };
}
