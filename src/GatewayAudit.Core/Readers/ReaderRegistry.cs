using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Readers.Deployment;
using GatewayAudit.Core.Readers.DotNet;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Readers.LiteLlm;
using GatewayAudit.Core.Readers.Spring;

namespace GatewayAudit.Core.Readers;

/// <summary>
/// The one place readers are registered. The first reader that recognises a file reads it, so the LiteLLM config
/// reader comes first; the deployment readers after it only claim files that name a LiteLLM image, chart or package; the
/// source-code readers take source files; the Spring Boot reader takes application.yml/.properties (and profile and
/// bootstrap variants), the Spring AI build reader pom.xml and build.gradle(.kts); the .NET settings reader takes appsettings*.json; the embedded-config reader takes any other YAML file whose text holds a
/// LiteLLM config; the gateway file readers (OpenRouter, Portkey, Helicone, Cloudflare AI Gateway) come last, for
/// files of their shape.
/// </summary>
public static class ReaderRegistry
{
    public static IReadOnlyList<IConfigReader> Default { get; } =
    [
        new LiteLlmConfigReader(),
        new ComposeReader(),
        new HelmValuesReader(),
        new HelmfileReader(),
        new KubernetesReader(),
        new HelmTemplateReader(),
        new DockerfileReader(),
        new RequirementsReader(),
        new PyprojectReader(),
        new DotEnvReader(),
        new PackageIndexConfigReader(),
        new SpringAiStarterReader(), // before the Kotlin reader takes build.gradle.kts
        new CSharpSourceReader(),
        new PythonSourceReader(),
        new NotebookSourceReader(),
        new JavaScriptSourceReader(),
        new GoSourceReader(),
        new JavaSourceReader(),
        new SpringConfigReader(),
        new AppSettingsReader(),
        new EmbeddedConfigReader(),

        // Hosted gateways' configs and request bodies (JSON or YAML), recognised by shape after everything above.
        new PortkeyConfigReader(),
        new OpenRouterFileReader(),
        new HeliconeConfigReader(),
        new CloudflareAiGatewayReader(),
    ];
}
