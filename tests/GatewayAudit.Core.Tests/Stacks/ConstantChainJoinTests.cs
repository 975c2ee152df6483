using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// An address defined in one module, passed on by another (a package's <c>__init__</c> re-export, a TypeScript barrel
/// file, <c>LLM_BASE_URL = GROQ_API_BASE</c>) and used in a third reaches the party it names, with evidence at each
/// line; a loop of re-exports ends without an answer (and without hanging), as does a chain that finds two values.
/// </summary>
public sealed class ConstantChainJoinTests
{
    private const string Chat = """
        from openai import OpenAI

        from app.core import OPENROUTER_BASE_URL

        client = OpenAI(base_url=OPENROUTER_BASE_URL)


        def reply(text: str) -> str:
            return client.chat.completions.create(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": text}]).choices[0].message.content
        """;

    [Fact]
    public void A_constant_re_exported_by_a_package_init_reaches_the_client_with_evidence_at_all_three_lines()
    {
        var result = AuditFiles(
            ("app/core/config.py", "import os\n\nOPENROUTER_BASE_URL = \"https://openrouter.ai/api/v1\"\n"),
            ("app/core/__init__.py", "from .config import OPENROUTER_BASE_URL\n\n__all__ = [\"OPENROUTER_BASE_URL\"]\n"),
            ("app/chat.py", Chat));

        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        var openRouter = result.Model.Find("provider:openrouter")!;
        Assert.Contains(openRouter.Evidence, e => e.File == "app/chat.py" && e.Line == 5);
        Assert.Contains(openRouter.Evidence, e => e.File == "app/core/__init__.py" && e.Line == 1);
        Assert.Contains(openRouter.Evidence, e => e.File == "app/core/config.py" && e.Line == 3);
        Assert.Contains(openRouter.Notes, n => n.Contains("passed on at app/core/__init__.py:1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_that_assigns_an_imported_constant_to_a_name_of_its_own_passes_it_on()
    {
        const string settings = """
            from app.providers import GROQ_API_BASE

            LLM_BASE_URL = GROQ_API_BASE
            """;
        const string llm = """
            from openai import OpenAI

            from app.settings import LLM_BASE_URL

            client = OpenAI(base_url=LLM_BASE_URL)
            """;
        var result = AuditFiles(("app/providers.py", "GROQ_API_BASE = \"https://api.groq.com/openai/v1\"\n"), ("app/settings.py", settings), ("app/llm.py", llm));

        var groq = result.Model.Find("provider:groq")!;
        Assert.Contains(groq.Evidence, e => e.File == "app/llm.py" && e.Line == 5);
        Assert.Contains(groq.Evidence, e => e.File == "app/settings.py" && e.Line == 3);
        Assert.Contains(groq.Evidence, e => e.File == "app/providers.py" && e.Line == 1);
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_TypeScript_barrel_file_passes_a_base_URL_on()
    {
        const string route = """
            import OpenAI from 'openai';
            import { DEEPSEEK_BASE_URL } from '@/lib';

            const client = new OpenAI({ baseURL: DEEPSEEK_BASE_URL, apiKey: process.env.DEEPSEEK_API_KEY });

            export async function POST(req: Request) {
              const { prompt } = await req.json();
              const completion = await client.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'user', content: prompt }] });
              return Response.json(completion.choices[0].message);
            }
            """;
        var result = AuditFiles(
            ("lib/deepseek.ts", "export const DEEPSEEK_BASE_URL = 'https://api.deepseek.com/v1';\n"),
            ("lib/index.ts", "export { DEEPSEEK_BASE_URL } from './deepseek';\nexport * from './utils';\n"),
            ("app/api/chat/route.ts", route));

        var deepSeek = result.Model.Find("provider:deepseek")!;
        Assert.Contains(deepSeek.Evidence, e => e.File == "app/api/chat/route.ts" && e.Line == 4);
        Assert.Contains(deepSeek.Evidence, e => e.File == "lib/index.ts" && e.Line == 1);
        Assert.DoesNotContain(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loop_of_re_exports_ends_with_the_endpoint_still_unknown()
    {
        var result = AuditFiles(
            ("app/a.py", "from app.b import OPENROUTER_BASE_URL\n"),
            ("app/b.py", "from app.a import OPENROUTER_BASE_URL\n"),
            ("app/chat.py", Chat.Replace("from app.core import", "from app.a import", StringComparison.Ordinal)));

        Assert.Contains(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal));
        Assert.Null(result.Model.Find("provider:openrouter"));
    }

    [Fact]
    public void A_chain_that_reaches_two_different_values_stays_unknown()
    {
        var result = AuditFiles(
            ("app/core/eu.py", "OPENROUTER_BASE_URL = \"https://eu.openrouter.ai/api/v1\"\n"),
            ("app/core/us.py", "OPENROUTER_BASE_URL = \"https://api.groq.com/openai/v1\"\n"),
            ("app/core/__init__.py", "from .eu import OPENROUTER_BASE_URL\nfrom .us import OPENROUTER_BASE_URL\n"),
            ("app/chat.py", Chat));

        Assert.Contains(result.Model.Components, c => c.Id.StartsWith("provider:unresolved:", StringComparison.Ordinal)
            && c.Evidence.Any(e => e.File == "app/chat.py"));
    }
}
