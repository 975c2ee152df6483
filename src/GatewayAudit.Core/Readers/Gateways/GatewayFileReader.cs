using System.Buffers;
using GatewayAudit.Core.Model;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Gateways;

/// <summary>
/// A hosted gateway's config or request body written as a JSON or YAML file (OpenRouter, Portkey, Helicone, Cloudflare
/// AI Gateway). Files are recognised by the shape of what they hold, never by name alone: a cheap text check first
/// (the file names the gateway's fields or hosts), then the parsed tree must hold a mapping of the gateway's shape.
/// JSON is read with the YAML loader (JSON is YAML 1.2 flow syntax), so every node keeps its line. Each mapping of the
/// gateway's shape anywhere in the file is one use; JSON Schemas and package manifests are never read as uses.
/// </summary>
internal abstract class GatewayFileReader : IConfigReader
{
    /// <summary>The client apps that send prompts to a hosted gateway (the same id the LiteLLM reader uses for its clients).</summary>
    public const string AppId = LiteLlm.LiteLlmConfigReader.AppId;

    private const int MaxDepth = 12;

    // Files whose name says what they are, and that are never a gateway config.
    private static readonly HashSet<string> NotConfigs = new(StringComparer.OrdinalIgnoreCase)
    {
        "package.json", "package-lock.json", "composer.json", "composer.lock", "tsconfig.json", "jsconfig.json", "deno.json",
        "appsettings.schema.json", "launchSettings.json", "global.json", "project.assets.json", ".eslintrc.json", "renovate.json",
    };

    // Subtrees of a JSON Schema or OpenAPI document describe fields; they never configure a gateway.
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal) { "properties", "definitions", "$defs", "patternProperties", "items" };

    public abstract string Name { get; }

    public IReadOnlyCollection<string> Extensions { get; } = [".json", ".yaml", ".yml"];

    /// <summary>Texts (compared case-insensitively) of which a file must hold one before it is parsed at all.</summary>
    protected abstract IReadOnlyList<string> Markers { get; }

    // The markers searched for at once: one case-insensitive pass over the text per marker was a twentieth of a
    // 1,000-config scan's samples, every .json and .yaml file being offered to each gateway reader (bench/SCALE.md round 16).
    private SearchValues<string>? _markers;

    /// <summary>The gateway's name in a file too broken to parse: such a file is claimed, and its problem reported.</summary>
    protected abstract string BrokenFileMarker { get; }

    /// <summary>What the gateway is called in messages ("an OpenRouter request", "a Portkey config").</summary>
    protected abstract string Kind { get; }

    public bool Recognizes(InputFile file)
    {
        if (!Extensions.Contains(file.Extension) || NotConfigs.Contains(file.FileName)
            || !file.Text.AsSpan().ContainsAny(_markers ??= SearchValues.Create([.. Markers], StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var loaded = Load(file);
        return loaded.Documents is null
            ? file.Text.Contains(BrokenFileMarker, StringComparison.OrdinalIgnoreCase)
            : loaded.Documents.Any(d => Uses(d).Any());
    }

    public ReaderResult Read(InputFile file)
    {
        var model = new StackModel();
        var secrets = new SecretLedger();
        var loaded = Load(file);
        var diagnostics = new List<Diagnostic>();
        if (loaded.Documents is null)
        {
            // A file that only mentions the gateway may be anything; one the user named is meant to be read.
            diagnostics.AddRange(file.UnreadBecause(loaded.Diagnostics, $"it names {BrokenFileMarker} but is not valid {(file.Extension == ".json" ? "JSON" : "YAML")}, so it was not read as {Kind}"));
            return new ReaderResult(model, diagnostics, secrets);
        }

        diagnostics.AddRange(loaded.Diagnostics);
        foreach (var document in loaded.Documents)
        {
            var values = new ConfigValues(document, model, diagnostics, secrets);
            values.SweepSecrets(document.Root!);
            SweepCamelCaseSecrets(values, document.Root!, "");
            ReadDocument(new GatewayRead(file, values, model), Uses(document).ToList());
        }

        return new ReaderResult(model, diagnostics, secrets);
    }

    /// <summary>True for a mapping of the gateway's shape (a request body, a config, a target).</summary>
    protected abstract bool IsUse(YamlMapping mapping, YamlMapping root);

    /// <summary>Reads the uses found in one document (outermost first, in document order).</summary>
    protected abstract void ReadDocument(GatewayRead read, IReadOnlyList<YamlMapping> uses);

    /// <summary>The outermost mappings of the gateway's shape, in document order; a JSON Schema document holds none.</summary>
    private IEnumerable<YamlMapping> Uses(YamlDocument document)
    {
        if (document.Root is not { } root || (root is YamlMapping top && top.ContainsKey("$schema") && SchemaKeys.Any(top.ContainsKey)))
        {
            yield break;
        }

        var pending = new Stack<(YamlNode Node, int Depth)>();
        pending.Push((root, 0));
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var rootMapping = root as YamlMapping ?? new YamlMapping(1, 1, []);
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxDepth || !visited.Add(item.Node))
            {
                continue;
            }

            switch (item.Node)
            {
                case YamlMapping mapping when IsUse(mapping, rootMapping):
                    yield return mapping;
                    break;
                case YamlMapping mapping:
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        if (!SchemaKeys.Contains(mapping.Entries[i].Key.Value))
                        {
                            pending.Push((mapping.Entries[i].Value, item.Depth + 1));
                        }
                    }

                    break;
                case YamlSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push((sequence.Items[i], item.Depth + 1));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Credentials under camelCase keys (apiKey, awsSecretAccessKey), which the snake_case sweep does not know, and
    /// under the gateways' credential headers (Helicone-Auth, x-portkey-api-key); a "Bearer ${VAR}" is a reference.
    /// </summary>
    private static void SweepCamelCaseSecrets(ConfigValues values, YamlNode node, string path, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    var snake = GatewayKeys.Snake(key.Value);
                    var credential = GatewayTerms.FindHeader(key.Value)?.Kind == HeaderKind.Credential;
                    if (value is YamlScalar scalar && (credential || (snake != key.Value && ConfigValues.IsSecretKey(snake)))
                        && !ConfigValues.IsReference(StripScheme(scalar.Value)))
                    {
                        values.CheckSecret($"{path}.{(credential ? "api_key" : snake)}", scalar);
                    }

                    // Only a mapping or a list holds more to look at: a value's path is not made for nothing.
                    if (value is YamlMapping or YamlSequence)
                    {
                        SweepCamelCaseSecrets(values, value, $"{path}.{ConfigValues.Shown(key.Value)}", depth + 1);
                    }
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    SweepCamelCaseSecrets(values, item, path, depth + 1);
                }

                break;
        }
    }

    private static string StripScheme(string value) =>
        value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : value.Trim();

    // The trees are the file's own (InputFile.Json, YamlDocuments), so they are parsed once and freed with the file's.
    private static Loaded Load(InputFile f)
    {
        if (f.Extension == ".json")
        {
            var (document, diagnostics) = f.Json;
            return new Loaded(document?.Root is null ? null : [document], diagnostics);
        }

        var (documents, yamlDiagnostics) = f.YamlDocuments;
        return new Loaded(documents?.Where(d => d.Root is not null).ToList(), yamlDiagnostics);
    }

    private sealed record Loaded(IReadOnlyList<YamlDocument>? Documents, IReadOnlyList<Diagnostic> Diagnostics);
}

/// <summary>One document of a gateway file being read: its values, the fragment being built and list attributes.</summary>
internal sealed class GatewayRead(InputFile file, ConfigValues values, StackModel model)
{
    public InputFile File { get; } = file;

    public ConfigValues Values { get; } = values;

    public StackModel Model { get; } = model;

    public SourceLocation At(YamlNode node) => Values.At(node);

    /// <summary>Adds a value to a sorted list attribute (models, targets ...).</summary>
    public static void AddToList(Component component, string key, string value) => component.Attributes.AddToList(key, value);

    /// <summary>A gateway's response cache: it keeps completions keyed by the prompt the gateway sends it.</summary>
    public Component AddCache(Component gateway, string id, string name, string? vendor, Hosting hosting, string note, SourceLocation at)
    {
        var cache = Model.Add(new Component { Id = id, Name = name, Role = ComponentRole.Cache, Vendor = vendor, Hosting = hosting, Evidence = { at }, Notes = { note } });
        Model.Connect(gateway.Id, cache.Id, [DataCategory.Prompt, DataCategory.Completion], at).Attributes.Set("kind", "cache");
        return cache;
    }

    /// <summary>A cache's time to live as its retention (ttlSeconds for the cache rules), read at <paramref name="at"/>.</summary>
    public static void SetTtl(Component cache, double seconds, string setting, SourceLocation at)
    {
        cache.Attributes.Set("ttlSeconds", (long)seconds, at);
        cache.Retention = new Sourced<Retention>(new Retention($"{LiteLlm.LiteLlmConfigReader.FormatSeconds(seconds)} ({setting})", seconds / 86_400), at);
    }

    /// <summary>The text of a scalar, with references left unresolved (null).</summary>
    public string? Text(YamlNode? node) => node is YamlScalar scalar && !scalar.IsNull ? Values.Resolve(scalar).Value : null;
}
