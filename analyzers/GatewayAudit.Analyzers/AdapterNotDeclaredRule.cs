using Microsoft.CodeAnalysis;

namespace GatewayAudit.Analyzers;

/// <summary>
/// GW000: the first-run guidance. Once per compilation, when GW001-GW004 reported something and no adapter is
/// declared (no <c>gateway_audit.adapter_types</c> for any file, no type marked <c>[GatewayAdapter]</c>), say how to
/// declare one: until then every gateway detail counts as outside the adapter, including the adapter's own.
/// </summary>
public static class AdapterNotDeclaredRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIdentifiers.AdapterNotDeclared,
        title: "No gateway adapter is declared",
        messageFormat: "{0} gateway warning(s) in this project and no gateway adapter declared: list the adapter types in .editorconfig (gateway_audit.adapter_types = Acme.Llm.OpenRouterAdapter, Acme.Llm.Gateway.*) or mark them [GatewayAdapter]; until then the adapter's own details are reported too",
        category: RuleIdentifiers.Category,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "GW001-GW004 report gateway details outside the one type (or namespace) that should own them. Without a declared adapter there is no inside, so the first run reports the adapter itself. Declare it once; options and settings classes that hold the adapter's defaults can be declared with it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.AdapterNotDeclared),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
