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
    private readonly List<(YamlMapping Config, string Path)> _configs = [];
    private readonly List<(string Id, SourceLocation At)> _savedConfigs = [];
    private (string Host, SourceLocation At)? _ownGateway;
    private SourceLocation? _first;

    public bool Any => _first is not null;

    /// <summary>Portkey is used here (a client, a header), whether or not a config is written out.</summary>
    public void Seen(SourceLocation at) => _first ??= at;

    /// <summary>An inline config (or a one-target mapping built from provider / virtual key settings).</summary>
    public void AddConfig(YamlMapping config, string path, SourceLocation at)
    {
        _first ??= at;
        if (PortkeyConfigReader.IsConfig(config))
        {
            _configs.Add((config, path));
        }
    }

    /// <summary>An <c>x-portkey-config</c> value or SDK <c>config</c> option written as text: JSON, or the id of a saved config.</summary>
    public void AddConfigText(string text, int line, int column, string path, SourceLocation at)
    {
        _first ??= at;
        var value = text.Trim();
        if (value.StartsWith("pc-", StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace))
        {
            _savedConfigs.Add((value, at));
            return;
        }

        if (!value.StartsWith('{'))
        {
            return;
        }

        var (document, _) = new SafeYamlLoader().Load(file.DisplayPath, text.Replace('\t', ' '));
        if (document?.Root is YamlMapping root)
        {
            AddConfig((YamlMapping)Moved(root, line, column), path, at);
        }
    }

    /// <summary>A Portkey client (or the SDK's gateway URL) sent to a host that is not Portkey's: the operator runs the gateway.</summary>
    public void AddGatewayUrl(string url, SourceLocation at)
    {
        _first ??= at;
        if (HostClassifier.HostOf(url) is { } host && GatewayTerms.FindHost(host)?.Vendor != GatewayTerms.Portkey)
        {
            _ownGateway ??= (host, at);
        }
    }

    /// <summary>Adds the gateway, its targets and its saved configs to the file's fragment.</summary>
    public void Apply(List<Diagnostic> diagnostics, SecretLedger secrets)
    {
        if (_first is not { } first)
        {
            return;
        }

        var gateway = _ownGateway is var (host, hostAt)
            ? PortkeyConfigReader.AddOwnGateway(model, host, first, hostAt)
            : PortkeyConfigReader.AddHostedGateway(model, first);
        if (!model.FlowsInto(gateway.Id).Any(f => f.From == CodeApplication.Id))
        {
            CodeApplication.Add(model, first);
            model.Connect(CodeApplication.Id, gateway.Id, [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata, DataCategory.Credentials], first)
                .Attributes.Set("kind", "inference");
        }

        foreach (var (config, path) in _configs)
        {
            var values = new ConfigValues(new YamlDocument(file.DisplayPath, config), model, diagnostics, secrets);
            PortkeyConfigReader.ReadConfig(new GatewayRead(file, values, model), gateway, config, path);
        }

        foreach (var (id, at) in _savedConfigs)
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
