using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// What the proxy's command line and environment (compose <c>command</c>, Kubernetes <c>args</c>/<c>command</c>,
/// Dockerfile <c>CMD</c>/<c>ENTRYPOINT</c>/<c>ENV</c>, Helm <c>envVars</c>) change about where prompts go:
/// <list type="bullet">
/// <item><c>--detailed_debug</c> (or its variable <c>DETAILED_DEBUG</c>, or <c>LITELLM_LOG=DEBUG</c>) turns on LiteLLM's
/// DEBUG logs, which print every request sent to a provider with its body (<c>_print_llm_call_debugging_log</c> in
/// litellm/litellm_core_utils/litellm_logging.py; https://docs.litellm.ai/docs/proxy/debugging): the host's logs
/// receive prompts, as with <c>set_verbose</c>, so the host's <c>verboseLogging</c> is set and the rule fires.</item>
/// <item><c>--debug</c> (<c>DEBUG</c>, <c>LITELLM_LOG=INFO</c>) is INFO level ("prints info logs"); request bodies are
/// printed at DEBUG only, so it is noted, not a verbose-logging fact.</item>
/// <item><c>STORE_MODEL_IN_DB</c> lets admins add models through the UI: the open question about models no file shows,
/// asked once per stack however many files set it.</item>
/// </list>
/// Only the proxy process's own environment counts here (its compose environment and env_file, Kubernetes env, Helm
/// envVars, the image's ENV), not a .env file compose only interpolates from.
/// </summary>
public static class ProxyProcess
{
    /// <summary>click reads a flag's variable as true for these (click.types.BoolParamType).</summary>
    private static readonly HashSet<string> True = new(StringComparer.OrdinalIgnoreCase) { "1", "true", "t", "yes", "y", "on" };

    public static void Apply(Stack stack, IReadOnlyList<(InputFile File, DeploymentFacts Facts)> members, IReadOnlyDictionary<string, EnvironmentValue> environment)
    {
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var service in members[i].Facts.Services)
            {
                if (!service.RunsProxy)
                {
                    continue;
                }

                MasterKeyFromEnvironment(stack.Model, service);
                // Each word, and each part of a word that is a whole shell line (sh -c "litellm --detailed_debug"), as slices:
                // a string per part and per word was most of this join's garbage (bench/SCALE.md round 18).
                foreach (var (line, at) in service.Command)
                {
                    foreach (var range in line.AsSpan().SplitAny(' ', '\t', '\n'))
                    {
                        var word = line.AsSpan(range).Trim(Quotes.AsSpan());
                        if (word.SequenceEqual("--detailed_debug"))
                        {
                            Verbose(stack.Model, at, $"--detailed_debug on the proxy's command line ({service.Kind} '{service.Name}')");
                        }
                        else if (word.SequenceEqual("--debug"))
                        {
                            InfoLevel(stack.Model, at, $"--debug on the proxy's command line ({service.Kind} '{service.Name}')");
                        }
                    }
                }
            }
        }

        if (environment.TryGetValue("DETAILED_DEBUG", out var detailed) && True.Contains(detailed.Value?.Trim() ?? ""))
        {
            Verbose(stack.Model, detailed.At, $"DETAILED_DEBUG={detailed.Value!.Trim()} in the proxy's environment ({detailed.Origin})");
        }

        if (environment.TryGetValue("LITELLM_LOG", out var level) && level.Value?.Trim().ToUpperInvariant() is { } written)
        {
            if (written == "DEBUG")
            {
                Verbose(stack.Model, level.At, $"LITELLM_LOG=DEBUG in the proxy's environment ({level.Origin})");
            }
            else if (written == "INFO")
            {
                InfoLevel(stack.Model, level.At, $"LITELLM_LOG=INFO in the proxy's environment ({level.Origin})");
            }
        }

        if (environment.TryGetValue("DEBUG", out var debug) && True.Contains(debug.Value?.Trim() ?? ""))
        {
            InfoLevel(stack.Model, debug.At, $"DEBUG={debug.Value!.Trim()} in the proxy's environment ({debug.Origin})");
        }

        if (environment.TryGetValue("STORE_MODEL_IN_DB", out var store) && True.Contains(store.Value?.Trim() ?? ""))
        {
            var question = LiteLlmDatastores.StoreModelInDbQuestion(store.At);
            if (!stack.Model.OpenQuestions.Any(q => q.Question == question.Question))
            {
                stack.Model.OpenQuestions.Add(question);
            }
        }
    }

    /// <summary>
    /// LITELLM_MASTER_KEY named in the proxy process's own environment (a value, a ${VAR} compose fills at deploy time,
    /// a secretKeyRef) answers the master-key question: the proxy reads it when general_settings.master_key is unset
    /// (litellm/proxy/proxy_server.py). The value is never read or printed here; only that the process is given one.
    /// </summary>
    private static void MasterKeyFromEnvironment(StackModel model, ServiceFacts service)
    {
        if (model.Find(LiteLlmConfigReader.GatewayId) is not { } gateway || gateway.Attributes["masterKey"] is not "not-in-config"
            || service.Environment.FirstOrDefault(e => e.Name == "LITELLM_MASTER_KEY" && (e.Node is null || !string.IsNullOrWhiteSpace(e.Node.Value))) is not { } key)
        {
            return;
        }

        gateway.Attributes.Set("masterKey", "environment", key.At);
        gateway.Evidence.Add(key.At);
        gateway.Notes.Add($"The master key comes from LITELLM_MASTER_KEY in the proxy's environment ({key.Origin}).");
    }

    private const string Quotes = "\"'";

    private static void Verbose(StackModel model, SourceLocation at, string what)
    {
        if (model.Find(LiteLlmConfigReader.HostId) is not { } host)
        {
            NoHost(model, at, what);
            return;
        }

        if (host.Attributes["verboseLogging"] is not true)
        {
            host.Attributes.Set("verboseLogging", true, at);
        }

        host.Attributes.Set("logLevel", "DEBUG");
        host.Evidence.Add(at);
        host.Notes.Add($"{what}: DEBUG logs print each request sent to a provider, with its messages, to the proxy's output.");
    }

    private static void InfoLevel(StackModel model, SourceLocation at, string what)
    {
        if (model.Find(LiteLlmConfigReader.HostId) is not { } host)
        {
            NoHost(model, at, what);
            return;
        }

        if (!host.Attributes.ContainsKey("logLevel"))
        {
            host.Attributes.Set("logLevel", "INFO");
        }

        host.Evidence.Add(at);
        host.Notes.Add($"{what}: INFO logs (request lines and routing); LiteLLM prints request bodies only at DEBUG level.");
    }

    // A stack whose config was not read has no host component: the fact stays on the proxy, where the report shows it.
    private static void NoHost(StackModel model, SourceLocation at, string what)
    {
        if (model.Find(LiteLlmConfigReader.GatewayId) is { } gateway)
        {
            gateway.Evidence.Add(at);
            gateway.Notes.Add($"{what}: the proxy's log level is raised; where its logs go is not in the inputs.");
        }
    }
}
