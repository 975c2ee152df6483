using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using static GatewayAudit.Core.Readers.LiteLlm.LiteLlmConfigReader;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>Guardrails (the top-level guardrails list): the services that inspect prompts and responses.</summary>
internal sealed class GuardrailSection(LiteLlmRead read) : LiteLlmSection(read)
{
    public override void Read() => ReadGuardrails();

    private void ReadGuardrails()
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

            var baseNode = Values.Text(parameters, "api_base", $"{path}.litellm_params.api_base", "text (a URL, or os.environ/NAME)");
            var host = baseNode is null ? null : HostClassifier.HostOf(Values.Resolve(baseNode).Value);
            var operatorHosted = kind.Value is "presidio" or "hide-secrets" or "detect_prompt_injection" or "custom_guardrail"
                || (host is not null && HostClassifier.IsOperatorNetwork(host));

            // Guardrails run by a provider already in the catalog (Amazon Bedrock Guardrails, OpenAI moderation).
            var (vendor, vendorName) = kind.Value switch
            {
                "bedrock" => ("aws-bedrock", "Amazon Bedrock Guardrails"),
                "openai_moderation" => ("openai", "OpenAI moderation"),
                _ => ((string?)null, (string?)null),
            };
            var guard = Model.Add(new Component
            {
                Id = $"guardrail:{kind.Value}",
                Name = vendorName is null ? $"Guardrail service '{kind.Value}'" : $"Guardrail: {vendorName}",
                Role = ComponentRole.ModelProvider,
                Vendor = vendor,
                Hosting = operatorHosted ? Hosting.OperatorHosted : vendor is not null ? Hosting.ThirdParty : Hosting.Unknown,
                Evidence = { Values.At(kind) },
                Notes = { "A guardrail inspects prompts (pre_call) and/or responses (post_call) before they pass." },
            });
            guard.Attributes.Set("kind", "guardrail");
            if (host is not null)
            {
                guard.Attributes.Set("host", host);
            }

            if (!operatorHosted && host is null && vendor is null)
            {
                Model.OpenQuestions.Add(new OpenQuestion(guard.Name, "Who runs this guardrail service, and does it keep the prompts it inspects?", Values.At(kind)));
            }

            Model.Connect(GatewayId, guard.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata], Values.At(kind)).Attributes.Set("kind", "guardrail");
        }
    }
}
