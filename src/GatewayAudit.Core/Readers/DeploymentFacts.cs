using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// What one deployment file says about the processes it runs, for the stack assembly to join with other files:
/// its services (compose services, Kubernetes workloads and Services) with their environment, env files, mounts and
/// command line; the variables of a .env file; and LiteLLM configs embedded in it (a ConfigMap's config.yaml, Helm
/// values' proxy_config). A reader fills this from its own file only.
/// </summary>
public sealed class DeploymentFacts
{
    public List<ServiceFacts> Services { get; } = [];

    /// <summary>Variables a .env file defines (compose reads them for ${VAR} and env_file).</summary>
    public List<EnvironmentValue> Variables { get; } = [];

    public List<EmbeddedConfig> EmbeddedConfigs { get; } = [];

    /// <summary>
    /// Values files a helmfile release of LiteLLM's chart names (<c>values: [ - values-prod.yaml ]</c>), by file name;
    /// a chart values file beside that helmfile that it does not name is not deployed (Stacks/HelmfileValues).
    /// </summary>
    public List<string> ValuesFiles { get; } = [];

    /// <summary>Kubernetes namespace or Helm release the file deploys into, when it says (co-location scope).</summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// Plain <c>litellm</c> requirements (no <c>[proxy]</c> extra) of a Python dependency file: the SDK an application
    /// imports, or the proxy's own package where a proxy config lies beside it (joined by Stacks/LiteLlmPackagePin).
    /// </summary>
    public List<(Deployment.PipRequirement Requirement, SourceLocation At)> LiteLlmPackages { get; } = [];

    /// <summary>True when the file says nothing but plain litellm pins: it joins a stack only through a config beside it.</summary>
    public bool OnlyPackagePins => LiteLlmPackages.Count > 0 && Services.Count == 0 && Variables.Count == 0 && EmbeddedConfigs.Count == 0;
}

/// <summary>One process a deployment file runs: a compose service, a Kubernetes Deployment/StatefulSet or Service.</summary>
public sealed class ServiceFacts(string name, string kind, SourceLocation at)
{
    public string Name { get; } = name;

    /// <summary>"compose service", "Kubernetes Deployment", "Kubernetes Service", ...</summary>
    public string Kind { get; } = kind;

    public SourceLocation At { get; } = at;

    public string? Image { get; set; }

    /// <summary>True when the service runs the LiteLLM proxy image.</summary>
    public bool RunsProxy { get; set; }

    /// <summary>Other names the service answers to on the network (compose aliases, container_name, hostname).</summary>
    public List<string> Aliases { get; } = [];

    /// <summary>The environment given to the process; a Kubernetes secretKeyRef is a value whose Node is null.</summary>
    public List<EnvironmentValue> Environment { get; } = [];

    /// <summary>Kubernetes <c>envFrom</c> sources (a Secret or ConfigMap whose variables the file does not list).</summary>
    public List<SourceLocation> EnvironmentFrom { get; } = [];

    /// <summary>compose env_file entries, as written (relative to the compose file's folder).</summary>
    public List<(string Path, SourceLocation At)> EnvFiles { get; } = [];

    /// <summary>Host-side sources of mounted files (compose volumes) and ConfigMaps mounted (Kubernetes), as written.</summary>
    public List<(string Source, SourceLocation At)> Mounts { get; } = [];

    /// <summary>Sources a Dockerfile copies into the image (<c>COPY config.yaml /app/config.yaml</c>), relative to its build context, as written.</summary>
    public List<(string Source, SourceLocation At)> Copies { get; } = [];

    /// <summary>Command-line words of the process (compose command, Kubernetes args/command).</summary>
    public List<(string Word, SourceLocation At)> Command { get; } = [];

    /// <summary>The folder a compose service builds its image from (<c>build: ./backend</c>, <c>build.context</c>), as written.</summary>
    public (string Context, SourceLocation At)? BuildContext { get; set; }

    /// <summary>Models of the compose file's top-level <c>models:</c> the service uses (Docker Model Runner), with the variable that carries each one's endpoint.</summary>
    public List<ComposeModelBinding> Models { get; } = [];

    /// <summary>
    /// A service built from the team's own image still runs the proxy when its process says so: it starts the
    /// <c>litellm</c> CLI, or it sets <c>CONFIG_FILE_PATH</c>, the variable LiteLLM's proxy server reads its config
    /// path from (litellm/proxy/proxy_server.py). Called by a reader once environment and command are read.
    /// </summary>
    public void RecogniseProxyProcess()
    {
        RunsProxy |= Environment.Any(e => e.Name == "CONFIG_FILE_PATH")
            || (Command.Count > 0 && Path.GetFileName(Command[0].Word) == "litellm");
    }
}

/// <summary>
/// A LiteLLM config written inside another file. <see cref="Text"/> keeps the outer file's line numbers: the lines
/// before the block are blank and the block's lines keep their indentation, so positions read from it are the
/// outer file's.
/// </summary>
public sealed record EmbeddedConfig(string Name, string Text, SourceLocation At);

/// <summary>
/// A compose service's use of a model of the top-level <c>models:</c> (Docker Model Runner): the platform runs the model and
/// sets <see cref="EndpointVariable"/> in the container to its OpenAI-compatible endpoint (long syntax <c>endpoint_var</c>;
/// short syntax: the model key upper-cased, '-' as '_', with <c>_URL</c>; compose-spec 05-services.md "models", read
/// 2026-12-01). <see cref="Model"/> is the top-level entry's <c>model</c> (<c>ai/smollm2</c>, <c>hf.co/...</c>).
/// </summary>
public sealed record ComposeModelBinding(string Key, string EndpointVariable, SourceLocation At)
{
    public string? Model { get; init; }

    public SourceLocation? ModelAt { get; init; }
}
