using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Code;

namespace GatewayAudit.Core.Tests.Readers.Code;

/// <summary>Helicone in code yields what a Helicone settings file yields: the upstream under Helicone, and the omit headers.</summary>
public sealed class HeliconeInCodeTests
{
    private const string Client = """
        import OpenAI from "openai";

        const client = new OpenAI({
          baseURL: "https://oai.helicone.ai/v1",
          defaultHeaders: {
            "Helicone-Auth": `Bearer ${process.env.HELICONE_API_KEY}`,
            "Helicone-Omit-Request": "true",
            "Helicone-Omit-Response": "false",
          },
        });
        export const ask = (q: string) => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });

        """;

    [Fact]
    public void A_dedicated_Helicone_host_puts_its_provider_under_Helicone_and_omit_request_is_sent_not_stored()
    {
        var model = new JavaScriptSourceReader().Read(new InputFile("web/llm.ts", "/scan/web/llm.ts", Client, namedExplicitly: false)).Fragment;
        var openAi = model.Find("provider:helicone-upstream:openai")!;
        Assert.Equal(("provider:helicone", "openai", "OpenAI", "operator"), (openAi.SubProcessorOf, openAi.Vendor, openAi.Name, openAi.Attributes["providerAccount"]));
        Assert.Equal("web/llm.ts:3", openAi.Evidence.First().ToString()); // the client whose base URL names the host

        var helicone = model.Find("provider:helicone")!;
        Assert.Equal(true, helicone.Attributes["omitRequest"]);
        Assert.Null(helicone.Attributes["omitResponse"]);
        Assert.Equal("web/llm.ts:7", helicone.Attributes.Origin("omitRequest")!.ToString());
        Assert.Contains(helicone.Notes, n => n.StartsWith("Helicone-Omit-Request: true: the request (the prompt) is still sent to Helicone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Helicone_host_with_no_upstream_in_its_name_adds_no_provider()
    {
        var text = Client.Replace("https://oai.helicone.ai/v1", "https://gateway.helicone.ai", StringComparison.Ordinal);
        var model = new JavaScriptSourceReader().Read(new InputFile("web/llm.ts", "/scan/web/llm.ts", text, namedExplicitly: false)).Fragment;
        Assert.DoesNotContain(model.Components, c => c.SubProcessorOf == "provider:helicone");
    }

    // Second held-out code run, class 2c: the cache header in code is the retention surface a settings file gives.

    private static StackModel Read(string path, string text, LexicalSourceReader reader) =>
        reader.Read(new InputFile(path, "/scan/" + path, text, namedExplicitly: false)).Fragment;

    [Fact]
    public void A_cache_header_in_code_keeps_responses_at_Helicone_for_its_default_seven_days()
    {
        var text = Client.Replace("\"Helicone-Omit-Request\": \"true\"", "'Helicone-Cache-Enabled': 'true'", StringComparison.Ordinal);
        var model = Read("src/pages/api/llm.ts", text, new JavaScriptSourceReader());
        var cache = model.Find("cache:helicone")!;
        Assert.Equal((ComponentRole.Cache, Hosting.ThirdParty), (cache.Role, cache.Hosting));
        Assert.Equal(7, cache.Retention!.Value.Days);
        Assert.Equal("src/pages/api/llm.ts:7", cache.Evidence.First().ToString());
        Assert.Contains(model.Flows, f => f.From == "provider:helicone" && f.To == "cache:helicone" && f.DataCategories.Contains(DataCategory.Prompt));
    }

    [Fact]
    public void A_cache_control_max_age_beside_the_cache_header_bounds_it()
    {
        const string Python = """
            from openai import OpenAI

            client = OpenAI(
                base_url="https://oai.helicone.ai/v1",
                default_headers={
                    "Helicone-Auth": f"Bearer {os.environ['HELICONE_API_KEY']}",
                    "Helicone-Cache-Enabled": "true",
                    "Cache-Control": "max-age=3600",
                },
            )
            reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])

            """;
        var cache = Read("api/transcripts/index.py", Python, new PythonSourceReader()).Find("cache:helicone")!;
        Assert.Equal(3600L, cache.Attributes["ttlSeconds"]);
        Assert.Equal("api/transcripts/index.py:8", cache.Retention!.Evidence.ToString());
    }

    [Theory]
    [InlineData("\"Helicone-Omit-Request\": \"true\"")]
    [InlineData("'Helicone-Cache-Enabled': 'false'")]
    public void Without_the_cache_header_on_there_is_no_cache(string header)
    {
        var text = Client.Replace("\"Helicone-Omit-Request\": \"true\"", header, StringComparison.Ordinal);
        Assert.Null(Read("web/llm.ts", text, new JavaScriptSourceReader()).Find("cache:helicone"));
    }
}
