using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Guardrails (the top-level guardrails list, and the older guardrail names in litellm_settings.callbacks): a vendor's
/// service that inspects prompts and responses is a third party; code that runs inside the proxy is no party; a
/// service the operator deploys (Presidio) is hosted wherever its address says.
/// </summary>
internal sealed class GuardrailSection(LiteLlmRead read) : LiteLlmSection(read)
{
    private static readonly DataCategory[] Inspected = [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata];

    public override void Read()
    {
        if (Values.Sequence(Root, "guardrails", "guardrails") is not { } guardrails)
        {
            return;
        }

        for (var i = 0; i < guardrails.Items.Count; i++)
        {
            var path = $"guardrails[{i}]";
            if (guardrails.Items[i] is not YamlMapping entry || Values.Mapping(entry, "litellm_params", $"{path}.litellm_params") is not { } parameters)
            {
                Values.Error("wrong-type", $"'{path}' must be a mapping with guardrail_name and litellm_params", guardrails.Items[i]);
                continue;
            }

            Values.CheckSecretKeys(parameters, $"{path}.litellm_params");
            if (Values.Text(parameters, "guardrail", $"{path}.litellm_params.guardrail", "text (the guardrail provider)") is not { } kind)
            {
                if (parameters["guardrail"] is null or YamlScalar { IsNull: true })
                {
                    Values.Error("litellm-guardrail", $"'{path}.litellm_params' needs 'guardrail' (the guardrail provider)", parameters);
                }

                continue;
            }

            AddGuardrail(kind, parameters, $"{path}.litellm_params");
        }
    }

    /// <summary>One guardrail by its LiteLLM name; <paramref name="parameters"/> are its litellm_params (null for a callback).</summary>
    public void AddGuardrail(YamlScalar kind, YamlMapping? parameters, string path)
    {
        var name = kind.Value.Trim();
        if (name.Contains('.', StringComparison.Ordinal))
        {
            // guardrail: custom_guardrail.myCustomGuardrail is the operator's own class (LiteLLM's custom guardrail docs).
            Connect(AddOperatorCode(name, "Custom guardrail", kind), kind);
            return;
        }

        if (!LiteLlmGuardrails.ByName.TryGetValue(name, out var info))
        {
            Values.Warning("litellm-unknown-guardrail",
                $"guardrail '{ConfigValues.Shown(name)}' is not in gateway-audit's table of LiteLLM guardrails; it is listed with unknown hosting as receiving prompts", kind);
            info = new LiteLlmGuardrails.Info(LiteLlmGuardrails.Runs.Unclassified, $"Guardrail '{name}'");
        }

        if (info.Runs == LiteLlmGuardrails.Runs.InProcess)
        {
            NoteInProcess(name, $"guardrail {info.Name}", kind);
            return;
        }

        var guard = Model.Add(new Component
        {
            Id = $"guardrail:{name}",
            Name = info.Runs == LiteLlmGuardrails.Runs.Vendor ? $"Guardrail: {info.Name}" : info.Name,
            Role = ComponentRole.Guardrail,
            Vendor = info.Vendor,
            Hosting = info.Runs == LiteLlmGuardrails.Runs.Vendor ? Hosting.ThirdParty : Hosting.Unknown,
            Evidence = { Values.At(kind) },
            Notes = { "A guardrail inspects prompts (pre_call) and/or responses (post_call) before they pass." },
        });
        var addressKnown = ReadAddress(guard, info, parameters, path);
        if (guard.Hosting == Hosting.Unknown)
        {
            Model.OpenQuestions.Add(new OpenQuestion(guard.Name,
                addressKnown ? "Who runs this guardrail service, and does it keep the prompts it inspects?"
                    : "Where does this guardrail service run (its address is not in the files read), and does it keep the prompts it inspects?",
                Values.At(kind)) { About = guard.Id, OpenWhile = OpenWhile.HostingUnknown });
        }

        Connect(guard, kind);
    }

    private void Connect(Component guard, YamlScalar at) =>
        Model.Connect(GatewayId, guard.Id, Inspected, Values.At(at)).Attributes.Set("kind", "guardrail");

    /// <summary>
    /// The guardrail's address: its api_base (or own key), else an environment variable the stack sets, else
    /// LiteLLM's documented default. A private address means the operator runs it. Returns true when one was found.
    /// </summary>
    private bool ReadAddress(Component guard, LiteLlmGuardrails.Info info, YamlMapping? parameters, string path)
    {
        var key = info.AddressKey ?? "api_base";
        YamlScalar? node = parameters is null ? null : Values.Text(parameters, key, $"{path}.{key}", "text (a URL, or os.environ/NAME)");
        var address = node is null ? null : Values.Resolve(node).Value;
        if (address is null && node is null && EnvironmentValue(info.AddressVariables ?? []) is { } variable)
        {
            (node, address) = (variable, variable.Value);
        }

        if (address is null && node is null && info.DefaultAddress is not null)
        {
            guard.Notes.Add($"No address set: LiteLLM calls {info.DefaultAddress}, on the proxy's own host.");
            guard.Hosting = Hosting.OperatorHosted;
            return true;
        }

        if (HostClassifier.HostOf(address) is not { } host)
        {
            return false;
        }

        guard.Attributes.Set("host", host);
        guard.Evidence.Add(Values.At(node!));
        if (HostClassifier.IsOperatorNetwork(host))
        {
            guard.Hosting = Hosting.OperatorHosted;
            if (!guard.Name.EndsWith($" (self-hosted at {host})", StringComparison.Ordinal))
            {
                guard.Name += $" (self-hosted at {host})";
            }
        }

        HostClassifier.SetRegionFromHost(guard, host, Values.At(node!));
        return true;
    }
}
