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
                // A provider and a virtual key in one headers object are one target; so are those set by header calls
                // (.header(name, value), Header.Set(name, value)) in one file, which build one request in a chain.
                var group = source.IsPunct(i + 1, ",") ? int.MinValue : Enclosing(source, i);
                portkey.AddHeader(header.Name, objects.ValueFrom(start), file.At(source[i].Line, source[i].Column), GatewayOf(file, source, objects, i), group);
            }
        }

        portkey.Apply(diagnostics, secrets);
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
        portkey.AddConfigValue(GatewayKeys.Value(options, "config"), path + ".config", at, gateway);
        var settings = new[] { "provider", "virtual_key" }
            .Select(k => GatewayKeys.Get(options, k) is ({ } value, { } key) ? (new YamlScalar(key.Line, key.Column, k, false, null), value) : ((YamlScalar, YamlNode)?)null)
            .ToArray();
        if (CodePortkey.Target(settings) is { } target)
        {
            portkey.AddConfig(target, path, at, gateway);
        }
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
}
