using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Readers.Deployment;
using GatewayAudit.Core.Readers.LiteLlm;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// The one place readers are registered. The first reader that recognises a file reads it, so the LiteLLM config
/// reader comes first; the deployment readers after it only claim files that name a LiteLLM image or package; the
/// embedded-config reader comes last and takes any other YAML file whose text holds a LiteLLM config.
/// </summary>
public static class ReaderRegistry
{
    public static IReadOnlyList<IConfigReader> Default { get; } =
    [
        new LiteLlmConfigReader(),
        new ComposeReader(),
        new HelmValuesReader(),
        new KubernetesReader(),
        new HelmTemplateReader(),
        new DockerfileReader(),
        new RequirementsReader(),
        new PyprojectReader(),
        new DotEnvReader(),
        new CSharpSourceReader(),
        new PythonSourceReader(),
        new JavaScriptSourceReader(),
        new GoSourceReader(),
        new JavaSourceReader(),
        new EmbeddedConfigReader(),
    ];
}
