using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A LiteLLM config on disk is read as the proxy it configures, which is right for a checkout of configs (the config
/// corpus is mostly that). It is not right where the checkout shows the opposite: nothing runs the config as a proxy
/// (no compose service, Kubernetes workload, Helm release, Dockerfile or <c>litellm[proxy]</c> dependency of its stack,
/// and no code calls a proxy address) while the application's own code calls the LiteLLM SDK in process
/// (<c>litellm.completion</c>, <c>acompletion</c>, <c>Router</c>). There the application is the gateway, and the config is a
/// model list whose use the files do not show (second held-out code run, bench/CODE-CORPUS.md class 3: a FastAPI
/// service that calls <c>litellm.acompletion</c> beside a LiteLLM-format <c>config.yaml</c> nothing loads).
/// <para>
/// What changes: the proxy row says so; facts only a running proxy has are not judged (its master key becomes an open
/// question rather than a finding, since "the proxy accepts unauthenticated requests" presumes a proxy); the providers
/// the config names stay listed, each with a note that the config's use is not shown; and a direct provider call is no
/// longer said to go around a proxy this checkout does not show running (<see cref="GatewayBypass"/>). Nothing is
/// removed: an unknown stays an open question.
/// </para>
/// </summary>
public static class UnrunProxyConfig
{
    /// <summary>On <c>app:code</c>: where a source reader saw a LiteLLM SDK call in the application's own process.</summary>
    public const string InProcessCallAttribute = "liteLlmSdkCallAt";

    /// <summary>On the gateway: false once this join finds nothing that runs the config as a proxy.</summary>
    public const string RunsAsProxyAttribute = "runsAsProxy";

    private const string CodeId = "app:code";

    public static void Apply(Stack stack, InputFile config, IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members)
    {
        var model = stack.Model;
        if (model.Find(LiteLlmConfigReader.GatewayId) is not { } gateway
            || model.Find(CodeId)?.Attributes[InProcessCallAttribute] is not string inProcessAt
            || members.Any(m => m.Facts.Services.Any(s => s.RunsProxy))
            || CallsProxyAddress(model))
        {
            return;
        }

        var configAt = gateway.Evidence.FirstOrDefault(e => e.File == config.DisplayPath)?.ToString() ?? config.DisplayPath;
        gateway.Attributes.Set(RunsAsProxyAttribute, false);
        gateway.Notes.Add($"Nothing in this checkout runs {config.DisplayPath} as a LiteLLM proxy (no compose service, Kubernetes workload, "
            + $"Helm release, Dockerfile or litellm[proxy] dependency names it, and no code calls a proxy address), while the application "
            + $"calls the LiteLLM SDK in its own process ({inProcessAt}): the application is the gateway here, and whether it loads this "
            + "config is not shown. Settings only a running proxy applies (its master key, database and logging) are not judged.");
        if (gateway.Attributes["masterKey"] is "not-in-config")
        {
            gateway.Attributes.Set("masterKey", "not-judged");
            model.OpenQuestions.Add(new OpenQuestion(gateway.Name,
                $"Is {config.DisplayPath} run as a LiteLLM proxy anywhere (a deployment outside this checkout)? If it is, it sets no general_settings.master_key, so unless LITELLM_MASTER_KEY is set the proxy accepts unauthenticated requests.",
                gateway.Evidence.FirstOrDefault()));
        }

        model.Find(LiteLlmConfigReader.HostId)?.Notes.Add($"The proxy's host as {config.DisplayPath} describes it; nothing in this checkout shows that host running the proxy (see the LiteLLM proxy row).");
        foreach (var flow in model.FlowsOutOf(gateway.Id).Where(f => f.DataCategories.Contains(DataCategory.Prompt)))
        {
            if (model.Find(flow.To) is { } upstream && upstream.Evidence.All(e => e.File == config.DisplayPath))
            {
                upstream.Notes.Add($"Named only in {config.DisplayPath} ({configAt}), which nothing in this checkout runs as a proxy: a possible party of the application's in-process LiteLLM, not shown to receive prompts.");
            }
        }
    }

    // Code that calls the team's proxy by address (http://litellm:4000) shows that a proxy runs, wherever it is deployed.
    private static bool CallsProxyAddress(StackModel model) =>
        model.Components.Any(c => c.Attributes["callsOwnProxy"] is not null || c.Attributes["proxyAddresses"] is not null)
        || model.FlowsOutOf(CodeId).Any(f => f.Attributes["callsOwnProxy"] is not null || f.To == LiteLlmConfigReader.GatewayId);
}
