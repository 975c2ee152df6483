using GatewayAudit.Core.Model;
using GatewayAudit.Core.Readers.Gateways;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Helicone as code shows it, modelled by the same logic as a Helicone settings file (<see cref="HeliconeConfigReader"/>):
/// a dedicated host (<c>oai.helicone.ai</c> is OpenAI) puts that provider under Helicone, called with the operator's own
/// key; <c>"Helicone-Omit-Request": "true"</c> in the file's headers means the prompt is still sent to Helicone but not
/// stored (https://docs.helicone.ai/features/advanced-usage/omit-logs); <c>"Helicone-Cache-Enabled": "true"</c> keeps the
/// responses at Helicone, a retention surface (<see cref="HeliconeConfigReader.AddResponseCache"/>).
/// </summary>
internal static class LexicalHelicone
{
    private const string HeliconeId = "provider:helicone";

    public static void Apply(InputFile file, LexicalSource source, StackModel model)
    {
        if (model.Find(HeliconeId) is not { } helicone || model.FlowsInto(HeliconeId).FirstOrDefault(f => f.From == LexicalInventory.AppId) is not { } flow)
        {
            return;
        }

        if (helicone.Attributes["host"] is string host && GatewayTerms.FindHost(host)?.Upstream is { } vendor)
        {
            var at = helicone.Attributes.Origin("host") ?? helicone.Evidence.First();
            HeliconeConfigReader.AddUpstream(model, helicone, vendor, null, GatewayTerms.Hosts.FirstOrDefault(h => h.Vendor == vendor)?.Name, at);
            helicone.Notes.Add($"{host} is Helicone's proxy host for {vendor}: Helicone receives each request and passes it on to the provider.");
        }

        (SourceLocation At, string Value)? control = null;
        SourceLocation? cacheOn = null;
        for (var i = 0; i + 2 < source.Count; i++)
        {
            var token = source[i];
            if (token.Kind != LexicalTokenKind.String || !(source.IsPunct(i + 1, ":") || source.IsPunct(i + 1, ",") || source.IsPunct(i + 1, "=")))
            {
                continue;
            }

            var on = source[i + 2].Text is "true" or "True";
            if (HeliconeConfigReader.OmitHeaders.ContainsKey(token.Text) && on)
            {
                HeliconeConfigReader.MarkOmitted(helicone, flow, token.Text, file.At(token.Line, token.Column));
            }
            else if (string.Equals(token.Text, HeliconeConfigReader.CacheHeader, StringComparison.OrdinalIgnoreCase) && on)
            {
                cacheOn ??= file.At(token.Line, token.Column);
            }
            else if (string.Equals(token.Text, "Cache-Control", StringComparison.OrdinalIgnoreCase) && source[i + 2].Kind == LexicalTokenKind.String)
            {
                control ??= (file.At(token.Line, token.Column), source[i + 2].Text);
            }
        }

        if (cacheOn is not null)
        {
            HeliconeConfigReader.AddResponseCache(model, helicone, cacheOn, control?.Value, control?.At);
        }
    }
}
