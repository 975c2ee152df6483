using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Portkey as source code shows it, in any language, judged by the Portkey config reader's own logic
/// (<see cref="PortkeyConfigReader.ReadConfig"/>): a config written inline (an <c>x-portkey-config</c> header holding
/// JSON, a config object passed to <c>Portkey(config=...)</c>, <c>new Portkey({ config })</c> or
/// <c>createHeaders({ config })</c>) gives its strategy, targets, custom hosts, cache (max_age is a retention bound)
/// and guardrail hooks; <c>x-portkey-provider</c> / <c>x-portkey-virtual-key</c> (or the SDK's provider / virtual_key
/// options) are a one-target config. A config id (<c>pc-...</c>) names a config kept in Portkey: the code does not
/// show its targets, so they are listed as unknown and asked about. Portkey's hosted gateway is the sub-processor (a
/// Portkey client whose base URL is another host is the operator's own gateway); every target hangs under it.
/// Header names and values: Portkey-AI/gateway src/globals.ts (HEADER_KEYS) and https://portkey.ai/docs (configs).
/// </summary>
internal sealed class CodePortkey(InputFile file, StackModel model)
{
    private readonly List<Use> _uses = [];

    /// <summary>
    /// The gateway a use goes through: Portkey's hosted one (<see cref="Hosted"/>), or the operator's own at a base URL
    /// whose host is not Portkey's.
    /// </summary>
    public sealed record Gateway(string? OwnHost, SourceLocation? UrlAt)
    {
        public static Gateway Hosted { get; } = new(null, null);

        /// <summary>The gateway a Portkey client's base URL names; a URL of api.portkey.ai (or none) is the hosted one.</summary>
        public static Gateway At(string? url, SourceLocation? at) =>
            url is not null && HostClassifier.HostOf(url) is { } host && GatewayTerms.FindHost(host)?.Vendor != GatewayTerms.Portkey ? new(host, at) : Hosted;

        /// <summary>
        /// The gateway of Portkey headers set apart from the client they ride on (C#: <c>DefaultRequestHeaders</c> of an
        /// HttpClient, a pipeline policy of the OpenAI .NET client): the one base URL the file's clients are given that
        /// can be a Portkey gateway (Portkey's host, or one that names no other party), judged by <see cref="At"/>.
        /// No such base, or several, leaves the hosted gateway, the default the config reader takes without a base URL.
        /// </summary>
        public static Gateway OfClientBases(IEnumerable<(string Url, SourceLocation At)> bases)
        {
            var candidates = bases
                .Select(b => (b.Url, b.At, Host: HostClassifier.HostOf(b.Url)))
                .Where(b => b.Host is not null && (GatewayTerms.FindHost(b.Host) is not { } term || term.Vendor == GatewayTerms.Portkey))
                .DistinctBy(b => b.Host, StringComparer.Ordinal)
                .Take(2)
                .ToList();
            return candidates.Count == 1 ? At(candidates[0].Url, candidates[0].At) : Hosted;
        }
    }

    private sealed record Use(Gateway Gateway, SourceLocation At, YamlMapping? Config = null, string? Path = null, string? SavedConfig = null);

    // x-portkey-provider / x-portkey-virtual-key values by gateway and group (one headers object, or one file's header calls).
    private readonly Dictionary<(Gateway Gateway, int Group), (YamlScalar Key, YamlNode Value)?[]> _headerTargets = [];

    /// <summary>
    /// A Portkey header and its value: <c>x-portkey-config</c> (an object, JSON text or a saved config's id), or a
    /// provider / virtual key, which with the other of the same <paramref name="group"/> is one target.
    /// </summary>
    public void AddHeader(string header, YamlNode value, SourceLocation at, Gateway gateway, int group)
    {
        var slot = header.ToLowerInvariant() switch { "x-portkey-provider" => 0, "x-portkey-virtual-key" => 1, "x-portkey-config" => 2, _ => -1 };
        if (slot == 2)
        {
            AddConfigValue(value, header, at, gateway);
            return;
        }

        Seen(at, gateway);
        if (slot >= 0)
        {
            var pair = _headerTargets.TryGetValue((gateway, group), out var found) ? found : _headerTargets[(gateway, group)] = new (YamlScalar, YamlNode)?[2];
            pair[slot] ??= (new YamlScalar(at.Line, at.Column, slot == 0 ? "provider" : "virtual_key", false, null), value);
        }
    }

    /// <summary>A config option or header value: an object, or text (JSON or a saved config's id); a value the code does not resolve adds only the gateway.</summary>
    public void AddConfigValue(YamlNode? value, string path, SourceLocation at, Gateway gateway)
    {
        switch (value)
        {
            case YamlMapping mapping:
                AddConfig(mapping, path, at, gateway);
                break;
            case YamlScalar { Quoted: true } text:
                AddConfigText(text.Value, text.Line, text.Column, path, at, gateway);
                break;
            default:
                Seen(at, gateway);
                break;
        }
    }

    /// <summary>provider and / or virtual_key as one target of a config (<c>{"targets": [{...}]}</c>), so the config reader reads it.</summary>
    public static YamlMapping? Target(params (YamlScalar Key, YamlNode Value)?[] settings)
    {
        var entries = settings.OfType<(YamlScalar Key, YamlNode Value)>().Select(s => new KeyValuePair<YamlScalar, YamlNode>(s.Key, s.Value)).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var at = entries[0].Key;
        var target = new YamlMapping(at.Line, at.Column, entries);
        return new YamlMapping(at.Line, at.Column, [new(new YamlScalar(at.Line, at.Column, "targets", false, null), new YamlSequence(at.Line, at.Column, [target]))]);
    }

    /// <summary>Portkey is used here (a client, a header), whether or not a config is written out.</summary>
    public void Seen(SourceLocation at, Gateway gateway) => _uses.Add(new Use(gateway, at));

    /// <summary>An inline config (or a one-target mapping built from provider / virtual key settings).</summary>
    public void AddConfig(YamlMapping config, string path, SourceLocation at, Gateway gateway) =>
        _uses.Add(PortkeyConfigReader.IsConfig(config) ? new Use(gateway, at, config, path) : new Use(gateway, at));

    /// <summary>An <c>x-portkey-config</c> value or SDK <c>config</c> option written as text: JSON, or the id of a saved config.</summary>
    public void AddConfigText(string text, int line, int column, string path, SourceLocation at, Gateway gateway)
    {
        var value = text.Trim();
        if (value.StartsWith("pc-", StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace))
        {
            _uses.Add(new Use(gateway, at, SavedConfig: value));
            return;
        }

        var (document, _) = value.StartsWith('{') ? new SafeYamlLoader().Load(file.DisplayPath, text.Replace('\t', ' ')) : default;
        if (document?.Root is YamlMapping root)
        {
            AddConfig((YamlMapping)Moved(root, line, column), path, at, gateway);
        }
        else
        {
            Seen(at, gateway);
        }
    }

    /// <summary>Adds each gateway, its targets and its saved configs to the file's fragment.</summary>
    public void Apply(List<Diagnostic> diagnostics, SecretLedger secrets)
    {
        foreach (var ((gateway, _), pair) in _headerTargets)
        {
            var target = Target(pair)!;
            AddConfig(target, pair[0] is null ? "x-portkey-virtual-key" : "x-portkey-provider", new SourceLocation(file.DisplayPath, target.Line, target.Column), gateway);
        }

        foreach (var uses in _uses.GroupBy(u => u.Gateway))
        {
            var first = uses.Min(u => u.At)!;
            var gateway = uses.Key.OwnHost is { } host
                ? PortkeyConfigReader.AddOwnGateway(model, host, first, uses.Key.UrlAt ?? first)
                : PortkeyConfigReader.AddHostedGateway(model, first);
            if (!model.FlowsInto(gateway.Id).Any(f => f.From == CodeApplication.Id))
            {
                CodeApplication.Add(model, first);
                model.Connect(CodeApplication.Id, gateway.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], first)
                    .Attributes.Set("kind", "inference");
            }

            foreach (var use in uses)
            {
                if (use.Config is { } config)
                {
                    var values = new ConfigValues(new YamlDocument(file.DisplayPath, config), model, diagnostics, secrets);
                    PortkeyConfigReader.ReadConfig(new GatewayRead(file, values, model), gateway, config, use.Path!);
                }
                else if (use.SavedConfig is { } id)
                {
                    AddSavedConfig(gateway, id, use.At);
                }
            }
        }
    }

    /// <summary>A config kept in Portkey, named by id: its targets are not in the code, so they are listed as unknown.</summary>
    private void AddSavedConfig(Component gateway, string id, SourceLocation at)
    {
        var saved = model.Add(new Component
        {
            Id = $"provider:portkey-target:config {id}",
            Name = $"Providers of the Portkey config {id} (kept in Portkey, not in the code)",
            Role = ComponentRole.ModelProvider,
            Hosting = Hosting.Unknown,
            SubProcessorOf = gateway.Id,
            Evidence = { at },
            Notes = { $"The code names the Portkey config {id} by its id: its targets, cache and guardrails are kept in Portkey's app, so who receives these prompts is unknown from the code." },
        });
        saved.Attributes.Set("portkeyConfigId", id, at);
        model.Connect(gateway.Id, saved.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], at)
            .Attributes.Set("kind", "inference");
        model.OpenQuestions.Add(new OpenQuestion(saved.Name,
            $"Which providers does the Portkey config {id} route to, with which cache age and guardrails? The config is stored in Portkey, so the code does not show them.", at));
    }

    /// <summary>A tree parsed from a string literal, placed where the literal stands in the file.</summary>
    private static YamlNode Moved(YamlNode node, int line, int column)
    {
        var (l, c) = node.Line == 1 ? (line, column + node.Column) : (line + node.Line - 1, node.Column);
        return node switch
        {
            YamlMapping m => new YamlMapping(l, c, m.Entries.Select(e => new KeyValuePair<YamlScalar, YamlNode>((YamlScalar)Moved(e.Key, line, column), Moved(e.Value, line, column))).ToList()),
            YamlSequence s => new YamlSequence(l, c, s.Items.Select(i => Moved(i, line, column)).ToList()),
            YamlScalar s => new YamlScalar(l, c, s.Value, s.Quoted, s.Tag),
            _ => node,
        };
    }
}
