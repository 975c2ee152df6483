using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Servers on the developer's own machine are one row per engine (bench/CODE-CORPUS.md, re-run on merged main): Ollama
/// on :11434, LM Studio on :1234 and a server of unknown engine on :8000 in one checkout are three rows, each named for
/// what it is; the Ollama library's default host, an explicit localhost:11434 and a LiteLLM config's ollama/ model at
/// 127.0.0.1:11434 are one.
/// </summary>
public sealed class LoopbackEngineTests
{
    private const string Local = """
        from openai import OpenAI

        ollama_client = OpenAI(base_url="http://localhost:11434/v1/", api_key="ollama")
        studio = OpenAI(base_url="http://localhost:1234/v1", api_key="lm-studio")
        served = OpenAI(base_url="http://127.0.0.1:8000/v1", api_key="token")


        def compare(prompt: str):
            messages = [{"role": "user", "content": prompt}]
            a = ollama_client.chat.completions.create(model="llama3.2", messages=messages)
            b = studio.chat.completions.create(model="qwen2.5-7b-instruct", messages=messages)
            c = served.chat.completions.create(model="meta-llama/Llama-3.1-8B-Instruct", messages=messages)
            return a, b, c
        """;

    private const string Embed = """
        import ollama


        def embed(text: str):
            return ollama.embeddings(model="nomic-embed-text", prompt=text)
        """;

    private const string ProxyConfig = """
        model_list:
          - model_name: local-llama
            litellm_params:
              model: ollama/llama3.2
              api_base: http://127.0.0.1:11434
        """;

    [Fact]
    public void Three_engines_on_one_machine_are_three_rows_and_one_ollama_reached_three_ways_is_one()
    {
        var result = AuditFiles(("bench/compare.py", Local), ("rag/embed.py", Embed), ("proxy/config.yaml", ProxyConfig));

        var local = result.Model.Components.Where(c => c.Role == ComponentRole.SelfHostedInference).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["inference:localhost:8000", "inference:localhost:lm-studio", "inference:localhost:ollama"], local.Select(c => c.Id));
        var ollama = result.Model.Find("inference:localhost:ollama")!;
        Assert.Contains("Ollama", ollama.Name, StringComparison.Ordinal);
        Assert.Contains(ollama.Evidence, e => e.File == "bench/compare.py" && e.Line == 3);
        Assert.Contains(ollama.Evidence, e => e.File == "rag/embed.py");
        Assert.Contains(ollama.Evidence, e => e.File == "proxy/config.yaml");
        Assert.Contains("LM Studio", result.Model.Find("inference:localhost:lm-studio")!.Name, StringComparison.Ordinal);
        Assert.All(local, c => Assert.Equal(Hosting.OperatorHosted, c.Hosting));
    }

    [Fact]
    public void A_server_elsewhere_keeps_its_host_as_id_and_loopback_with_nothing_known_stays_localhost()
    {
        Assert.Equal("inference:gpu-box.internal", GatewayAudit.Core.Readers.HostClassifier.InferenceId("gpu-box.internal", "Ollama", 11434));
        Assert.Equal("inference:localhost", GatewayAudit.Core.Readers.HostClassifier.InferenceId("127.0.0.1", null, null));
        Assert.Equal("inference:localhost:tgi", GatewayAudit.Core.Readers.HostClassifier.InferenceId("localhost", "Text Generation Inference", 8080));
        Assert.Equal("inference:localhost:tgi", GatewayAudit.Core.Readers.HostClassifier.InferenceId("::1", "TGI", null));
    }
}
