using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GatewayAudit.Analyzers;

/// <summary>
/// What one compilation's analysis shares: the vocabulary of each syntax tree, whether the compilation is a test
/// project, the values of <c>static readonly</c> members (read once from their declaration), which types target a
/// provider whose own model ids look like gateway slugs, and what the first-run guidance (GW000) needs to know.
/// Made in the compilation start action; its caches are concurrent dictionaries, its counters interlocked.
/// </summary>
internal sealed class AnalysisScope
{
    /// <summary>The MSBuild property a test project sets (Microsoft.NET.Test.Sdk's props set it to true).</summary>
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    /// <summary>
    /// Assemblies only a test project references: xUnit v2/v3, NUnit, MSTest, TUnit. Compared by simple name.
    /// </summary>
    public static readonly IReadOnlyList<string> TestFrameworkAssemblies =
    [
        "xunit.core", "xunit.v3.core", "xunit.assert", "xunit.v3.assert", "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core",
    ];

    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<string, GatewayVocabulary> _byOptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, GatewayVocabulary> _byTree = new();
    private readonly ConcurrentDictionary<ISymbol, string?> _declaredValues = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _providerTypes = new(SymbolEqualityComparer.Default);
    private int _warnings;
    private int _adapterDeclared;

    public AnalysisScope(Compilation compilation, AnalyzerConfigOptionsProvider provider)
    {
        _provider = provider;
        IsTestProject = IsTestCompilation(compilation, provider.GlobalOptions);
    }

    /// <summary>True when the compilation is a test project (its build property or a test framework reference says so).</summary>
    public bool IsTestProject { get; }

    public int Warnings => Volatile.Read(ref _warnings);

    public bool AdapterDeclared => Volatile.Read(ref _adapterDeclared) != 0;

    /// <summary>
    /// The vocabulary for a tree's options, or null when the tree is not analyzed: a test project's file while
    /// <c>gateway_audit.exclude_tests</c> is on (the default).
    /// </summary>
    public GatewayVocabulary? VocabularyFor(SyntaxTree tree)
    {
        var vocabulary = _byTree.GetOrAdd(tree, t =>
        {
            var options = _provider.GetOptions(t);
            return _byOptions.GetOrAdd(GatewayVocabulary.OptionsKey(options), _ => GatewayVocabulary.FromOptions(options, _provider.GlobalOptions));
        });
        if (vocabulary.DeclaresAdapter)
        {
            NoteAdapterDeclared();
        }

        return IsTestProject && vocabulary.ExcludeTests ? null : vocabulary;
    }

    /// <summary>True when every tree of a test project is scoped out: then nothing needs registering at all.</summary>
    public bool SkipsEveryTree(Compilation compilation)
    {
        if (!IsTestProject)
        {
            return false;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (VocabularyFor(tree) is not null)
            {
                return false;
            }
        }

        return true;
    }

    public void NoteAdapterDeclared() => Interlocked.Exchange(ref _adapterDeclared, 1);

    public void Report(Action<Diagnostic> report, Diagnostic diagnostic)
    {
        Interlocked.Increment(ref _warnings);
        report(diagnostic);
    }

    /// <summary>
    /// The string an operation stands for when the code says so where it is declared: a constant, or a
    /// <c>static readonly</c> field or static property initialised with a string literal (or <c>new Uri("...")</c>).
    /// </summary>
    public string? KnownValue(IOperation operation, CancellationToken cancellationToken)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.ConstantValue.Value is string constant)
        {
            return constant;
        }

        return ExportedMember(operation) is { } member ? DeclaredValue(member, cancellationToken) : null;
    }

    /// <summary>The <c>static readonly</c> field or static property an operation reads, when it is of type string or Uri.</summary>
    public static ISymbol? ExportedMember(IOperation operation) => operation switch
    {
        IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, IsConst: false } field } when IsStringLike(field.Type) => field,
        IPropertyReferenceOperation { Property: { IsStatic: true, Parameters.Length: 0 } property } when IsStringLike(property.Type) => property,
        _ => null,
    };

    public string? DeclaredValue(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        return _declaredValues.GetOrAdd(member, m => ReadDeclaredValue(m, cancellationToken));
    }

    /// <summary>
    /// True when the type that holds <paramref name="containingSymbol"/> clearly targets a provider whose own API names
    /// models <c>author/model</c> (see <see cref="AuthorModelProviders"/>): there such an id is that provider's, not a
    /// gateway slug.
    /// </summary>
    public bool TargetsAuthorModelProvider(ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        var type = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType;
        if (type is null)
        {
            return false;
        }

        while (type.ContainingType is not null)
        {
            type = type.ContainingType;
        }

        return _providerTypes.GetOrAdd(type, t => AuthorModelProviders.Targets(t, cancellationToken));
    }

    private static bool IsStringLike(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || type.Name == "Uri";

    private static string? ReadDeclaredValue(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var expression = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (LiteralOf(expression) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? LiteralOf(ExpressionSyntax? expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal.Token.ValueText;
            case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }:
                return arguments[0].Expression is LiteralExpressionSyntax first && first.IsKind(SyntaxKind.StringLiteralExpression) ? first.Token.ValueText : null;
            default:
                return null;
        }
    }

    private static bool IsTestCompilation(Compilation compilation, AnalyzerConfigOptions globalOptions)
    {
        if (globalOptions.TryGetValue(IsTestProjectProperty, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            foreach (var framework in TestFrameworkAssemblies)
            {
                if (string.Equals(assembly.Name, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
