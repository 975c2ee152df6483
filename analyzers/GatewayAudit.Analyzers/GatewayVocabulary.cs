using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GatewayAudit.Analyzers;

/// <summary>
/// What counts as gateway-specific for one set of <c>.editorconfig</c> options: the built-in lists plus the user's
/// additions, and which types are the adapter. Built once per distinct option set and compilation; immutable after
/// construction except for the adapter cache, which is a concurrent dictionary.
/// </summary>
public sealed class GatewayVocabulary
{
    public const string AdapterTypesKey = "gateway_audit.adapter_types";
    public const string HeaderNamesKey = "gateway_audit.header_names";
    public const string ModelVendorsKey = "gateway_audit.model_vendors";
    public const string EndpointHostsKey = "gateway_audit.endpoint_hosts";
    public const string RequestFieldsKey = "gateway_audit.request_fields";

    /// <summary>
    /// <c>true</c> (the default) or <c>false</c>: whether a test project's code is left out. A test project is one whose
    /// <c>IsTestProject</c> build property is true (the package makes it visible to the compiler) or that references
    /// xUnit, NUnit, MSTest or TUnit.
    /// </summary>
    public const string ExcludeTestsKey = "gateway_audit.exclude_tests";

    /// <summary>The attribute that marks an adapter type, matched by name in any namespace.</summary>
    public const string AdapterAttributeName = "GatewayAdapterAttribute";

    private readonly HashSet<string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _headerPrefixes = [];
    private readonly Dictionary<string, VendorKind> _vendors = new(StringComparer.Ordinal);
    private readonly List<string> _hosts = [];
    private readonly HashSet<string> _extraFields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _adapterTypes = new(StringComparer.Ordinal);
    private readonly List<string> _adapterNamespaces = [];
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _adapterCache = new(SymbolEqualityComparer.Default);

    public GatewayVocabulary(string? adapterTypes = null, string? headerNames = null, string? modelVendors = null, string? endpointHosts = null, string? requestFields = null, string? excludeTests = null)
    {
        ExcludeTests = !string.Equals(excludeTests?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        foreach (var header in Concat(GatewayHeaderRule.DefaultHeaderNames, Split(headerNames)))
        {
            if (header.EndsWith("*", StringComparison.Ordinal))
            {
                _headerPrefixes.Add(header.Substring(0, header.Length - 1));
            }
            else
            {
                _headers.Add(header);
            }
        }

        KindLookup = KindOf;
        EveryHeaderHasDash = true;
        foreach (var header in _headers)
        {
            EveryHeaderHasDash &= header.IndexOf('-') >= 0;
        }

        foreach (var prefix in _headerPrefixes)
        {
            EveryHeaderHasDash &= prefix.IndexOf('-') >= 0;
        }

        foreach (var vendor in GatewayModelSlugRule.DefaultCompanyVendors)
        {
            _vendors[vendor] = VendorKind.Company;
        }

        // A vendor the user names is treated as distinctive: they told us it is a gateway author.
        foreach (var vendor in Concat(GatewayModelSlugRule.DefaultLabVendors, Split(modelVendors)))
        {
            _vendors[vendor] = VendorKind.Lab;
        }

        foreach (var host in Concat(GatewayEndpointRule.DefaultHosts, Split(endpointHosts)))
        {
            _hosts.Add(host.Trim('.').ToLowerInvariant());
        }

        foreach (var field in Split(requestFields))
        {
            _extraFields.Add(field);
        }

        foreach (var type in Split(adapterTypes))
        {
            if (type.EndsWith(".*", StringComparison.Ordinal))
            {
                _adapterNamespaces.Add(type.Substring(0, type.Length - 1)); // keeps the trailing '.'
            }
            else
            {
                _adapterTypes.Add(type.StartsWith("global::", StringComparison.Ordinal) ? type.Substring("global::".Length) : type);
            }
        }
    }

    /// <summary>The vocabulary for a tree's options; a key the tree's options lack is read from the global options (.globalconfig).</summary>
    public static GatewayVocabulary FromOptions(AnalyzerConfigOptions options, AnalyzerConfigOptions? globalOptions = null)
    {
        var values = Read(options, globalOptions);
        return new GatewayVocabulary(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /// <summary>The raw option values, to share one vocabulary between trees with the same options.</summary>
    public static string OptionsKey(AnalyzerConfigOptions options) => string.Join("\u0001", Read(options, null));

    private static string?[] Read(AnalyzerConfigOptions options, AnalyzerConfigOptions? globalOptions)
    {
        string[] keys = [AdapterTypesKey, HeaderNamesKey, ModelVendorsKey, EndpointHostsKey, RequestFieldsKey, ExcludeTestsKey];
        var values = new string?[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = options.TryGetValue(keys[i], out var value) ? value
                : globalOptions is not null && globalOptions.TryGetValue(keys[i], out var global) ? global : null;
        }

        return values;
    }

    /// <summary>False only when <c>gateway_audit.exclude_tests = false</c>.</summary>
    public bool ExcludeTests { get; }

    /// <summary>True when these options list adapter types (<c>gateway_audit.adapter_types</c>).</summary>
    public bool DeclaresAdapter => _adapterTypes.Count > 0 || _adapterNamespaces.Count > 0;

    /// <summary>True when the type carries an attribute named <c>GatewayAdapter</c>.</summary>
    public static bool HasAdapterAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name == AdapterAttributeName || name == "GatewayAdapter")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every header name has a '-', so a string without one is skipped at once (most strings).</summary>
    public bool EveryHeaderHasDash { get; }

    public bool IsGatewayHeader(string name)
    {
        if (_headers.Contains(name))
        {
            return true;
        }

        foreach (var prefix in _headerPrefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal VendorKind KindOf(string vendor) => _vendors.TryGetValue(vendor, out var kind) ? kind : VendorKind.None;

    /// <summary><see cref="KindOf"/> as one delegate, made once, for the shared slug matcher.</summary>
    internal Func<string, VendorKind> KindLookup { get; }

    public bool IsGatewayHost(string host)
    {
        foreach (var gatewayHost in _hosts)
        {
            if (GatewayEndpointRule.HostMatches(host, gatewayHost))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsExtraRequestField(string name) => _extraFields.Count > 0 && _extraFields.Contains(name);

    /// <summary>
    /// True when <paramref name="symbol"/> is, or is declared inside, an adapter type: listed in
    /// <c>gateway_audit.adapter_types</c> (exactly, or by a <c>Namespace.*</c> wildcard that also covers nested
    /// namespaces) or marked with an attribute named <c>GatewayAdapter</c>. Nested types of an adapter are the adapter.
    /// </summary>
    public bool IsInAdapter(ISymbol? symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        while (type is not null)
        {
            if (_adapterCache.GetOrAdd(type, IsAdapterType))
            {
                return true;
            }

            type = type.ContainingType;
        }

        return false;
    }

    private bool IsAdapterType(INamedTypeSymbol type)
    {
        if (HasAdapterAttribute(type))
        {
            return true;
        }

        if (_adapterTypes.Count == 0 && _adapterNamespaces.Count == 0)
        {
            return false;
        }

        var fullName = FullName(type);
        if (_adapterTypes.Contains(fullName))
        {
            return true;
        }

        foreach (var prefix in _adapterNamespaces)
        {
            if (fullName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Namespace.Outer.Inner</c>, without generic arity: what a person writes in .editorconfig.</summary>
    private static string FullName(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "." + name;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    private static IEnumerable<string> Split(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            yield break;
        }

        foreach (var part in list!.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                yield return trimmed;
            }
        }
    }

    private static IEnumerable<string> Concat(IEnumerable<string> first, IEnumerable<string> second)
    {
        foreach (var item in first)
        {
            yield return item;
        }

        foreach (var item in second)
        {
            yield return item;
        }
    }
}
