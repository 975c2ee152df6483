using GatewayAudit.Core.Model;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Turns the sightings of one file into components and flows: one component per party however many sightings (each is
/// evidence), one flow from the application code with the data categories its call sites show. A party seen only
/// through an import is kept as a possible party with confidence <c>import-only</c>, never dropped and never certain.
/// </summary>
internal static class LexicalInventory
{
    /// <summary>The application code as one client of every party (the id the C# reader uses too).</summary>
    public const string AppId = CodeApplication.Id;

    private static readonly DataCategory[] Requests = [DataCategory.Prompt, DataCategory.Completion, DataCategory.Metadata];

    public static StackModel Build(InputFile file, IReadOnlyList<LexicalSighting> sightings)
    {
        if (sightings.Count == 0)
        {
            return new StackModel();
        }

        return Build(file.DisplayPath, sightings.Select(s => (s, file.At(s.At.Line, s.At.Column))).ToList());
    }

    /// <summary>The parties of sightings already placed in <paramref name="path"/> (also the stack assembly's, once it knows a value another file holds).</summary>
    public static StackModel Build(string path, IReadOnlyList<(LexicalSighting Sighting, SourceLocation At)> sightings)
    {
        var model = new StackModel();
        var resolved = sightings.Select(s => (s.Sighting, s.At, Party: LexicalParties.Resolve(s.Sighting.Target, s.At.ToString())))
            .OrderBy(s => s.At)
            .ToList();
        var appEvidence = resolved.Where(s => s.Sighting.Kind != LexicalSightingKind.ImportOnly).Select(s => s.At).FirstOrDefault() ?? resolved[0].At;
        var app = CodeApplication.Add(model, appEvidence);
        if (resolved.FirstOrDefault(s => s.Sighting is { Sdk: LexicalVocabulary.LiteLlmModule, Kind: LexicalSightingKind.Call }) is { Sighting: not null } inProcess)
        {
            // The application runs LiteLLM in its own process: the stack assembly reads this beside a config nothing runs.
            app.Attributes.Set(Stacks.UnrunProxyConfig.InProcessCallAttribute, inProcess.At.ToString(), inProcess.At);
        }

        foreach (var group in resolved.GroupBy(s => s.Party.Id, StringComparer.Ordinal))
        {
            // An import of an SDK whose party the file also reaches another way adds nothing.
            var seen = group.Where(s => s.Sighting.Kind != LexicalSightingKind.ImportOnly).ToList();
            AddParty(model, path, seen.Count > 0 ? seen : group.ToList());
        }

        return model;
    }

    private static void AddParty(StackModel model, string path, List<(LexicalSighting Sighting, SourceLocation At, LexicalParty Party)> seen)
    {
        // The sighting with an address says most about the party (a self-hosted instance), over a key or an import.
        var party = seen.Select(s => s.Party).FirstOrDefault(p => p.Host is not null) ?? seen[0].Party;
        var first = seen[0].At;
        var component = model.Add(new Component { Id = party.Id, Name = party.Name, Role = party.Role, Vendor = party.Vendor, Hosting = party.Hosting });
        component.Evidence.UnionWith(seen.Select(s => s.At));
        component.AddAddressFromEnvironment(seen.Where(s => s.Party.AddressFromEnvironment).Select(s => s.At));
        if (party.Host is { } host)
        {
            component.Attributes.Set("host", host, seen.First(s => s.Party.Host is not null).At);
            HostClassifier.SetRegionFromHost(component, host, first);
        }

        if (seen.Select(s => s.Sighting.Target.Location).FirstOrDefault(l => l is not null) is var (region, from, token))
        {
            SetLocation(component, region, from, new SourceLocation(path, token.Line, token.Column));
        }

        if (party.Purpose is { } purpose)
        {
            component.Attributes.Set("purpose", purpose);
        }

        if (party.Server is { } server)
        {
            component.Attributes.Set("server", server);
        }

        var proxies = seen.Select(s => s.Party.ProxyAddress).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (proxies.Length > 0)
        {
            component.Attributes.Set("callsOwnProxy", proxies);
        }

        var models = seen.Select(s => s.Sighting.Target.Model).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (models.Length > 0)
        {
            component.Attributes.Set("models", models);
        }

        // The strongest sighting (LexicalSightingKind is ordered strongest first); across files the stronger wins too (AttributeStrength).
        var confidence = Confidence(seen.Min(s => s.Sighting.Kind));
        component.Attributes.Set("confidence", confidence);
        foreach (var note in seen.Select(s => s.Party.Note).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            component.Notes.Add(note);
        }

        foreach (var question in seen.Select(s => (s.Party.Question, s.At)).Where(q => q.Question is not null).DistinctBy(q => q.Question))
        {
            model.OpenQuestions.Add(new OpenQuestion(component.Name, question.Question!, question.At) { About = component.Id, OpenWhile = OpenWhile.HostingUnknown });
        }

        var calls = seen.Where(s => s.Sighting.Kind == LexicalSightingKind.Call).ToList();
        component.Notes.Add(Explain(seen, calls, path));
        var categories = party.Sends is { } sends
            ? sends.Concat(seen.Any(s => s.Sighting.RecordsPrompts) ? [DataCategory.Prompt, DataCategory.Completion] : [])
            : calls.Count > 0 ? calls.SelectMany(c => CategoriesOf(c.Sighting.Call!.Value)) : Requests;
        var flow = model.Connect(AppId, component.Id, categories, first);
        flow.Evidence.UnionWith(seen.Select(s => s.At));
        flow.Attributes.Set("kind", party.Role == ComponentRole.ToolApi ? "tool" : party.Sends is not null ? "telemetry" : calls.Count > 0 && calls.All(c => c.Sighting.Call == LexicalCallKind.Listing) ? "listing" : "inference");
        flow.Attributes.Set("confidence", confidence);
        if (calls.Count > 0)
        {
            flow.Attributes.Set("callSites", calls.Select(c => $"{c.At} {CallName(c.Sighting.Call!.Value)}").Distinct(StringComparer.Ordinal).ToArray());
        }

        if (proxies.Length > 0)
        {
            flow.Attributes.Set("callsOwnProxy", proxies);
        }
    }

    /// <summary>
    /// A Vertex AI client's <c>location</c>: the region it serves from, except <c>global</c>, whose processing region
    /// "you can't control or know" (cloud.google.com/vertex-ai/generative-ai/docs/learn/locations, read 2026-11-30).
    /// </summary>
    private static void SetLocation(Component component, string? region, string? from, SourceLocation at)
    {
        if (region is "global")
        {
            component.Evidence.Add(at);
            component.Notes.Add($"location \"global\" at {at}: Vertex AI's global endpoint, whose processing region cannot be chosen or known.");
        }
        else if (region is not null && component.Region is null)
        {
            component.Region = new Sourced<string>(region, at);
            component.Notes.Add(from is null ? $"Region {region} from the client's location at {at}." : $"Region {region} from the client's location at {at}, the default of {from}: where {from} is set, its value is the region.");
        }
        else if (region is null && from is not null)
        {
            component.Notes.Add($"The client's location comes from {from} ({at}), which this file does not resolve: the region is not shown here.");
        }
    }

    private static string Explain(List<(LexicalSighting Sighting, SourceLocation At, LexicalParty Party)> seen, List<(LexicalSighting Sighting, SourceLocation At, LexicalParty Party)> calls, string path)
    {
        var (sighting, at, party) = seen[0];
        if (sighting.Kind == LexicalSightingKind.ImportOnly)
        {
            return $"Possible party, lower confidence (import-only): the {sighting.Sdk} SDK is imported at {at}, but {path} creates no client and makes no call with it.";
        }

        if (calls.Count > 0 || party.Sends is not null)
        {
            return calls.Count > 0
                ? $"Called from {path}: {string.Join(", ", calls.Select(c => $"line {c.At.Line} ({CallName(c.Sighting.Call!.Value)})").Distinct(StringComparer.Ordinal))}."
                : $"Set up in {path} at line {at.Line}.";
        }

        if (sighting.Kind == LexicalSightingKind.Data && sighting.Sdk == LexicalVocabulary.PydanticAiModule)
        {
            return $"Possible party, lower confidence: the pydantic-ai model name '{sighting.At.Text}' is held as data at {at} (a model the agent may be run with), and no Agent in {path} is created with it.";
        }

        if (sighting.Kind == LexicalSightingKind.Data)
        {
            return $"Possible party, lower confidence: its address is held as data at {at} (a value in a dict or object literal), and {path} creates no client and makes no call with it.";
        }

        var what = sighting.Kind == LexicalSightingKind.Client ? $"A {sighting.Sdk} client is created at {at}" : $"Its address appears at {at}";
        return $"{what}; no call in that file shows what is sent, so the data categories are what the API is for.";
    }

    internal static IEnumerable<DataCategory> CategoriesOf(LexicalCallKind call) => call switch
    {
        LexicalCallKind.Listing => [DataCategory.Metadata],
        LexicalCallKind.Embedding => [DataCategory.Prompt, DataCategory.Metadata],
        _ => Requests,
    };

    internal static string CallName(LexicalCallKind call) => call switch
    {
        LexicalCallKind.Listing => "listing",
        LexicalCallKind.Embedding => "embedding",
        _ => "chat",
    };

    private static string Confidence(LexicalSightingKind kind) => kind switch
    {
        LexicalSightingKind.Call => "call",
        LexicalSightingKind.Client => "client",
        LexicalSightingKind.Setting => "setting",
        LexicalSightingKind.Endpoint => "address",
        LexicalSightingKind.Data => "presumed",
        _ => "import-only",
    };
}
