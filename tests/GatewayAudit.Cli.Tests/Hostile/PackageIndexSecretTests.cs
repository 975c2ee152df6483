namespace GatewayAudit.Cli.Tests.Hostile;

/// <summary>
/// Registry credentials committed in package manager files (.npmrc, pip.conf, .pypirc, NuGet.Config) are literal-secret
/// findings, each at its own file and line, and their values reach no output in any format (issue 10 §3).
/// </summary>
public sealed class PackageIndexSecretTests : IDisposable
{
    // Fake values, there to be found.
    private static readonly string[] Values =
    [
        "npm_FakeAuthTok3n7d3f9a2b", "RmFrZU5wbVBhc3N3b3JkOTk", "ZGVwbG95OkZha2VBdXRoUHc0NA", "PipIdxPw5511", "PipExtraPw6622",
        "pypi-FakeUploadTokenAgEIcHlwaS5vcmc", "FakeNuGetFeedPw9944",
    ];

    private readonly TempDir _dir = new();

    public PackageIndexSecretTests()
    {
        _dir.Write("config.yaml", "model_list:\n  - model_name: g\n    litellm_params: {model: openai/gpt-4o, api_key: os.environ/OPENAI_API_KEY}\n");
        _dir.Write("web/.npmrc", "//npm.corp.example.com/:_authToken=npm_FakeAuthTok3n7d3f9a2b\n//npm.corp.example.com/:_password=RmFrZU5wbVBhc3N3b3JkOTk=\n_auth=ZGVwbG95OkZha2VBdXRoUHc0NA==\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
        _dir.Write("worker/pip.conf", "[global]\nindex-url = https://ci:PipIdxPw5511@pypi.corp.example.com/simple\nextra-index-url =\n    https://reader:PipExtraPw6622@mirror1.example.com/simple\n");
        _dir.Write("worker/.pypirc", "[pypi]\nusername = __token__\npassword = pypi-FakeUploadTokenAgEIcHlwaS5vcmc\n");
        _dir.Write("api/NuGet.Config", "<configuration>\n  <packageSourceCredentials>\n    <acme>\n      <add key=\"ClearTextPassword\" value=\"FakeNuGetFeedPw9944\" />\n    </acme>\n  </packageSourceCredentials>\n</configuration>\n");
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("html")]
    [InlineData("sarif")]
    [InlineData("annex")]
    [InlineData("csv")]
    public void No_format_prints_a_registry_credential(string format)
    {
        var run = CliRunner.Run(_dir.Path, "scan", ".", "--format", format).AssertNoStackTrace();
        Assert.True(run.Exit is 0 or 1, run.Stderr);
        Assert.NotEqual("", run.Stdout);
        foreach (var value in Values)
        {
            Assert.DoesNotContain(value, run.Stdout + run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_credential_is_a_literal_secret_finding_at_its_line_and_the_written_report_holds_none()
    {
        CliRunner.Run(_dir.Path, "scan", ".", "--format", "json", "--output", "report.json").AssertNoStackTrace();
        var json = File.ReadAllText(Path.Combine(_dir.Path, "report.json"));
        foreach (var value in Values)
        {
            Assert.DoesNotContain(value, json, StringComparison.Ordinal);
        }

        using var report = System.Text.Json.JsonDocument.Parse(json);
        var found = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "literal-secret")
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["api/NuGet.Config:4", "web/.npmrc:1", "web/.npmrc:2", "web/.npmrc:3", "worker/.pypirc:3", "worker/pip.conf:2", "worker/pip.conf:4"],
            found);
    }
}
