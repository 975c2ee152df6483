using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Stacks;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Tests.Stacks;

/// <summary>The proxy's own environment and the stack's, which adds the stack's other .env files.</summary>
public sealed class StackEnvironmentTests
{
    private static EnvironmentValue Value(string name, string value, string file, int line) =>
        new(name, new YamlScalar(line, 1, value, quoted: false, tag: null), new SourceLocation(file, line), file);

    private static List<(InputFile File, DeploymentFacts Facts)> Members()
    {
        var compose = new DeploymentFacts();
        var proxy = new ServiceFacts("litellm", "compose service", new SourceLocation("app/docker-compose.yaml", 2)) { RunsProxy = true };
        proxy.Environment.Add(Value("LANGFUSE_HOST", "${LANGFUSE_HOST:-https://cloud.langfuse.com}", "app/docker-compose.yaml", 5));
        proxy.Environment.Add(Value("DATABASE_URL", "${DATABASE_URL}", "app/docker-compose.yaml", 6));
        compose.Services.Add(proxy);
        var dotEnv = new DeploymentFacts();
        dotEnv.Variables.Add(Value("LANGFUSE_HOST", "https://langfuse.internal", "app/.env", 1));
        var example = new DeploymentFacts();
        example.Variables.Add(Value("SENTRY_DSN", "https://key@o1.ingest.sentry.io/1", "app/.env.example", 1));
        return
        [
            (new InputFile("app/docker-compose.yaml", "/r/app/docker-compose.yaml", "", namedExplicitly: false), compose),
            (new InputFile("app/.env.example", "/r/app/.env.example", "", namedExplicitly: false), example),
            (new InputFile("app/.env", "/r/app/.env", "", namedExplicitly: false), dotEnv),
        ];
    }

    [Fact]
    public void The_process_gets_its_service_environment_and_the_stack_adds_its_other_env_files()
    {
        var environment = StackEnvironment.For(Members(), "/r/app/config.yaml", out var process);

        // ${LANGFUSE_HOST:-...} takes the .env beside the compose file; ${DATABASE_URL} is left to the deploy shell.
        Assert.Equal(["LANGFUSE_HOST", "DATABASE_URL"], process.Keys);
        Assert.Equal("https://langfuse.internal", process["LANGFUSE_HOST"].Value);
        Assert.Equal("${DATABASE_URL}", process["DATABASE_URL"].Value);
        // The stack's other .env files only fill what the process's environment leaves, before the shell's references.
        Assert.Equal(["LANGFUSE_HOST", "SENTRY_DSN", "DATABASE_URL"], environment.Keys);
        Assert.Equal("https://langfuse.internal", environment["LANGFUSE_HOST"].Value);
    }

    [Fact]
    public void The_process_environment_made_beside_the_stack_s_is_the_one_made_alone()
    {
        StackEnvironment.For(Members(), "/r/app/config.yaml", out var process);

        Assert.Equal(StackEnvironment.For(Members(), "/r/app/config.yaml", processOnly: true).Select(p => (p.Key, p.Value.Value)), process.Select(p => (p.Key, p.Value.Value)));
    }
}
