using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Scanning;
using GatewayAudit.Core.Tests.Policies;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// Defect classes of the seventh held-out code run (bench/CODE-CORPUS.md, "Seventh held-out run"): a Telegram bot that
/// lives only in a Jupyter notebook (class A). Fixtures are written in the shape of that code, never copied from it,
/// each with a must-not-find case.
/// </summary>
public sealed class SeventhHeldOutShapeTests
{
    // nbformat 4 as Jupyter writes it: one JSON string per source line, so each line of code has a line of its own.
    private const string VoiceBotNotebook = """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "metadata": {},
           "source": [
            "# Voice helper\n",
            "We tried `https://api.anthropic.com/v1/messages` first, then moved on."
           ]
          },
          {
           "cell_type": "code",
           "execution_count": 1,
           "metadata": {},
           "outputs": [
            {
             "name": "stdout",
             "output_type": "stream",
             "text": [
              "Collecting openai\n",
              "  Downloading from https://api.openai.com/v1/files ... done\n"
             ]
            }
           ],
           "source": [
            "!pip install requests python-telegram-bot --quiet\n",
            "%env ROUTER_KEY=set-me-later"
           ]
          },
          {
           "cell_type": "code",
           "execution_count": 2,
           "metadata": {},
           "outputs": [],
           "source": [
            "import os\n",
            "import requests\n",
            "\n",
            "def reply_to(text):\n",
            "    headers = {\"Authorization\": f\"Bearer {os.environ['ROUTER_KEY']}\"}\n",
            "    body = {\"model\": \"some-lab/some-chat-model\", \"messages\": [{\"role\": \"user\", \"content\": text}]}\n",
            "    answer = requests.post(\"https://openrouter.ai/api/v1/chat/completions\", headers=headers, json=body)\n",
            "    return answer.json()[\"choices\"][0][\"message\"][\"content\"]"
           ]
          }
         ],
         "metadata": {"kernelspec": {"name": "python3"}},
         "nbformat": 4,
         "nbformat_minor": 0
        }
        """;

    private static StackModel Notebook(string path, string text)
    {
        var file = new InputFile(path, "/scan/" + path, text, namedExplicitly: false);
        var reader = ReaderRegistry.Default.OfType<LexicalSourceReader>().Single(r => r.Extensions.Contains(file.Extension));
        Assert.True(reader.Recognizes(file));
        var result = reader.Read(file);
        Assert.Empty(result.Diagnostics);
        return result.Fragment;
    }

    [Fact]
    public void A_notebook_code_cell_calling_openrouter_is_found_on_its_notebook_line_and_prose_outputs_and_shell_lines_are_not()
    {
        var model = Notebook("bot/VoiceHelper.ipynb", VoiceBotNotebook);
        var router = Assert.Single(model.Components, c => c.Id == "provider:openrouter");
        Assert.Equal(Hosting.ThirdParty, router.Hosting);
        Assert.Contains(router.Evidence, e => e.File == "bot/VoiceHelper.ipynb" && e.Line == 42);

        // The markdown cell's Anthropic URL, the pip output's OpenAI URL and the shell line's packages are no calls.
        Assert.DoesNotContain(model.Components, c => c.Vendor is "anthropic" or "openai");
    }

    [Fact]
    public void A_compact_notebook_and_one_string_sources_are_read_too()
    {
        var compact = """{"cells":[{"cell_type":"code","source":"import requests\nrequests.post('https://openrouter.ai/api/v1/chat/completions', json={'messages': []})\n","metadata":{},"outputs":[]}],"nbformat":4,"nbformat_minor":5}""";
        Assert.Contains(Notebook("compact.ipynb", compact).Components, c => c.Id == "provider:openrouter");
        Assert.Equal("", NotebookCells.PythonText("[]"));
    }

    [Fact]
    public void A_notebook_that_is_not_valid_json_is_a_warning_at_its_line_that_quotes_nothing_of_it()
    {
        // Cut off mid-cell (a merge conflict or a truncated save), with a key on the broken line.
        var broken = "{\n \"cells\": [\n  {\"cell_type\": \"code\", \"source\": [\"requests.post('https://openrouter.ai/api/v1', headers={'Authorization': 'Bearer sk-or-v1-0123456789abcdef0123456789abcdef'})\"\n  <<<<<<< HEAD\n";
        var file = new InputFile("bot/Broken.ipynb", "/scan/bot/Broken.ipynb", broken, namedExplicitly: false);
        var reader = ReaderRegistry.Default.OfType<LexicalSourceReader>().Single(r => r.Extensions.Contains(file.Extension));
        var result = reader.Read(file);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("notebook-unreadable", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal("bot/Broken.ipynb:4", warning.Location.ToString());
        Assert.DoesNotContain("sk-or", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<<<", warning.Message, StringComparison.Ordinal);
        Assert.Empty(result.Fragment.Components);
    }

    [Fact]
    public void A_checkout_whose_only_code_is_a_notebook_gets_a_report_naming_the_party()
    {
        using var folder = new TemporaryFolder();
        folder.Write("VoiceHelper.ipynb", VoiceBotNotebook);
        folder.Write("README.md", "# Voice helper\nAnswers through https://api.anthropic.com in the next version.\n");
        var audit = Auditor.Default.Run(new AuditOptions { Paths = ["."], WorkingDirectory = folder.Path, Today = new DateOnly(2026, 12, 1) });
        Assert.True(audit.Complete, string.Join('\n', audit.Diagnostics));
        Assert.Contains(audit.Model.Components, c => c.Id == "provider:openrouter");
        Assert.DoesNotContain(audit.Model.Components, c => c.Vendor == "anthropic");
    }

    [Fact]
    public void Spring_placeholders_with_an_empty_or_nested_default_are_no_literal_secrets_but_a_real_key_as_default_is()
    {
        const string Placeholders = """
            spring:
              datasource:
                url: jdbc:postgresql://${DB_HOST:localhost}:5432/judge
                username: ${DB_USER:judge}
                password: ${DB_PASSWORD:${POSTGRES_PASSWORD:changeme}}
            assistant:
              router:
                key: ${ROUTER_API_KEY:}
              backup:
                password: ${BACKUP_PASSWORD:change-me}
            """;
        var quiet = Spring("src/main/resources/application.yml", Placeholders);
        Assert.Empty(quiet.Fragment.Secrets);

        const string RealDefault = "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";
        var loud = Spring("src/main/resources/application.yml", $$"""
            assistant:
              router:
                key: ${ROUTER_API_KEY:{{RealDefault}}}
            spring:
              datasource:
                password: s3cr3t-Judge-Db-2024
            """);
        Assert.Equal([3, 6], loud.Fragment.Secrets.Select(s => s.Location.Line).Order());
        Assert.DoesNotContain(loud.Fragment.Secrets, s => s.Redacted.Contains(RealDefault, StringComparison.Ordinal));
    }

    private static ReaderResult Spring(string name, string text) =>
        new Core.Readers.Spring.SpringConfigReader().Read(new InputFile(name, "/scan/" + name, text, namedExplicitly: false));

    [Fact]
    public void A_litellm_model_that_answers_with_mock_response_calls_no_provider_and_its_key_is_no_secret()
    {
        var result = ReaderHarness.Read("""
            model_list:
              - model_name: smoke-test
                litellm_params:
                  model: openai/smoke-test
                  api_key: mock-key
                  mock_response: "Hello from the proxy; no provider was called."
              - model_name: chat
                litellm_params:
                  model: anthropic/claude-sonnet-4-5
                  api_key: os.environ/ANTHROPIC_API_KEY
            general_settings:
              master_key: os.environ/PROXY_MASTER_KEY
            """);
        Assert.DoesNotContain(result.Fragment.Components, c => c.Vendor == "openai");
        Assert.Contains(result.Fragment.Components, c => c.Vendor == "anthropic");
        Assert.Empty(result.Fragment.Secrets);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "litellm-mock-model");
        Assert.Equal(4, warning.Location.Line);

        // A real-looking key pasted under a mock model is still a leaked credential; the same model without
        // mock_response is a call to OpenAI whose literal key is reported.
        var pasted = ReaderHarness.Read("""
            model_list:
              - model_name: smoke-test
                litellm_params:
                  model: openai/smoke-test
                  api_key: sk-proj-4Qw8Zt2Lp9Xv6Nc3Rb7Hy1Km5Jd0Fs8Ga2Te4Uo6Wi9Pe3Lr
                  mock_response: "Hello"
            """);
        Assert.DoesNotContain(pasted.Fragment.Components, c => c.Vendor == "openai");
        Assert.Single(pasted.Fragment.Secrets);

        var real = ReaderHarness.Read("""
            model_list:
              - model_name: smoke-test
                litellm_params:
                  model: openai/smoke-test
                  api_key: smoke-key-for-the-kind-cluster
            """);
        Assert.Contains(real.Fragment.Components, c => c.Vendor == "openai");
        Assert.Single(real.Fragment.Secrets);
    }

    [Fact]
    public void Semantic_kernels_bing_connector_and_a_fetch_to_bings_search_api_are_the_bing_search_tool()
    {
        var kernel = CSharpSourceReaderTests.Read("Demos.WebSearch/Program.cs", """
            using Microsoft.Extensions.Configuration;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Plugins.Web;
            using Microsoft.SemanticKernel.Plugins.Web.Bing;

            var settings = new ConfigurationBuilder().AddUserSecrets<Program>().Build();
            var kernel = Kernel.CreateBuilder()
                .AddAzureOpenAIChatCompletion(settings["Chat:Deployment"]!, settings["Chat:Endpoint"]!, settings["Chat:Key"]!)
                .Build();

            var search = new BingConnector(settings["Search:Key"]!);
            kernel.ImportPluginFromObject(new WebSearchEnginePlugin(search), "web");
            Console.WriteLine(await kernel.InvokePromptAsync("Who won yesterday's match? {{web.search $input}}"));

            """);
        var bing = ToolApiThirdHeldOutTests.Tool(kernel, "bing-search", "Demos.WebSearch/Program.cs:11");
        Assert.Equal(Hosting.ThirdParty, bing.Hosting);

        var script = CorpusShapeTests.Python("tools/web.py", """
            import os
            import requests


            def web_search(query):
                response = requests.get(
                    "https://api.bing.microsoft.com/v7.0/search",
                    headers={"Ocp-Apim-Subscription-Key": os.environ["SEARCH_KEY"]},
                    params={"q": query},
                )
                return response.json()["webPages"]["value"]

            """);
        ToolApiThirdHeldOutTests.Tool(script, "bing-search", "tools/web.py:7");

        // Named only in a comment, or a type that merely shares the name's start, is no client.
        var quiet = CSharpSourceReaderTests.Read("Demos.WebSearch/Notes.cs", """
            // TODO: new BingConnector(key) once the Bing resource exists (https://api.bing.microsoft.com retired?)
            public sealed class BingConnectorSettings
            {
                public string Key { get; init; } = "";
            }

            """);
        Assert.DoesNotContain(quiet.Components, c => c.Vendor == "bing-search");
    }

    [Fact]
    public void Gtts_speaks_the_answer_through_google_translate_and_a_class_of_the_same_name_is_not_it()
    {
        var bot = CorpusShapeTests.Python("bot/voice.py", """
            from gtts import gTTS


            def speak(answer, lang="hi"):
                speech = gTTS(text=answer, lang=lang)
                speech.save("reply.mp3")
                return "reply.mp3"

            """);
        var google = ToolApiThirdHeldOutTests.Tool(bot, "google-translate-tts", "bot/voice.py:5");
        Assert.Equal(Hosting.ThirdParty, google.Hosting);

        // The project's own class of that name, not imported from gtts, sends nothing to Google.
        var own = CorpusShapeTests.Python("bot/speech.py", """
            class gTTS:
                def __init__(self, text):
                    self.text = text


            def speak(answer):
                return gTTS(answer)

            """);
        Assert.DoesNotContain(own.Components, c => c.Vendor == "google-translate-tts");

        // In a notebook too: the notebook reader hands the cell to the same Python vocabulary.
        var notebook = Notebook("Speak.ipynb", """
            {
             "cells": [
              {
               "cell_type": "code",
               "metadata": {},
               "outputs": [],
               "source": [
                "from gtts import gTTS\n",
                "gTTS(text=\"Namaste\", lang=\"hi\").save(\"reply.mp3\")"
               ]
              }
             ],
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """);
        ToolApiThirdHeldOutTests.Tool(notebook, "google-translate-tts", "Speak.ipynb:9");
    }
}
