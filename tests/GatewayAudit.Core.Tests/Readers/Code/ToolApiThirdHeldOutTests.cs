using GatewayAudit.Core.Model;
using GatewayAudit.Core.Tests.Readers;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>
/// The five tool APIs the third held-out code run missed (bench/CODE-CORPUS.md, class 3): Mindee's .NET client reading
/// identity papers, Lemonfox speech from a URL kept in a field, Mapbox geocoding from an f-string URL, Exa's JS client and
/// Bright Data's MCP server started for a crew. Fixtures are written in the shape of that code, with must-not-find cases.
/// </summary>
public sealed class ToolApiThirdHeldOutTests
{
    internal static Component Tool(StackModel model, string vendor, string evidence)
    {
        var tool = Assert.Single(model.Components, c => c.Id == "tool:" + vendor);
        Assert.Equal(ComponentRole.ToolApi, tool.Role);
        Assert.Equal(Hosting.ThirdParty, tool.Hosting);
        Assert.Contains(tool.Evidence, e => e.ToString() == evidence);
        var flow = Assert.Single(model.Flows, f => f.To == tool.Id);
        Assert.Equal("prompt,metadata", flow.Categories());
        return tool;
    }

    [Fact]
    public void A_mindee_client_in_csharp_is_a_document_ocr_tool_and_a_commented_one_is_not()
    {
        var model = CSharpSourceReaderTests.Read("Bot/Documents.cs", """
            using Mindee;
            using Mindee.Input;
            using Mindee.Product.Passport;

            public static class Documents
            {
                public static async Task<string> ReadPassportAsync(string apiKey, string path)
                {
                    MindeeClient mindeeClient = new MindeeClient(apiKey);
                    var inputSource = new LocalInputSource(path);
                    var response = await mindeeClient.ParseAsync<PassportV1>(inputSource);
                    return response.Document.ToString();
                }
            }

            """);
        Assert.Equal("document OCR and extraction", Tool(model, "mindee", "Bot/Documents.cs:9").Attributes["purpose"]);

        var commented = CSharpSourceReaderTests.Read("Bot/Later.cs", """
            public static class Later
            {
                // var mindeeClient = new MindeeClient(apiKey);
                public static string Note => "Mindee parsing comes later";
            }

            """);
        Assert.DoesNotContain(commented.Components, c => c.Role == ComponentRole.ToolApi);
    }

    [Fact]
    public void A_lemonfox_url_kept_in_a_field_is_speech_synthesis_and_the_same_host_in_a_log_line_adds_no_evidence()
    {
        var model = CorpusShapeTests.Python("backend/services/speech.py", """
            import os

            import requests
            from loguru import logger


            class SpeechService:
                def __init__(self):
                    self.api_key = os.environ.get("LEMONFOX_API_KEY")
                    self.base_url = "https://api.lemonfox.ai/v1/audio/speech"

                def speak(self, script: str, voice: str = "sarah") -> bytes:
                    logger.info("speaking through https://api.lemonfox.ai with voice {}", voice)
                    response = requests.post(self.base_url, headers={"Authorization": f"Bearer {self.api_key}"}, json={"input": script, "voice": voice})
                    return response.content

            """);
        var lemonfox = Tool(model, "lemonfox", "backend/services/speech.py:10");
        Assert.Equal("speech synthesis and transcription", lemonfox.Attributes["purpose"]);
        Assert.DoesNotContain(lemonfox.Evidence, e => e.Line == 13);
    }

    [Fact]
    public void A_mapbox_geocoding_url_in_an_f_string_is_a_tool_and_a_docstring_naming_it_is_not()
    {
        var model = CorpusShapeTests.Python("weather/agent.py", """
            import urllib.parse

            import httpx


            async def get_lat_lng(client: httpx.AsyncClient, key: str, location_description: str) -> dict:
                \"\"\"Geocode with Mapbox (https://api.mapbox.com/geocoding/v5).\"\"\"
                params = {'access_token': key}
                loc = urllib.parse.quote(location_description)
                r = await client.get(
                    f'https://api.mapbox.com/geocoding/v5/mapbox.places/{loc}.json', params=params
                )
                r.raise_for_status()
                return r.json()

            """);
        var mapbox = Tool(model, "mapbox", "weather/agent.py:11");
        Assert.Equal("geocoding of place names", mapbox.Attributes["purpose"]);
        Assert.DoesNotContain(mapbox.Evidence, e => e.Line == 7);

        var prose = CorpusShapeTests.Python("weather/readme_text.py", """
            HELP = "Locations are geocoded by Mapbox; see https://docs.mapbox.com for the terms."

            """);
        Assert.DoesNotContain(prose.Components, c => c.Role == ComponentRole.ToolApi);
    }

    [Fact]
    public void An_exa_client_from_exa_js_is_web_search_and_the_package_only_imported_is_possible()
    {
        var model = CorpusShapeTests.JavaScript("pages/api/search/index.js", """
            import Exa from 'exa-js';

            const handler = async (req, res) => {
              const { query } = req.body;
              const exa = new Exa(process.env.EXASEARCH_API_KEY);
              const results = await exa.search(query, { numResults: 20, useAutoprompt: false });
              res.json(results);
            };

            export default handler;

            """);
        Assert.Equal("web search on queries built from prompts", Tool(model, "exa", "pages/api/search/index.js:5").Attributes["purpose"]);

        var imported = CorpusShapeTests.Python("search/types.py", """
            from exa_py.api import SearchResponse

            def titles(response: SearchResponse) -> list[str]:
                return [r.title for r in response.results]

            """);
        var possible = Assert.Single(imported.Components, c => c.Id == "tool:exa");
        Assert.Equal("import-only", possible.Attributes["confidence"]);
    }

    [Fact]
    public void Bright_datas_mcp_server_started_for_a_crew_is_a_search_and_scraping_tool_and_its_name_in_prose_is_not()
    {
        var model = CorpusShapeTests.Python("backend/agents/topic_research.py", """
            import os

            from crewai_tools import MCPServerAdapter
            from mcp import StdioServerParameters

            server_params = StdioServerParameters(
                command="pnpm",
                args=["dlx", "@brightdata/mcp"],
                env={"API_TOKEN": os.environ["BRIGHT_DATA_API_TOKEN"]},
            )


            async def research(topic: str):
                with MCPServerAdapter(server_params) as tools:
                    return [tool for tool in tools if tool.name in ["search_engine", "scrape_as_markdown"]]

            """);
        var brightData = Tool(model, "bright-data", "backend/agents/topic_research.py:8");
        Assert.Equal("web search and scraping on queries built from prompts", brightData.Attributes["purpose"]);

        var typescript = CorpusShapeTests.JavaScript("src/mcp.ts", """
            import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

            export const transport = new StdioClientTransport({ command: "npx", args: ["-y", "@brightdata/mcp@2.4.1"] });

            """);
        Tool(typescript, "bright-data", "src/mcp.ts:3");

        var prose = CorpusShapeTests.Python("backend/docs.py", """
            # server = StdioServerParameters(command="npx", args=["@brightdata/mcp"])
            NOTE = "We used to start @brightdata/mcp here."
            EMPTY = ""
            AT = "@"

            """);
        Assert.DoesNotContain(prose.Components, c => c.Role == ComponentRole.ToolApi);
    }

    [Fact]
    public void Pydantic_ai_model_names_held_in_a_list_are_possible_providers_and_prose_or_other_files_name_none()
    {
        var model = CorpusShapeTests.Python("examples/stream_markdown.py", """
            import os

            from pydantic_ai import Agent
            from pydantic_ai.models import KnownModelName

            agent = Agent()

            # models to try, and the variable that must be set for each
            models: list[tuple[KnownModelName, str]] = [
                ('google-gla:gemini-1.5-flash', 'GEMINI_API_KEY'),
                ('groq:llama-3.3-70b-versatile', 'GROQ_API_KEY'),
            ]


            async def main():
                for model, env_var in models:
                    if env_var in os.environ:
                        async with agent.run_stream('Show me a short example of using Pydantic.', model=model) as result:
                            print(await result.get_output())
                print("see groq: fast inference")

            """);
        var gemini = Assert.Single(model.Components, c => c.Id == "provider:google-gemini-api");
        Assert.Equal("presumed", gemini.Attributes["confidence"]);
        Assert.Contains(gemini.Evidence, e => e.ToString() == "examples/stream_markdown.py:10");
        Assert.Contains(gemini.Notes, n => n.Contains("'google-gla:gemini-1.5-flash' is held as data", StringComparison.Ordinal));
        var groq = Assert.Single(model.Components, c => c.Id == "provider:groq");
        Assert.Equal("presumed", groq.Attributes["confidence"]);
        Assert.DoesNotContain(groq.Evidence, e => e.Line == 21);

        var notPydantic = CorpusShapeTests.Python("config/models.py", """
            CHOICES = ['google-gla:gemini-1.5-flash', 'groq:llama-3.3-70b-versatile']

            """);
        Assert.DoesNotContain(notPydantic.Components, c => c.Role == ComponentRole.ModelProvider);
    }
}
