using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Code;
using GatewayAudit.Core.Readers.Gateways;

namespace GatewayAudit.Core.Readers.Spring;

/// <summary>
/// One model client configured in one Spring Boot file: whether it is on, where it sends (the address property, a
/// <c>${NAME:default}</c> placeholder's default, or the framework's documented default), the model it names, and the
/// party that resolves to, described with the file's lines.
/// </summary>
internal sealed class SpringClientRead
{
    private readonly SpringAiClients.Client _client;
    private readonly InputFile _file;
    private readonly List<SpringProperty> _own;
    private readonly SpringProperty? _address;
    private readonly SpringProperty? _model;
    private readonly LexicalTarget _target;
    private readonly SourceLocation _at;

    public SpringClientRead(SpringAiClients.Client client, string prefix, List<SpringProperty> own, List<SpringProperty> all, InputFile file, bool profile)
    {
        _client = client;
        _file = file;
        _own = own;
        _address = First(client.AddressKeys);
        _model = First(client.ModelKeys);
        IsOn = own.Any(p => !Relative(p).EndsWith("enabled", StringComparison.Ordinal))
            && !own.Any(p => Relative(p) == "chat.enabled" && IsFalse(p))
            && !(client.Selector is { } selector && all.LastOrDefault(p => p.Key == SpringAiClients.ChatSelectorKey) is { } chosen
                 && !string.Equals(SpringValue.Of(chosen.Value.Value).Text, selector, StringComparison.OrdinalIgnoreCase))

            // A profile file (application-local.properties) that sets only a key or a model overlays the base file, which
            // may set the address: the framework's default is not presumed from it (the base file's own read decides).
            && !(profile && _address is null && client.DefaultAddress is not null);

        var written = _address is null ? null : SpringValue.Of(_address.Value.Value);
        _target = new LexicalTarget(client.Key)
        {
            Url = written is null ? client.DefaultAddress : written.Text,
            Variable = written?.Variable,
            Model = _model is null ? null : SpringValue.Of(_model.Value.Value).Text,
        };
        var first = _address ?? own[0];
        _at = file.At(first.Value.Line, first.Value.Column);
        Sighting = new LexicalSighting(_target, LexicalSightingKind.Setting, null,
            new LexicalToken(LexicalTokenKind.String, first.Value.Value, first.Value.Line, first.Value.Column), Sdk: client.Framework);

        SpringProperty? First(string[] keys) =>
            keys.Select(k => own.LastOrDefault(p => Relative(p) == k && !p.Value.IsNull && p.Value.Value.Length > 0)).FirstOrDefault(p => p is not null);

        string Relative(SpringProperty p) => p.Key[(prefix.Length + 1)..];
    }

    /// <summary>
    /// False when the file switches the client's chat model off, names no setting of it beyond a switch, or is a profile
    /// file that leaves the address to the base file.
    /// </summary>
    public bool IsOn { get; }

    public LexicalSighting Sighting { get; }

    /// <summary>
    /// The client as a build record for the stack assembly (language "spring", so no code's call joins it by language):
    /// where every client of the key the checkout builds is pointed at one other party, a Spring AI starter's import-only
    /// row (<see cref="SpringAiStarterReader"/>) is no separate party (<c>Stacks/CodeClientJoin</c>, explained imports).
    /// </summary>
    public ClientBuild Build() =>
        new(_client.Key, "spring", _at, null, "", LexicalParties.Resolve(_target, _at.ToString()).Id, _address is not null,
            LexicalParties.Resolve(new LexicalTarget(_client.Key), _at.ToString()).Id);

    /// <summary>Adds what the file shows about the client's party: its lines, how it is configured, region, OpenRouter routes.</summary>
    public void Describe(StackModel model)
    {
        var party = LexicalParties.Resolve(_target, _at.ToString());
        if (model.Find(party.Id) is not { } component)
        {
            return;
        }

        component.Evidence.UnionWith(new[] { _address, _model }.OfType<SpringProperty>().Select(p => _file.At(p.Value.Line, p.Value.Column)));
        component.Notes.Add($"Configured by {_client.Framework} from the {_client.Prefix}.* properties in {_file.DisplayPath} (line {_at.Line}): the application's injected chat model sends prompts there; the code does not construct the client.");
        if (_address is null && _client.DefaultAddress is { } fallback)
        {
            component.Notes.Add($"No address is set in this file: {_client.Framework}'s documented default {fallback}, unless another profile file or the environment sets one.");
        }
        else if (_address is not null && _target.Variable is { } variable)
        {
            component.Notes.Add(_target.Url is null
                ? $"The address is ${{{variable}}} with no default ({_file.DisplayPath}:{_address.Value.Line}): set where the app runs, not known from the files."
                : $"The address is the default of ${{{variable}:...}} ({_file.DisplayPath}:{_address.Value.Line}): it runs unless {variable} is set where the app runs.");
        }

        ReadRegion(component);
        if (party.Id == OpenRouterRoutes.Id && party.Hosting == Hosting.ThirdParty)
        {
            var routes = new OpenRouterRoutes(null, model, CSharpFragment.AddToList, (c, key) => c.Attributes[key] as string[] ?? [], "call", acrossFiles: true);
            var slugAt = _model is null ? _at : _file.At(_model.Value.Line, _model.Value.Column);
            routes.Add(component, _target.Model ?? "", (OpenRouterPreferences?)null, slugAt, scope: OpenRouterRoutes.CodeScope);
        }

        if (component.Role == ComponentRole.Gateway && component.Hosting == Hosting.ThirdParty && _address is not null && _target.Url is { } url)
        {
            CSharpFragment.LockIn(component, _at, "base-url", url);
        }
    }

    private void ReadRegion(Component component)
    {
        foreach (var (keys, what) in new[] { (_client.RegionKeys, "region"), (_client.ProjectKeys, "project") })
        {
            if (keys is null || _own.LastOrDefault(p => keys.Any(k => p.Key.EndsWith("." + k, StringComparison.Ordinal))) is not { } property
                || SpringValue.Of(property.Value.Value) is not { Text: { Length: > 0 } value })
            {
                continue;
            }

            var at = _file.At(property.Value.Line, property.Value.Column);
            component.Evidence.Add(at);
            if (what == "region" && component.Region is null)
            {
                component.Region = new Sourced<string>(value, at);
            }

            component.Notes.Add($"{_client.Framework} sets the {what} {value} ({property.Written}, {at}).");
        }
    }

    private static bool IsFalse(SpringProperty p) => string.Equals(SpringValue.Of(p.Value.Value).Text, "false", StringComparison.OrdinalIgnoreCase);
}
