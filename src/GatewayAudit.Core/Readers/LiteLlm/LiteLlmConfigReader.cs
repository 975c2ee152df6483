using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.LiteLlm;

/// <summary>
/// Reads a LiteLLM proxy <c>config.yaml</c> into the stack it wires: the proxy, the apps calling it, its host,
/// every model provider, logging callback, datastore, cache, alerting target and guardrail, with flows labelled by
/// what crosses them and each fact's file:line.
/// </summary>
public sealed partial class LiteLlmConfigReader : IConfigReader
{
    public const string GatewayId = "gateway:litellm-proxy";
    public const string AppId = "app:clients";
    public const string HostId = "host:litellm-proxy-host";
    public const string PostgresId = "datastore:litellm-postgres";
    public const string RouterRedisId = "datastore:router-redis";
    public const string CacheId = "cache:response-cache";

    public string Name => "litellm-config";

    public IReadOnlyCollection<string> Extensions { get; } = [".yaml", ".yml"];

    public bool Recognizes(InputFile file) => file.LooksLikeYaml && SectionRegex().IsMatch(file.Text);

    public ReaderResult Read(InputFile file)
    {
        var (document, yamlDiagnostics) = file.Merged is { } merged ? (merged.Document, []) : file.Yaml;
        var diagnostics = new List<Diagnostic>(yamlDiagnostics);
        var model = new StackModel();
        var secrets = new SecretLedger();
        if (document is null)
        {
            return new ReaderResult(model, diagnostics, secrets);
        }

        if (document.Root is not YamlMapping root)
        {
            var at = document.Root is null ? new SourceLocation(file.DisplayPath, 1) : document.At(document.Root);
            diagnostics.Add(Diagnostic.Error("litellm-shape", document.Root is null
                ? "the file is empty; a LiteLLM config needs at least model_list"
                : $"a LiteLLM config must be a mapping of sections (model_list, litellm_settings, ...), not {document.Root.KindText}", at));
            return new ReaderResult(model, diagnostics, secrets);
        }

        var values = new ConfigValues(document, model, diagnostics, secrets);
        values.Import(file.Environment);
        if (file.Merged is { } includes)
        {
            values.Adopt(includes.Elsewhere);
        }

        values.SweepSecrets(root);
        var read = new LiteLlmRead(values, model, root) { ProcessShown = file.ProcessEnvironmentShown };
        var wiring = new GeneralWiringSection(read);
        wiring.ReadCore();
        LiteLlmSection[] sections = [new ModelRoutingSection(read), new CallbackSection(read), new StorageSection(read), new AlertingSection(read), new GuardrailSection(read), wiring];
        foreach (var section in sections)
        {
            section.Read();
        }

        read.FlushLists();
        read.Release();
        AskAboutUnresolved(values, model);
        return new ReaderResult(model, diagnostics, secrets);
    }

    /// <summary>
    /// One open question per variable that decides a host, model or region and that no file of the stack defines,
    /// unless a section already asked about it (an api_base or model read from it).
    /// </summary>
    private static void AskAboutUnresolved(ConfigValues values, StackModel model)
    {
        foreach (var (name, at) in values.Unresolved)
        {
            // A question already asked about the same setting (who hosts this Postgres?) covers it.
            if (model.OpenQuestions.Any(q => q.Question.Contains(name, StringComparison.Ordinal) || q.Evidence == at))
            {
                continue;
            }

            model.OpenQuestions.Add(new OpenQuestion($"Environment variable {name}",
                $"The config reads os.environ/{name} here, and no file of this stack defines it (compose environment or env_file, Kubernetes env, Helm envVars, .env, environment_variables): what it sets is unknown in this report. What value does the running proxy get?", at));
        }
    }

    /// <summary>A ttl in seconds as people write it: "1 day", "90 minutes".</summary>
    internal static string FormatSeconds(double seconds) => seconds switch
    {
        >= 86_400 when seconds % 86_400 == 0 => Plural(seconds / 86_400, "day"),
        >= 3_600 when seconds % 3_600 == 0 => Plural(seconds / 3_600, "hour"),
        >= 60 when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    private static string Plural(double n, string unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n:0.###} {unit}{(n == 1 ? "" : "s")}");

    [GeneratedRegex(@"^(model_list|litellm_settings|general_settings|router_settings)\s*:", RegexOptions.Multiline)]
    private static partial Regex SectionRegex();

    /// <summary>LiteLLM durations: 30s, 30m, 24h, 30d, 2w, 1mo (month = 30 days). Returns days.</summary>
    internal static double? ParseDuration(string text)
    {
        var match = Regex.Match(text.Trim(), @"^(\d+(?:\.\d+)?)\s*(s|m|h|d|w|mo)$");
        if (!match.Success)
        {
            return null;
        }

        var n = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => n / 86_400,
            "m" => n / 1_440,
            "h" => n / 24,
            "d" => n,
            "w" => n * 7,
            _ => n * 30,
        };
    }
}
