using GatewayAudit.Core.Model;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>
/// A plain <c>litellm==X</c> (no <c>[proxy]</c> extra) versions the proxy only when a proxy config lies in the same
/// folder; elsewhere it is an application's SDK dependency. Shapes: a proxy folder started with
/// <c>litellm --config config.yaml</c> from a virtualenv, a monorepo with a proxy folder beside an app folder, and a
/// compose stack whose LiteLLM image tag wins over a test requirement pinning another version.
/// </summary>
public sealed class LiteLlmPackagePinTests
{
    private const string Config = """
        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: openai/gpt-4o
              api_key: os.environ/OPENAI_API_KEY
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY

        """;

    private const string AppCode = """
        import litellm

        def summarise(text: str) -> str:
            response = litellm.completion(model="anthropic/claude-3-5-sonnet-20240620", messages=[{"role": "user", "content": text}])
            return response.choices[0].message.content

        """;

    private static Component Proxy(Scanning.AuditResult result) => Assert.Single(result.Model.Components, c => c.Id == "gateway:litellm-proxy");

    [Fact]
    public void A_requirements_pin_beside_the_config_versions_the_proxy_with_its_line_as_evidence()
    {
        var result = AuditFiles(("proxy/config.yaml", Config), ("proxy/requirements.txt", "# proxy runtime\nlitellm==1.74.3\nprisma==0.11.0\n"));
        var proxy = Proxy(result);
        Assert.Equal("1.74.3", proxy.Attributes["version"]);
        Assert.Equal(true, proxy.Attributes["versionPinned"]);
        Assert.Equal("requirements", proxy.Attributes["versionSource"]);
        Assert.Contains(proxy.Evidence, e => e.File == "proxy/requirements.txt" && e.Line == 2);
        Assert.Contains(proxy.Notes, n => n.Contains("pinned beside its config", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "gateway-version-unpinned");
    }

    [Fact]
    public void A_pyproject_dependency_beside_the_config_versions_the_proxy()
    {
        var pyproject = """
            [project]
            name = "llm-gateway"
            version = "0.1.0"
            dependencies = [
                "litellm==1.80.0",
                "python-dotenv>=1.0",
            ]

            """;
        var proxy = Proxy(AuditFiles(("config.yaml", Config), ("pyproject.toml", pyproject)));
        Assert.Equal("1.80.0", proxy.Attributes["version"]);
        Assert.Equal("pyproject", proxy.Attributes["versionSource"]);
        Assert.Contains(proxy.Evidence, e => e.File == "pyproject.toml" && e.Line == 5);
    }

    [Fact]
    public void A_Pipfile_that_takes_any_version_beside_the_config_is_an_unpinned_proxy()
    {
        var pipfile = """
            [[source]]
            url = "https://pypi.org/simple"
            verify_ssl = true
            name = "pypi"

            [packages]
            litellm = "*"
            gunicorn = "==22.0.0"

            [requires]
            python_version = "3.11"

            """;
        var result = AuditFiles(("gateway/config.yaml", Config), ("gateway/Pipfile", pipfile));
        var proxy = Proxy(result);
        Assert.Equal(false, proxy.Attributes["versionPinned"]);
        Assert.Equal("pipfile", proxy.Attributes["versionSource"]);
        Assert.Contains(proxy.Evidence, e => e.File == "gateway/Pipfile" && e.Line == 7);
        Assert.Contains(result.Findings, f => f.RuleId == "gateway-version-unpinned");
    }

    [Fact]
    public void A_pin_in_a_sibling_application_folder_never_versions_the_proxy()
    {
        var result = AuditFiles(("proxy/config.yaml", Config), ("app/requirements.txt", "litellm>=1.40\nfastapi\n"), ("app/main.py", AppCode));
        var proxy = Proxy(result);
        Assert.False(proxy.Attributes.ContainsKey("versionSource"));
        Assert.DoesNotContain(proxy.Evidence, e => e.File == "app/requirements.txt");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "gateway-version-unpinned");
    }

    [Fact]
    public void A_pin_in_a_folder_above_the_config_is_named_as_a_presumption_and_versions_nothing()
    {
        var result = AuditFiles(("deploy/litellm/config.yaml", Config), ("requirements.txt", "litellm>=1.40\nhttpx\n"));
        var proxy = Proxy(result);
        Assert.False(proxy.Attributes.ContainsKey("versionSource"));
        Assert.Contains(proxy.Notes, n => n.Contains("presumed only", StringComparison.Ordinal) && n.Contains("requirements.txt:1", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "gateway-version-unpinned");
    }

    [Fact]
    public void A_LiteLLM_image_beside_the_config_wins_over_a_plain_pin_of_another_version()
    {
        var compose = """
            services:
              litellm:
                image: ghcr.io/berriai/litellm:main-v1.73.0-stable
                command: ["--config", "/app/config.yaml"]
                volumes:
                  - ./config.yaml:/app/config.yaml

            """;
        var proxy = Proxy(AuditFiles(("config.yaml", Config), ("docker-compose.yml", compose), ("requirements.txt", "litellm==1.80.0\npytest\n")));
        Assert.Equal("main-v1.73.0-stable", proxy.Attributes["version"]);
        Assert.Equal("docker-compose", proxy.Attributes["versionSource"]);
        Assert.DoesNotContain(proxy.Evidence, e => e.File == "requirements.txt");
        Assert.DoesNotContain(proxy.Notes, n => n.Contains("1.80.0", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_proxy_folders_of_a_monorepo_each_take_the_pin_of_their_own_folder()
    {
        var result = AuditFiles(
            ("gateways/eu/config.yaml", Config), ("gateways/eu/requirements.txt", "litellm==1.74.3\n"),
            ("gateways/us/config.yaml", Config), ("gateways/us/requirements.txt", "litellm==1.80.0\n"));
        var versions = result.Stacks.Select(s => s.Stack.Model.Find("gateway:litellm-proxy")!.Attributes["version"] as string).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["1.74.3", "1.80.0"], versions);
    }

    [Fact]
    public void An_application_that_only_depends_on_the_SDK_gets_no_proxy()
    {
        var result = AuditFiles(("requirements.txt", "litellm==1.74.3\nopenai>=1.30\n"), ("app/main.py", AppCode));
        Assert.DoesNotContain(result.Model.Components, c => c.Id == "gateway:litellm-proxy");
        Assert.Contains(result.Model.Components, c => c.Id == "provider:anthropic");
        Assert.Single(result.Stacks);
    }

    [Fact]
    public void A_config_nothing_runs_beside_code_that_calls_the_SDK_in_process_takes_no_version_from_the_SDK_pin()
    {
        var result = AuditFiles(("config.yaml", Config), ("requirements.txt", "litellm==1.74.3\nfastapi\n"), ("service.py", AppCode));
        var proxy = Proxy(result);
        Assert.Equal(false, proxy.Attributes["runsAsProxy"]);
        Assert.False(proxy.Attributes.ContainsKey("versionSource"));
        Assert.DoesNotContain(proxy.Evidence, e => e.File == "requirements.txt");
    }
}
