using System.Text;

namespace GatewayAudit.Cli.Tests;

/// <summary>
/// Bad input: a clear message naming file (and line where there is one), exit 2, no stack trace, and no report on
/// stdout, so a partial report is never passed off as complete.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string Valid = "model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliResult Scan(params string[] args) => CliRunner.Run(_dir.Path, ["scan", .. args]).AssertNoStackTrace();

    private static void AssertRefused(CliResult run, string expected)
    {
        run.AssertExit(2);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no report was written", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Missing_path()
    {
        AssertRefused(Scan("nope/config.yaml"), "nope/config.yaml: error input-missing: no such file or folder");
    }

    [Fact]
    public void Missing_path_next_to_a_good_one_still_refuses()
    {
        _dir.Write("config.yaml", Valid);
        AssertRefused(Scan("config.yaml", "missing.yaml"), "missing.yaml: error input-missing");
    }

    [Fact]
    public void Empty_file()
    {
        _dir.Write("config.yaml", "");
        AssertRefused(Scan("config.yaml"), "config.yaml: error input-empty: the file is empty");
    }

    [Fact]
    public void Whitespace_only_file()
    {
        _dir.Write("config.yaml", "\n   \n");
        AssertRefused(Scan("config.yaml"), "config.yaml: error input-empty");
    }

    [Fact]
    public void Binary_file()
    {
        _dir.WriteBytes("config.yaml", [0x6d, 0x6f, 0x64, 0x00, 0x01, 0xff, 0xfe]);
        AssertRefused(Scan("config.yaml"), "config.yaml: error input-binary");
    }

    [Fact]
    public void A_git_crypt_file_met_in_a_walked_checkout_is_passed_over_with_a_warning_and_the_report_is_written()
    {
        // A locked checkout: the compose file is plain, the .env beside it is git-crypt ciphertext.
        _dir.Write("stack/docker-compose.yml",
            "services:\n  litellm:\n    image: ghcr.io/berriai/litellm:main-v1.73.0-stable\n    command: [\"--config=/app/config.yml\"]\n    volumes:\n      - ./config.yml:/app/config.yml\n");
        _dir.Write("stack/config.yml", Valid);
        _dir.WriteBytes("stack/.env", [.. "\0GITCRYPT\0"u8, 0x3c, 0x91, 0x00, 0x07, 0xaa, 0x5e, 0x00, 0x12, 0x9b, 0x44, 0x01, 0xf0, 0x00, 0x6d]);

        var run = Scan("stack", "--format", "json").AssertExit(0);

        Assert.Contains("stack/.env: warning input-encrypted: file is encrypted with git-crypt", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"provider:openai\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_git_crypt_file_named_on_the_command_line_is_refused()
    {
        _dir.WriteBytes(".env", [.. "\0GITCRYPT\0"u8, 0x3c, 0x91, 0x00, 0x07]);
        AssertRefused(Scan(".env"), ".env: error input-encrypted");
    }

    [Fact]
    public void A_utf16_requirements_file_in_a_walked_checkout_is_read_as_text()
    {
        _dir.Write("app/main.py", "from llama_index.llms.ollama import Ollama\nllm = Ollama(model=\"llama3:latest\")\n");
        _dir.WriteBytes("app/requirements.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("llama-index-llms-ollama==0.1.2\r\n")]);

        var run = Scan("app", "--format", "json").AssertExit(0);

        Assert.DoesNotContain("input-binary", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("inference:localhost", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8()
    {
        _dir.WriteBytes("config.yaml", [.. "model_list: "u8, 0xc3, 0x28, (byte)'\n']);
        AssertRefused(Scan("config.yaml"), "config.yaml: error input-encoding");
    }

    [Fact]
    public void Huge_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_dir.Path, "config.yaml");
        using (var stream = File.Create(path))
        {
            stream.Write(Encoding.UTF8.GetBytes(Valid));
            stream.SetLength(9 * 1024 * 1024);
        }

        AssertRefused(Scan("config.yaml"), "config.yaml: error input-too-large");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Unreadable_file_is_refused_or_read_according_to_what_the_os_enforces()
    {
        var path = _dir.Write("config.yaml", Valid);
        File.SetUnixFileMode(path, UnixFileMode.None);
        bool readable;
        try
        {
            using var probe = File.OpenRead(path);
            readable = true;
        }
        catch (UnauthorizedAccessException)
        {
            readable = false;
        }

        var run = Scan("config.yaml");
        if (readable)
        {
            // Running as root: mode 000 does not stop reads, and the tool must not pretend it did.
            run.AssertExit(0);
            Assert.Contains("| `config.yaml` | litellm-config |", run.Stdout, StringComparison.Ordinal);
        }
        else
        {
            AssertRefused(run, "config.yaml: error input-unreadable: permission denied");
        }
    }

    [Fact]
    public void A_file_that_fails_while_being_read_is_refused_with_its_name()
    {
        // /proc/self/mem exists but cannot be read with read(2) from offset 0, even by root: a real I/O failure.
        if (!File.Exists("/proc/self/mem"))
        {
            Assert.True(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS(), "Linux without /proc");
            return;
        }

        AssertRefused(Scan("/proc/self/mem"), "/proc/self/mem: error input-unreadable: cannot read");
    }

    [Fact]
    public void Malformed_yaml_names_file_and_line()
    {
        _dir.Write("config.yaml", Valid + "litellm_settings:\n  callbacks: [langfuse\n  cache: true\n");
        var run = Scan("config.yaml");
        AssertRefused(run, "config.yaml:");
        Assert.Matches(@"config\.yaml:(6|7): error yaml-syntax: malformed YAML", run.Stderr);
    }

    [Fact]
    public void Unknown_top_level_section_is_a_warning_with_file_line_and_the_section_meant()
    {
        // LiteLLM ignores a section it does not know: the config is valid and the report says what is not in force.
        _dir.Write("config.yaml", Valid + "litellm_setings:\n  cache: true\n");
        var run = Scan("config.yaml").AssertNoStackTrace().AssertExit(0);
        Assert.Contains("`config.yaml:5` warning litellm-unknown-section: unknown top-level section 'litellm_setings'; did you mean 'litellm_settings'? LiteLLM ignores it, so none of its settings are in force", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_names_file_line_and_key()
    {
        _dir.Write("config.yaml", Valid + "litellm_settings:\n  success_callback: {langfuse: true}\n");
        AssertRefused(Scan("config.yaml"), "config.yaml:6: error wrong-type: 'litellm_settings.success_callback' must be a list of names");
    }

    [Theory]
    [InlineData("general_settings:\n  database_url: 5\n", "config.yaml:6: error wrong-type: 'general_settings.database_url' must be text (a postgresql:// URL, or os.environ/NAME), not a number")]
    [InlineData("router_settings:\n  redis_host: true\n", "config.yaml:6: error wrong-type: 'router_settings.redis_host' must be text (a host name or address, or os.environ/NAME), not true/false")]
    public void Scalar_of_the_wrong_kind_names_file_line_key_and_expected_type(string settings, string expected)
    {
        _dir.Write("config.yaml", Valid + settings);
        AssertRefused(Scan("config.yaml"), expected);
    }

    [Fact]
    public void A_list_where_an_api_key_belongs_is_refused_not_ignored()
    {
        _dir.Write("config.yaml", Valid + "      api_key: [1, 2]\n");
        AssertRefused(Scan("config.yaml"), "config.yaml:5: error wrong-type: 'model_list[0].litellm_params.api_key' must be text (the value, or os.environ/NAME), not a list");
    }

    [Fact]
    public void Alias_bomb_is_refused_with_a_line()
    {
        var text = new StringBuilder("x-a: &a [l, l, l, l, l, l, l, l, l, l]\n");
        for (var i = 1; i < 9; i++)
        {
            text.Append($"x-{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]\n");
        }

        _dir.Write("config.yaml", Valid + text);
        var run = Scan("config.yaml");
        AssertRefused(run, "error yaml-alias-bomb");
        Assert.Matches(@"config\.yaml:\d+: error yaml-alias-bomb", run.Stderr);
    }

    [Fact]
    public void Deep_nesting_is_refused_with_a_line()
    {
        _dir.Write("config.yaml", Valid + "x-deep: " + new string('[', 10_000) + "\n");
        AssertRefused(Scan("config.yaml"), "config.yaml:5: error yaml-too-deep");
    }

    [Fact]
    public void Multiple_documents_are_refused()
    {
        _dir.Write("config.yaml", Valid + "---\n" + Valid);
        AssertRefused(Scan("config.yaml"), "config.yaml:5: error yaml-multiple-documents");
    }

    [Fact]
    public void Folder_with_no_yaml_is_refused()
    {
        _dir.Write("notes.txt", "hello");
        AssertRefused(Scan("."), "error input-none-found");
        Assert.Contains("the one file found (notes.txt) is of a type it does not read", Scan(".").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_with_only_unrelated_yaml_is_refused()
    {
        _dir.Write("docker-compose.yml", "services:\n  app:\n    image: nginx\n");
        AssertRefused(Scan("."), "error input-none-recognized");
    }

    [Fact]
    public void Unrecognised_file_named_explicitly_is_a_warning_and_listed_as_skipped()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("values.yaml", "replicaCount: 2\n");
        var run = Scan("config.yaml", "values.yaml").AssertExit(0);
        Assert.Contains("values.yaml: warning input-skipped", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("| `values.yaml` | skipped: not a gateway config gateway-audit recognises |", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| `config.yaml` | litellm-config |", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrecognised_file_found_in_a_folder_is_listed_as_skipped_in_json_too()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("deploy/values.yaml", "replicaCount: 2\n");
        var run = Scan(".", "--format", "json").AssertExit(0);
        Assert.Contains("\"file\": \"deploy/values.yaml\",\n      \"reader\": \"none\",\n      \"skipped\": \"not a gateway config", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_unrecognised_file_named_explicitly_is_an_error_with_its_line()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("other.yaml", "a: [1,\n");
        AssertRefused(Scan("config.yaml", "other.yaml"), "other.yaml:");
    }

    [Fact]
    public void Bad_catalog_override_is_refused_with_its_file_and_line()
    {
        _dir.Write("config.yaml", Valid);
        _dir.Write("catalog/acme.yaml", "id: acme\nname: Acme\nkind: telepathy\nhosts: []\nfacts: {}\n");
        var run = Scan("config.yaml", "--catalog", "catalog");
        AssertRefused(run, "catalog/acme.yaml:3: error catalog-schema: 'kind' has a value ('telepathy') that is not one of the allowed values: ");
    }

    [Fact]
    public void Missing_catalog_folder_is_refused()
    {
        _dir.Write("config.yaml", Valid);
        AssertRefused(Scan("config.yaml", "--catalog", "no-such-catalog"), "no-such-catalog: error catalog-missing");
    }
}
