using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Core.Yaml;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Portkey in Python, TypeScript/JavaScript, Go and Java/Kotlin tokens: the SDK's <c>Portkey(...)</c> /
/// <c>AsyncPortkey(...)</c> / <c>new Portkey({...})</c> and <c>createHeaders(...)</c> (portkey_ai, portkey-ai) with their
/// config, provider, virtual key and base URL options, and the <c>x-portkey-config</c> / <c>-provider</c> /
/// <c>-virtual-key</c> headers written in any headers object or header call. What they name is read by
/// <see cref="CodePortkey"/>, the same logic as a Portkey config file. Strings in log, print and test-double calls are
/// messages, not requests; comments never reach here.
/// </summary>
internal static class LexicalPortkey
{
    private static readonly HashSet<string> SdkEntries = new(StringComparer.Ordinal) { "Portkey", "AsyncPortkey", "createHeaders" };

    public static void Apply(InputFile file, LexicalSource source, StackModel model, List<Diagnostic> diagnostics, SecretLedger secrets)
    {
        var portkey = new CodePortkey(file, model);
        var objects = new LexicalObjects(source);
        var targets = new SortedDictionary<int, ((YamlScalar Key, YamlNode Value)?[] Headers, CodePortkey.Gateway Gateway)>();
        for (var i = 0; i < source.Count; i++)
        {
            if (source[i].Is("(") && source.Match[i] > i && source.Chain(i) is { Names.Count: > 0 } chain && IsSdkEntry(source, chain.Names)
                && !source.Quiet.Skip(chain.Start).Take(i - chain.Start + 1).Any(q => q) && !LexicalVocabulary.IsTestDoubleCall(chain.Names))
            {
                var at = file.At(source[chain.Start].Line, source[chain.Start].Column);
                var options = objects.MappingAt(i);
                var gateway = chain.Names[^1] == "createHeaders" ? GatewayOf(file, source, objects, i) : BaseUrl(file, options) ?? CodePortkey.Gateway.Hosted;
                ReadOptions(portkey, options, $"{chain.Names[^1]}() options", at, gateway);
            }
            else if (source[i].Kind == LexicalTokenKind.String && !source.Quiet[i] && GatewayTerms.FindHeader(source[i].Text) is { Vendor: GatewayTerms.Portkey } header
                && ValueStart(source, i) is { } start)
            {
                var at = file.At(source[i].Line, source[i].Column);
                var key = new YamlScalar(source[i].Line, source[i].Column, header.Name, true, null);
                var value = objects.ValueFrom(start);
                var gateway = GatewayOf(file, source, objects, i);
                var slot = header.Name switch { "x-portkey-provider" => 0, "x-portkey-virtual-key" => 1, _ => -1 };
                if (slot >= 0)
                {
                    // A provider and a virtual key in one headers object are one target; so are those set by header calls
                    // (.header(name, value), Header.Set(name, value)) in one file, which build one request in a chain.
                    var holder = source.IsPunct(i + 1, ",") ? int.MinValue : Enclosing(source, i);
                    var group = targets.TryGetValue(holder, out var pair) ? pair : targets[holder] = (new (YamlScalar, YamlNode)?[2], gateway);
                    group.Headers[slot] ??= (key, value);
                }
                else if (header.Name == "x-portkey-config")
                {
                    ReadConfigValue(portkey, (value, key), header.Name, at, gateway);
                }
                else
                {
                    portkey.Seen(at, gateway);
                }
            }
        }

        foreach (var (_, (headers, gateway)) in targets)
        {
            var target = Target(headers[0], headers[1])!;
            portkey.AddConfig(target, headers[0] is null ? "x-portkey-virtual-key" : "x-portkey-provider", file.At(target.Line, target.Column), gateway);
        }

        portkey.Apply(diagnostics, secrets);
    }

    /// <summary>The bracket that holds a token (a headers object, a call's arguments); -1 at the top of the file.</summary>
    private static int Enclosing(LexicalSource source, int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            if (source[k].Kind == LexicalTokenKind.Punct && source[k].Text is "{" or "(" or "[" && source.Match[k] > at)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Portkey's own SDK entry points: the client classes, and createHeaders when imported from the SDK (or called on it).</summary>
    private static bool IsSdkEntry(LexicalSource source, List<string> names) =>
        SdkEntries.Contains(names[^1]) && (names[^1] != "createHeaders"
            || (names.Count == 1 ? source.ImportedNames.TryGetValue("createHeaders", out var imported) && imported.Key == GatewayTerms.Portkey
                : source.ImportedNames.TryGetValue(names[0], out var module) && module.Key == GatewayTerms.Portkey));

    /// <summary>The first token of a header's value: after <c>:</c>, <c>,</c> or <c>=</c>, or <c>]=</c> (<c>headers["x-portkey-config"] = ...</c>).</summary>
    private static int? ValueStart(LexicalSource source, int key) =>
        source.IsPunct(key + 1, ":") || source.IsPunct(key + 1, ",") || (source.IsPunct(key + 1, "=") && !source.IsPunct(key + 2, "=")) ? key + 2
        : source.IsPunct(key + 1, "]") && source.IsPunct(key + 2, "=") && !source.IsPunct(key + 3, "=") ? key + 3
        : null;

    /// <summary>
    /// The gateway of a header or createHeaders(): the base URL of the client whose options hold it (up to three calls
    /// out), else Portkey's hosted gateway. A base URL the file does not resolve is taken as the SDK's default, as the
    /// Portkey config reader takes a file without one.
    /// </summary>
    private static CodePortkey.Gateway GatewayOf(InputFile file, LexicalSource source, LexicalObjects objects, int at)
    {
        var calls = 0;
        for (var k = at - 1; k >= 0 && calls < 3; k--)
        {
            if (source[k].Is("(") && source.Match[k] > at)
            {
                calls++;
                if (BaseUrl(file, objects.MappingAt(k)) is { } gateway)
                {
                    return gateway;
                }
            }
        }

        return CodePortkey.Gateway.Hosted;
    }

    private static CodePortkey.Gateway? BaseUrl(InputFile file, YamlMapping? options) =>
        options is not null && GatewayKeys.Value(options, "base_url") is YamlScalar { Quoted: true } url
            ? CodePortkey.Gateway.At(url.Value, file.At(url.Line, url.Column))
            : null;

    private static void ReadOptions(CodePortkey portkey, YamlMapping? options, string path, SourceLocation at, CodePortkey.Gateway gateway)
    {
        if (options is null)
        {
            return;
        }

        portkey.Seen(at, gateway);
        ReadConfigValue(portkey, GatewayKeys.Get(options, "config"), path + ".config", at, gateway);
        var target = Target(GatewayKeys.Get(options, "provider").Key is { } p ? (p, GatewayKeys.Value(options, "provider")!) : null,
            GatewayKeys.Get(options, "virtual_key").Key is { } v ? (v, GatewayKeys.Value(options, "virtual_key")!) : null);
        if (target is not null)
        {
            portkey.AddConfig(target, path, at, gateway);
        }
    }

    /// <summary>A config written as an object, or as text (JSON or a saved config's id); a variable the file does not resolve adds only the gateway.</summary>
    private static void ReadConfigValue(CodePortkey portkey, (YamlNode? Value, YamlScalar? Key) config, string path, SourceLocation at, CodePortkey.Gateway gateway)
    {
        switch (config.Value)
        {
            case YamlMapping mapping:
                portkey.AddConfig(mapping, path, at, gateway);
                break;
            case YamlScalar { Quoted: true } text:
                portkey.AddConfigText(text.Value, text.Line, text.Column, path, at, gateway);
                break;
            default:
                portkey.Seen(at, gateway);
                break;
        }
    }

    /// <summary>provider and / or virtual_key as one target of a config (<c>{"targets": [{...}]}</c>), so the config reader reads it.</summary>
    private static YamlMapping? Target((YamlScalar Key, YamlNode Value)? provider, (YamlScalar Key, YamlNode Value)? virtualKey)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        if (provider is var (pk, pv))
        {
            entries.Add(new(new YamlScalar(pk.Line, pk.Column, "provider", false, null), pv));
        }

        if (virtualKey is var (vk, vv))
        {
            entries.Add(new(new YamlScalar(vk.Line, vk.Column, "virtual_key", false, null), vv));
        }

        if (entries.Count == 0)
        {
            return null;
        }

        var at = entries[0].Key;
        return new YamlMapping(at.Line, at.Column, [new(new YamlScalar(at.Line, at.Column, "targets", false, null), new YamlSequence(at.Line, at.Column, [new YamlMapping(at.Line, at.Column, entries)]))]);
    }
}
