using System.Text.RegularExpressions;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Yaml;

namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// Spring Boot configuration (<c>application.yml</c>/<c>.yaml</c>/<c>.properties</c>, profile variants
/// <c>application-{profile}.*</c>, <c>bootstrap.*</c>): the model clients Spring AI, LangChain4j's Spring Boot starters
/// and Quarkus LangChain4j build from properties alone, behind an injected <c>ChatModel</c> the code never constructs.
/// Each client's address is resolved exactly as a base URL in code is (<see cref="LexicalParties"/>: OpenRouter by its
/// host, a private host as the operator's own server, an unknown public host as an endpoint of unknown hosting); a
/// <c>${NAME:default}</c> address is the default unless NAME is set, one without a default is not known from the file.
/// A client switched off (<c>chat.enabled: false</c>, or <c>spring.ai.model.chat</c> naming another model) is not
/// listed. The reader sees one file: a profile file or the environment (SPRING_AI_OPENAI_BASE_URL) may change what runs.
/// </summary>
public sealed partial class SpringConfigReader : IConfigReader
{
    public string Name => "spring-boot-config";

    public IReadOnlyCollection<string> Extensions { get; } = [".yml", ".yaml", ".properties"];

    public bool OffersByEndingAlone => false;

    public bool OffersFileName(string fileName) => ConfigNameRegex().IsMatch(fileName);

    public bool Recognizes(InputFile file) =>
        OffersFileName(file.FileName) && (file.Text.Contains("spring", StringComparison.OrdinalIgnoreCase)
            || file.Text.Contains("langchain4j", StringComparison.OrdinalIgnoreCase) || file.Text.Contains("quarkus", StringComparison.OrdinalIgnoreCase));

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var secrets = new SecretLedger();
        var diagnostics = new List<Diagnostic>();
        List<SpringProperty> properties;
        YamlDocument document;
        if (file.Extension == ".properties")
        {
            properties = SpringPropertiesFormat.Properties(file.Text);
            document = new YamlDocument(file.DisplayPath, null);
        }
        else
        {
            var (documents, problems) = file.YamlDocuments;
            if (documents is null && !file.NamedExplicitly && problems.All(p => p.Code == "yaml-unknown-alias") && MaskedValues.Quote(file.Text) is { } masked)
            {
                (documents, problems) = new SafeYamlLoader().LoadAll(file.DisplayPath, masked.Text);
                if (documents is not null)
                {
                    diagnostics.AddRange(masked.Lines.Select(line => Diagnostic.Warning("yaml-masked-value",
                        "a value of only asterisks (a masked key) is an alias to no anchor in YAML, and Spring could not load this file as it is; read here as masked text, not as a secret",
                        new SourceLocation(file.DisplayPath, line))));
                }
            }

            if (documents is null)
            {
                // An application.yml Spring itself could not load either (a key masked as `********` is an alias to no anchor).
                diagnostics.AddRange(file.UnreadBecause(problems, "it is not valid YAML, so it was not read as Spring configuration: a model client it configures is missing from this report"));
                return new ReaderResult(model, diagnostics, secrets);
            }

            diagnostics.AddRange(problems);

            properties = SpringYamlFormat.Properties(documents);
            document = documents.FirstOrDefault() ?? new YamlDocument(file.DisplayPath, null);
        }

        var values = new ConfigValues(document, model, diagnostics, secrets);
        foreach (var property in properties)
        {
            var last = property.Written.Split('.')[^1];
            if (ConfigValues.IsSecretKey(GatewayKeys.Snake(last).Replace('-', '_')) && !property.Value.IsNull)
            {
                CheckSecret(values, property);
            }
        }

        // Each profile's documents are read as a profile file would be: one client per profile that sets one.
        var clients = properties.GroupBy(p => p.Profile).SelectMany(documents => documents
            .Select(p => (Property: p, Client: SpringAiClients.Of(p.Key)))
            .Where(p => p.Client is not null)
            .GroupBy(p => p.Client!, p => p.Property)
            .Select(g => new SpringClientRead(g.Key, g.Key.Prefix, g.ToList(), documents.ToList(), file,
                profile: documents.Key is not null || file.FileName.Contains('-', StringComparison.Ordinal))))
            .Where(c => c.IsOn)
            .ToList();
        if (clients.Count == 0)
        {
            CodeApplication.AddForSecrets(model);
            AddAddresses(file, properties, model);
            return new ReaderResult(model, diagnostics, secrets);
        }

        var fragment = LexicalInventory.Build(file, clients.Select(c => c.Sighting).ToList());
        foreach (var client in clients)
        {
            client.Describe(fragment);
            fragment.CodeClients.Builds.Add(client.Build());
        }

        foreach (var secret in model.Secrets)
        {
            fragment.Secrets.Add(secret);
        }

        CodeApplication.AddForSecrets(fragment);
        AddAddresses(file, properties, fragment);
        return new ReaderResult(fragment, diagnostics, secrets);
    }

    /// <summary>The profile a Spring property file is for by its name: "application-openrouter.yml" is "openrouter", "application.yml" none (null).</summary>
    public static string? ProfileOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var dash = stem.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? stem[(dash + 1)..] : null;
    }

    /// <summary>
    /// Every property holding a URL, for code that injects it with <c>@Value("${key}")</c> (joined across files by
    /// <c>Stacks/SettingsFileJoin</c>), with the file's profile and the application folder it configures.
    /// </summary>
    private static void AddAddresses(InputFile file, List<SpringProperty> properties, StackModel model)
    {
        var path = file.DisplayPath;
        var resources = path.StartsWith("src/main/resources/", StringComparison.Ordinal) ? 0 : path.IndexOf("/src/main/resources/", StringComparison.Ordinal);
        var root = resources >= 0 ? path[..resources] : Path.GetDirectoryName(path)?.Replace('\\', '/') ?? "";
        var profile = ProfileOf(file.FileName);
        foreach (var property in properties.Where(p => !p.Value.IsNull))
        {
            var value = SpringValue.Of(property.Value.Value);
            if (value.Text is { } text && text.Contains("://", StringComparison.Ordinal))
            {
                model.CodeClients.Settings.Add(new SettingValue(SettingValue.Spring, property.Key, root, property.Profile ?? profile, file.At(property.Value.Line, property.Value.Column), text, value.Variable));
            }
        }
    }

    // application.yml, application-prod.yaml, bootstrap.properties (Spring Boot's default config names and profile variants).
    [GeneratedRegex(@"^(application|bootstrap)(-[^.]+)?\.(ya?ml|properties)$", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigNameRegex();

    /// <summary>
    /// A <c>${NAME:default}</c> value is set where the app runs; only its default is written in this file, so only the
    /// default can be a literal secret (<c>${OPENROUTER_API_KEY:}</c> and a placeholder inside a placeholder hold none).
    /// </summary>
    private static void CheckSecret(ConfigValues values, SpringProperty property)
    {
        var written = SpringValue.Of(property.Value.Value);
        if (written.Variable is null)
        {
            values.CheckSecret(property.Written, property.Value);
        }
        else if (!string.IsNullOrEmpty(written.Text))
        {
            // A default is judged as a template's value is (as compose's ${VAR:-changeme}): a stand-in is none, a real key is one.
            values.CheckSecret(property.Written, new YamlScalar(property.Value.Line, property.Value.Column, written.Text, property.Value.Quoted, property.Value.Tag), templateFile: true);
        }
    }
}
