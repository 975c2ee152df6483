using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Stacks;

/// <summary>
/// A chart values file (<c>proxy_config:</c> of LiteLLM's Helm chart) in the folder of a helmfile that installs the
/// chart but names no such file among its release's values is not what the release deploys: platform repositories keep
/// the chart's defaults beside the helmfile for reference (<c>original-values.yaml</c>, with the chart's example
/// models) while the release writes its own values inline. Its embedded config is not read as a running proxy's; a
/// warning says why, and its literal secrets are still reported. Found in the fourth held-out code run
/// (bench/CODE-CORPUS.md, class 1: the chart's example OpenAI and mock endpoint were listed as parties).
/// </summary>
internal static class HelmfileValues
{
    public static void SetAsideUnreferenced(List<(InputFile File, ReaderResult Result)> deployments, List<Diagnostic> diagnostics)
    {
        var helmfiles = deployments.Where(d => d.Result.Deployment?.Services.Any(s => s.Kind == HelmfileRelease) == true).ToList();
        if (helmfiles.Count == 0)
        {
            return;
        }

        foreach (var (file, result) in deployments)
        {
            var facts = result.Deployment;
            if (facts is null || facts.Services.Any(s => s.Kind == HelmfileRelease) || !facts.EmbeddedConfigs.Any(c => c.Name == "proxy_config"))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(file.FullPath);
            var beside = helmfiles.Where(h => Path.GetDirectoryName(h.File.FullPath) == folder).ToList();
            if (beside.Count == 0 || beside.Any(h => h.Result.Deployment!.ValuesFiles.Contains(file.FileName, StringComparer.Ordinal)))
            {
                continue;
            }

            facts.EmbeddedConfigs.RemoveAll(c => c.Name == "proxy_config");
            facts.Services.RemoveAll(s => s.RunsProxy);
            diagnostics.Add(Diagnostic.Warning("helm-values-not-deployed",
                $"{file.DisplayPath} holds LiteLLM chart values, but the helmfile beside it ({beside[0].File.DisplayPath}) writes its release's values inline and does not name this file: read as a reference copy, not as the deployed proxy's config",
                file.At(1)));
        }
    }

    /// <summary>The service kind <see cref="Readers.Deployment.HelmfileReader"/> gives its release.</summary>
    public const string HelmfileRelease = "helmfile release";
}
