using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// Docker Model Runner through compose: a service that uses a model of the file's top-level <c>models:</c>
/// (<c>models: { chat-model: { endpoint_var: MODEL_RUNNER_BASE_URL } }</c>, or the short list form whose variable is
/// <c>CHAT_MODEL_URL</c>; <see cref="ComposeModelBinding"/>) gets that model's endpoint in the variable, served by Docker
/// Model Runner on the machine or cluster that runs the compose application ("Define AI Models in Docker Compose
/// applications", https://docs.docker.com/ai/compose/models-and-compose/, read 2026-12-01). Code the service runs (under
/// its build folder or a folder it bind-mounts, as a devcontainer mounts the workspace) whose client reads its base URL
/// from that variable and nothing else (<c>provider:env:VAR</c>) sends to that runner: the row becomes operator-hosted
/// inference, one per engine on the machine as other local servers are (<see cref="HostClassifier.InferenceId"/>), named
/// with the model, with the compose lines as evidence. Not for a variable another service binds to a different model,
/// nor for sites outside the service's folders.
/// </summary>
public static class ComposeModelRunner
{
    private const string Engine = "Docker Model Runner";

    public static void Apply(IReadOnlyList<StackModel> models, IReadOnlyList<DeploymentFacts> composed)
    {
        var bindings = composed.SelectMany(d => d.Services.SelectMany(s => s.Models.Select(m => (Service: s, Model: m, Folders: Folders(s).ToList()))))
            .ToLookup(b => b.Model.EndpointVariable, StringComparer.Ordinal);
        if (bindings.Count == 0)
        {
            return;
        }

        foreach (var model in models)
        {
            foreach (var component in model.Components.Where(c => c.Id.StartsWith("provider:env:", StringComparison.Ordinal)).ToList())
            {
                var variable = component.Id["provider:env:".Length..];
                var sites = model.FlowsInto(component.Id).SelectMany(f => f.Evidence).Select(e => e.File).Distinct(StringComparer.Ordinal).ToList();
                var serving = bindings[variable].Where(b => sites.Count > 0 && sites.All(f => b.Folders.Any(folder => ComposeBuildEnvironment.Holds(folder, f)))).ToList();
                if (serving.Count == 0 || serving.Select(b => b.Model.Model).Distinct(StringComparer.Ordinal).Count() != 1)
                {
                    continue; // no service runs this code with that variable, or services bind it to different models
                }

                var (service, binding, _) = serving[0];
                var named = binding.Model is { } m ? $" (model {m})" : "";
                ComponentMove.Move(model, component, HostClassifier.InferenceId("localhost", Engine, null), ComponentRole.SelfHostedInference, moved =>
                {
                    moved.Name = $"{Engine}{named}";
                    moved.Hosting = Hosting.OperatorHosted;
                    moved.Vendor = null;
                    moved.Attributes.Set("server", Engine, binding.At);
                    moved.Evidence.Add(binding.At);
                    if (binding.ModelAt is { } modelAt)
                    {
                        moved.Evidence.Add(modelAt);
                    }

                    moved.Notes.Add($"The compose service '{service.Name}' ({service.At}) uses the model '{binding.Key}'{named} with its endpoint in ${variable} ({binding.At}): "
                        + "Docker Model Runner serves it on the machine or cluster that runs the compose application, so the code's calls stay on the operator's infrastructure.");
                });
                model.OpenQuestions.RemoveAll(q => q.About == HostClassifier.InferenceId("localhost", Engine, null) && q.Question.Contains(variable, StringComparison.Ordinal));
                if (model.HasCodeClients)
                {
                    model.CodeClients.ImportedValues.RemoveAll(u => u.FromModule == LexicalImportedName.EnvironmentModule && u.Name == variable && sites.Contains(u.At.File));
                }
            }
        }
    }

    /// <summary>The folders of the checkout whose code the service runs: its build folder and the folders it bind-mounts (relative sources).</summary>
    private static IEnumerable<string> Folders(ServiceFacts service)
    {
        var composeFolder = DotEnvSampleAddress.Folder(service.At.File);
        if (service.BuildContext is { } build && ComposeBuildEnvironment.Resolve(composeFolder, build.Context) is { } built)
        {
            yield return built;
        }

        foreach (var (source, _) in service.Mounts.Where(m => m.Source.StartsWith('.')))
        {
            if (ComposeBuildEnvironment.Resolve(composeFolder, source) is { } mounted)
            {
                yield return mounted;
            }
        }
    }
}
