using GatewayAudit.Core.Model;
using GatewayAudit.Core.Reports;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;
using static GatewayAudit.Core.Tests.Readers.Code.CorpusShapeTests;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// The ollama Python and JavaScript libraries send to http://127.0.0.1:11434 when no host is given: a call through
/// their default client is the same local server as an OpenAI client pointed at localhost:11434, one party however
/// the code reaches it (bench/CODE-CORPUS.md class 9); a client given another host is that host's server.
/// </summary>
public sealed class OllamaDefaultHostTests
{
    // A RAG worker: embeddings through the ollama module's default client, chat through the OpenAI SDK at Ollama's port.
    private const string Embeddings = """
        import ollama

        def embed(chunks: list[str]) -> list[list[float]]:
            return [ollama.embeddings(model="nomic-embed-text", prompt=chunk)["embedding"] for chunk in chunks]

        """;

    private const string Chat = """
        from openai import OpenAI

        client = OpenAI(base_url="http://localhost:11434/v1/", api_key="ollama")

        def answer(question: str, context: str) -> str:
            reply = client.chat.completions.create(model="llama3.2", messages=[{"role": "user", "content": context + question}])
            return reply.choices[0].message.content

        """;

    private const string Clients = """
        from ollama import Client

        local = Client()
        gpu = Client(host="http://gpu-box.internal:11434")

        def summarise(text: str) -> str:
            draft = local.chat(model="llama3.2", messages=[{"role": "user", "content": text}])
            return gpu.chat(model="llama3.3:70b", messages=[{"role": "user", "content": draft["message"]["content"]}])["message"]["content"]

        """;

    private const string JavaScript = """
        import ollama from 'ollama';

        export async function tag(text) {
          const response = await ollama.chat({ model: 'llama3.2', messages: [{ role: 'user', content: text }] });
          return response.message.content;
        }

        """;

    [Fact]
    public void The_module_default_client_is_the_local_server_with_its_default_address_and_override()
    {
        var local = Python("rag/embed.py", Embeddings).Find("inference:localhost:ollama")!;
        Assert.Equal((ComponentRole.SelfHostedInference, Hosting.OperatorHosted), (local.Role, local.Hosting));
        Assert.Contains(local.Notes, n => n.Contains("127.0.0.1:11434", StringComparison.Ordinal) && n.Contains("OLLAMA_HOST", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_with_no_host_is_local_and_one_with_a_host_is_that_server()
    {
        var model = Python("rag/summarise.py", Clients);
        Assert.Equal(["inference:gpu-box.internal", "inference:localhost:ollama"], model.Components.Where(c => c.Role == ComponentRole.SelfHostedInference).Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_javascript_librarys_default_export_is_the_same_local_server()
    {
        var model = new GatewayAudit.Core.Readers.Code.JavaScriptSourceReader().Read(new GatewayAudit.Core.Readers.InputFile("web/tag.js", "/scan/web/tag.js", JavaScript, namedExplicitly: false)).Fragment;
        Assert.Equal("inference:localhost:ollama", Assert.Single(model.Components, c => c.Role == ComponentRole.SelfHostedInference).Id);
    }

    [Fact]
    public void One_checkout_calling_the_same_local_Ollama_two_ways_lists_it_once()
    {
        using var folder = new TemporaryFolder();
        folder.Write("rag/embed.py", Embeddings);
        folder.Write("rag/answer.py", Chat);
        var report = ReportBuilder.Build(Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 11, 30) }));
        var local = Assert.Single(report.Components, c => c.Role == "self-hosted-inference");
        Assert.Equal("inference:localhost:ollama", local.Id);
        Assert.Equal(["rag/answer.py", "rag/embed.py"], local.Evidence.Select(e => e.File).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_loopback_address_is_the_same_machine_as_localhost_in_python_and_csharp()
    {
        var python = Python("local/chat.py", Chat.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)).Find("inference:localhost:ollama")!;
        Assert.Equal("127.0.0.1", python.Attributes["host"]);

        const string CSharp = """
            using OpenAI;
            using OpenAI.Chat;

            var chat = new ChatClient("llama3.2", new System.ClientModel.ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:11434/v1") });
            var reply = await chat.CompleteChatAsync("hello");
            """;
        var csharp = new GatewayAudit.Core.Readers.Code.CSharpSourceReader().Read(new GatewayAudit.Core.Readers.InputFile("src/Program.cs", "/scan/src/Program.cs", CSharp, namedExplicitly: false)).Fragment;
        Assert.Equal("inference:localhost:ollama", Assert.Single(csharp.Components, c => c.Role == ComponentRole.SelfHostedInference).Id);
    }
}
