using GatewayAudit.Core.Readers;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// A folder scan asks the readers that say <see cref="IConfigReader.OffersByEndingAlone"/> once per file ending: each must
/// answer for a name what it answers for any other name with that ending, and a reader that looks at the whole name
/// must say so, or files of its names would be missed or offered by mistake.
/// </summary>
public sealed class ReaderEndingTests
{
    private static readonly string[] Names =
    [
        "config.yaml", "config.yml", "litellm_config.yaml", "values.yaml", "values-prod.yaml", "values.schema.json", "docker-compose.yml",
        "docker-compose.override.yml", "compose.yaml", "helmfile.yaml", "helmfile.yaml.gotmpl", "Dockerfile", "Dockerfile.prod",
        "proxy.Dockerfile", "Containerfile", "requirements.txt", "requirements-dev.txt", "requirements.in", "pyproject.toml", "Pipfile",
        ".env", ".env.local", "prod.env", ".npmrc", "pip.conf", "pip.ini", ".pypirc", "application.yml", "application-dev.properties",
        "bootstrap.yaml", "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle.kts", "appsettings.json",
        "appsettings.Development.json", "portkey.json", "main.py", "index.ts", "main.go", "Program.cs", "App.java", "notes.txt",
        "README.md", "deployment.yaml", "chart.tpl",
    ];

    [Fact]
    public void Readers_that_ask_by_ending_alone_give_one_answer_per_ending()
    {
        foreach (var reader in ReaderRegistry.Default.Where(r => r.OffersByEndingAlone))
        {
            foreach (var name in Names)
            {
                Assert.True(reader.OffersFileName(name) == reader.OffersFileName("any-other-name" + Path.GetExtension(name)), $"{reader.Name}: {name}");
            }
        }
    }

    [Fact]
    public void A_reader_that_decides_by_the_whole_name_does_not_claim_to_ask_by_ending()
    {
        // A reader class that writes its own OffersFileName looks at more than the ending (else the default would do).
        foreach (var reader in ReaderRegistry.Default)
        {
            var own = reader.GetType().GetMethod(nameof(IConfigReader.OffersFileName), [typeof(string)]) is { } method && method.DeclaringType != typeof(IConfigReader);
            Assert.False(own && reader.OffersByEndingAlone, reader.Name);
        }
    }
}
