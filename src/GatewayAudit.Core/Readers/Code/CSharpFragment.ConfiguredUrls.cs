using GatewayAudit.Core.Model;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Raw HTTP requests and base addresses whose URL is a .NET configuration value (<see cref="ConfiguredUrlSite"/>). Where
/// this file shows the request is an LLM call (the path it appends, or relative LLM calls on the base address), the
/// site is an endpoint named by its key until the stack assembly finds the value, as an SDK client's endpoint from
/// configuration is. Where it does not (<c>PostAsync(_configuration["GeminiApiUrl"], body)</c>), the file alone names
/// no party: the site is recorded for the join only, which makes a party of it only when the value itself names one
/// (<see cref="LexicalAddresses.NamesParty"/>), so the many configured URLs of ordinary back ends are no rows.
/// </summary>
internal sealed partial class CSharpFragment
{
    private void AddConfiguredUrls()
    {
        var relativeLlmCalls = sites.Calls.Any(c => !c.Sdk && c.Url is null);
        foreach (var site in sites.ConfiguredUrls)
        {
            // A plain object's property (a parameter typed T) is a configuration value only once the stack assembly finds T
            // bound to a section; through IOptions<T> it is one already.
            var key = site.Key;
            var shown = (site.Kind is not null || (site.BaseAddress && relativeLlmCalls)) && (key.OptionsType is null || key.Accessed);
            var call = site.Kind switch
            {
                CallKind.Listing => LexicalCallKind.Listing,
                _ => LexicalCallKind.Chat,
            };
            var sighting = new LexicalSighting(new LexicalTarget("address"), site.Kind is null && site.BaseAddress ? LexicalSightingKind.Endpoint : LexicalSightingKind.Call,
                site.Kind is null && site.BaseAddress ? null : call, new LexicalToken(LexicalTokenKind.String, key.Shown, site.At.Line, site.At.Column));
            var partyId = "";
            if (shown)
            {
                var party = Add(new Component
                {
                    Id = $"provider:setting:{key.Shown}",
                    Name = $"Endpoint set by {key.Shown} (HttpClient)",
                    Role = ComponentRole.ModelProvider,
                    Hosting = Hosting.Unknown,
                }, PartyKind.ModelProvider, site.At);
                party.HttpBase |= site.BaseAddress;
                if (site.Kind is { } kind)
                {
                    AddCall(party, kind, site.At);
                }

                var what = key.OptionsType is { } type ? $"the property {key.Key.Replace(':', '.')} of the options class {type} (bound to configuration elsewhere)" : $"the .NET configuration key {key.Key}";
                party.Component.Notes.Add($"An HTTP request whose URL is {what}: whoever runs that address receives the prompts.");
                _model.OpenQuestions.Add(new OpenQuestion(party.Component.Name,
                    $"The HTTP request at {site.At} is sent to the address in {what}, which no settings file in the inputs sets: which server is it, who runs it, and what does it keep?", site.At) { About = party.Component.Id });
                partyId = party.Component.Id;
            }

            // The key's value is in appsettings*.json: the stack assembly resolves the site (Stacks/SettingsFileJoin).
            _model.CodeClients.ImportedValues.Add(new ImportedValue(key.Key, shown ? CSharpConfigurationKey.Module : CSharpConfigurationKey.RequestModule, key.OptionsType, "", Language,
                site.At, LexicalImportedName.AddressSlot, partyId, sighting));
        }
    }
}
