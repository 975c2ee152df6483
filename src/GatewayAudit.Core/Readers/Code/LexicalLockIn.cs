using GatewayAudit.Core.Model;
using GatewayAudit.Vocabulary;

namespace GatewayAudit.Core.Readers.Code;

/// <summary>
/// Gateway base URLs and gateway headers that Python, TypeScript/JavaScript, Go and Java code writes, as lock-in
/// evidence on the gateway the file reaches (the report's lock-in section; the analyzer's GW003 and GW001 for C#).
/// Only string literals that are code: not docstrings, not the text of a log or exception message; comments are
/// never tokens. Slugs and request fields are recorded where OpenRouter's routing is read (<see cref="LexicalOpenRouter"/>).
/// </summary>
internal static class LexicalLockIn
{
    public static void Apply(InputFile file, LexicalSource source, StackModel model)
    {
        for (var i = 0; i < source.Count; i++)
        {
            var token = source[i];
            if (token.Kind != LexicalTokenKind.String || token.Form == LexicalStringForm.Docstring || source.Quiet[i])
            {
                continue;
            }

            var at = file.At(token.Line, token.Column);
            if (CodeUrl.Parse(token.Text) is { } url && GatewayTerms.FindHost(url.Host) is { Kind: PartyKind.Gateway } host
                && Gateway(model, host.Vendor) is { } byHost)
            {
                CSharpFragment.LockIn(byHost, at, "base-url", url.Shown);
            }
            else if (token.Text.Length < 64 && GatewayTerms.FindHeader(token.Text) is { } header && Gateway(model, header.Vendor) is { } byHeader)
            {
                CSharpFragment.LockIn(byHeader, at, "header", token.Text);
            }
        }
    }

    private static Component? Gateway(StackModel model, string vendor) =>
        model.Find($"provider:{vendor}") is { Role: ComponentRole.Gateway } gateway ? gateway : null;
}
