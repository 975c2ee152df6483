using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A compose service that builds the proxy from a folder of the checkout (<c>build: ./litellm</c>, whose
/// <c>Dockerfile</c> is <c>FROM ghcr.io/berriai/litellm:...</c> and <c>COPY config.yaml /app/config.yaml</c>) runs the
/// LiteLLM proxy as a service with the image's name would: the compose reader cannot see the Dockerfile, so here the
/// service is marked as running the proxy, and each file the Dockerfile copies into the image counts as mounted
/// (relative to the build folder), before stacks are formed. The compose file then joins the config's stack, its
/// <c>environment:</c> is the proxy's, and the services beside it are the operator's, exactly as for an <c>image:</c>
/// service. A build folder whose Dockerfile is not the LiteLLM image, or a Dockerfile named otherwise
/// (<c>build.dockerfile</c>), changes nothing.
/// </summary>
public static class ComposeBuiltProxy
{
    private const string Gateway = "gateway:litellm-proxy";

    public static void Apply(IReadOnlyList<(InputFile File, ReaderResult Result)> deployments)
    {
        var images = deployments
            .Where(d => d.File.FileName == "Dockerfile" && d.Result.Deployment?.Services is [{ Kind: "Dockerfile", Image: { } image }] && image.Contains("litellm", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(d => DotEnvSampleAddress.Folder(d.File.DisplayPath), d => d.Result.Deployment!.Services[0], StringComparer.Ordinal);
        if (images.Count == 0)
        {
            return;
        }

        foreach (var (file, result) in deployments)
        {
            foreach (var service in result.Deployment?.Services.Where(s => s is { RunsProxy: false, BuildContext: not null }) ?? [])
            {
                var context = service.BuildContext!.Value.Context;
                if (ComposeBuildEnvironment.Resolve(DotEnvSampleAddress.Folder(file.DisplayPath), context) is not { } folder
                    || !images.TryGetValue(folder, out var dockerfile))
                {
                    continue;
                }

                service.RunsProxy = true;
                service.Image ??= dockerfile.Image;
                foreach (var (source, at) in dockerfile.Copies)
                {
                    service.Mounts.Add((context.TrimEnd('/') + "/" + source.TrimStart('.', '/'), at));
                }

                if (service.Command.Count == 0)
                {
                    service.Command.AddRange(dockerfile.Command);
                }

                var gateway = result.Fragment.Add(new Component { Id = Gateway, Name = "LiteLLM proxy", Role = ComponentRole.Gateway, Vendor = "litellm", Hosting = Hosting.OperatorHosted });
                gateway.Evidence.Add(service.At);
                gateway.Notes.Add($"The compose service '{service.Name}' ({service.At}) builds the proxy from {context} ({folder}/Dockerfile: {dockerfile.Image}).");
            }
        }
    }
}
