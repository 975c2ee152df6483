using GatewayAudit.Core.Readers;
using GatewayAudit.Core.Readers.Deployment;
using static GatewayAudit.Core.Tests.Readers.DeploymentFixtures;

namespace GatewayAudit.Core.Tests.Readers;

/// <summary>
/// Credentials that reach an image build or a package install: compose build args, a package index URL with a
/// password in a Dockerfile RUN or a requirements file, Helm sub-chart auth passwords; each occurrence is its own
/// finding at its own line, not only the last one with a given name.
/// </summary>
public sealed class DeploymentBuildSecretTests
{
    // Secrets below are fake and exist to be found.
    private static string Keys(ReaderResult result) =>
        string.Join("\n", result.Fragment.Secrets.Select(s => $"{s.Location.Line} {s.Key} {s.Redacted}").Order(StringComparer.Ordinal));

    [Fact]
    public void Compose_build_args_in_mapping_and_list_form_are_secrets_and_plain_args_are_not()
    {
        var result = new ComposeReader().Read(File("docker-compose.yaml", """
            services:
              litellm:
                image: ghcr.io/berriai/litellm:v1.84.0
                build:
                  context: .
                  args:
                    PIP_EXTRA_INDEX_URL: https://ci:IdxPw4411@pypi.corp.example.com/simple
                    DB_PASSWORD: BuildArgPw5522
                    PYTHON_VERSION: "3.12"
              worker:
                build:
                  context: ./worker
                  args:
                    - REDIS_PASSWORD=ListArgPw6633
                    - GIT_TOKEN=${GIT_TOKEN}
                    - PLAIN=ok

            """));

        Assert.Equal("""
            14 services.worker.build.args.REDIS_PASSWORD ****
            7 services.litellm.build.args.PIP_EXTRA_INDEX_URL https://ci:****@pypi.corp.example.com/simple
            8 services.litellm.build.args.DB_PASSWORD ****
            """, Keys(result));
    }

    [Fact]
    public void The_same_variable_on_two_services_is_two_findings()
    {
        var result = new ComposeReader().Read(File("docker-compose.yaml", """
            services:
              litellm:
                image: ghcr.io/berriai/litellm:v1.84.0
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: FirstPgPw7744
              replica:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: SecondPgPw8855

            """));

        Assert.Equal("""
            11 services.replica.environment.POSTGRES_PASSWORD ****
            7 services.db.environment.POSTGRES_PASSWORD ****
            """, Keys(result));
    }

    [Fact]
    public void Package_index_urls_with_a_password_in_dockerfile_run_lines_are_secrets_each_at_its_line()
    {
        var result = new DockerfileReader().Read(File("Dockerfile", """
            FROM ghcr.io/berriai/litellm:v1.84.0
            RUN pip install --extra-index-url https://deploy:DockIdxPw9966@pkgs.example.com/simple corp-plugin
            RUN pip install \
                --index-url=https://tok:DockIdxPw2277@pkgs2.example.com/simple \
                -i "https://other:DockIdxPw3388@pkgs3.example.com/simple" other
            RUN pip install --extra-index-url https://${PIP_USER}:${PIP_PASSWORD}@pkgs.example.com/simple x
            RUN curl -fsSL https://downloads.example.com/tool.tar.gz | tar xz
            ENV OPENAI_API_KEY=sk-dockerfile-env-literal-0001aa
            ENV OPENAI_API_KEY=sk-dockerfile-env-literal-0002bb

            """));

        Assert.Equal("""
            2 RUN --extra-index-url https://deploy:****@pkgs.example.com/simple
            4 RUN --index-url https://tok:****@pkgs2.example.com/simple
            5 RUN -i https://other:****@pkgs3.example.com/simple
            8 ENV OPENAI_API_KEY sk-****
            9 ENV OPENAI_API_KEY sk-****
            """, Keys(result));
        Assert.Equal(35, result.Fragment.Secrets.Single(s => s.Location.Line == 2).Location.Column);
    }

    [Fact]
    public void A_requirements_file_with_a_credential_index_url_is_read_even_without_litellm()
    {
        const string Plain = """
            --extra-index-url https://reqs:ReqIdxPw3388@pypi.corp.example.com/simple
            -i https://reqs2:ReqIdxPw4499@pypi2.corp.example.com/simple
            --find-links https://downloads.example.com/wheels
            requests==2.32.3

            """;
        var reader = new RequirementsReader();
        Assert.True(reader.Recognizes(File("requirements.txt", Plain)));
        Assert.False(reader.Recognizes(File("requirements.txt", "--extra-index-url https://pypi.corp.example.com/simple\nrequests==2.32.3\n")));
        Assert.Equal("""
            1 requirements --extra-index-url https://reqs:****@pypi.corp.example.com/simple
            2 requirements -i https://reqs2:****@pypi2.corp.example.com/simple
            """, Keys(reader.Read(File("requirements.txt", Plain))));

        var withLiteLlm = reader.Read(File("requirements.txt", "litellm[proxy]==1.84.0\n" + Plain));
        Assert.Equal(2, withLiteLlm.Fragment.Secrets.Count);
        Assert.Empty(withLiteLlm.Diagnostics);
    }

    [Fact]
    public void Helm_auth_passwords_of_every_sub_chart_are_secrets()
    {
        var result = new HelmValuesReader().Read(File("values.yaml", """
            litellm-helm:
              image:
                repository: ghcr.io/berriai/litellm
            redis:
              auth:
                enabled: true
                password: redis-helm-pass-31
            clickhouse:
              auth:
                password: ch-helm-pass-42
            postgresql:
              auth:
                password: "{{ .Values.global.pgPassword }}"

            """));

        Assert.Equal("""
            10 clickhouse.auth.password ****
            7 redis.auth.password ****
            """, Keys(result));
    }

    // Package manager credential files as teams commit them (fake values, there to be found).
    internal const string Npmrc = """
        registry=https://npm.corp.example.com/
        @acme:registry=https://npm.corp.example.com/acme/
        //npm.corp.example.com/:_authToken=npm_FakeAuthToken7d3f9a2b41c6e8
        //npm.corp.example.com:4873/acme/:_password=RmFrZU5wbVBhc3N3b3JkOTk=
        //npm.corp.example.com/:username=deploy
        _auth=ZGVwbG95OkZha2VBdXRoUHc0NA==
        //registry.npmjs.org/:_authToken=${NPM_TOKEN}
        ; //npm.old.example.com/:_authToken=npm_OldCommentedToken55
        """;

    internal const string PipConf = """
        [global]
        index-url = https://ci:PipIdxPw5511@pypi.corp.example.com/simple
        extra-index-url =
            https://reader:PipExtraPw6622@mirror1.example.com/simple
            https://mirror2.example.com/simple
        # index-url = https://old:PipOldPw77@pypi.old.example.com/simple
        """;

    internal const string Pypirc = """
        [distutils]
        index-servers =
            pypi
            internal

        [pypi]
        username = __token__
        password = pypi-FakeUploadTokenAgEIcHlwaS5vcmcCJDk4

        [internal]
        repository = https://pypi.corp.example.com/legacy/
        username: release-bot
        password: FakeInternalPw8833
        """;

    internal const string NuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="acme" value="https://nuget.corp.example.com/v3/index.json" />
          </packageSources>
          <packageSourceCredentials>
            <acme>
              <add key="Username" value="build" />
              <add key="ClearTextPassword" value="FakeNuGetFeedPw9944" />
            </acme>
            <mirror>
              <add key="Username" value="build" />
              <add key="ClearTextPassword" value="%MIRROR_FEED_PASSWORD%" />
            </mirror>
          </packageSourceCredentials>
        </configuration>
        """;

    [Theory]
    [InlineData(".npmrc", Npmrc, "3 _authToken ****\n4 _password ****\n6 _auth ****")]
    [InlineData("pip.conf", PipConf, "2 pip.conf https://ci:****@pypi.corp.example.com/simple\n4 pip.conf https://reader:****@mirror1.example.com/simple")]
    [InlineData(".pypirc", Pypirc, "13 password ****\n8 password ****")]
    [InlineData("NuGet.Config", NuGetConfig, "9 ClearTextPassword ****")]
    public void Package_index_credential_files_give_each_literal_credential_and_no_reference_or_comment(string name, string text, string expected)
    {
        var reader = new PackageIndexConfigReader();
        Assert.True(reader.Recognizes(File(name, text)));
        var result = reader.Read(File(name, text));
        Assert.Equal(expected, Keys(result));
        Assert.Empty(result.Diagnostics);
    }
}
