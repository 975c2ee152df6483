using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GatewayAudit.Analyzers;

/// <summary>
/// Reports gateway details (GW001-GW004) written outside the gateway adapter, however the string is built: literal,
/// constant from elsewhere, constant concatenation or interpolation, attribute argument, initializer, anonymous
/// object, DTO with JSON property names, JSON inside a string. One analyzer registers the callbacks once for all
/// four rules, so each string is looked at once; each rule's matching lives in its own file beside its descriptor.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GatewayLeakAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AdapterNotDeclaredRule.Descriptor, GatewayHeaderRule.Descriptor, GatewayModelSlugRule.Descriptor, GatewayEndpointRule.Descriptor,
        GatewayRequestFieldRule.Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Options are per syntax tree (.editorconfig sections); most trees share one set, so vocabularies are
            // shared by option values and looked up per tree once (AnalysisScope). A test project whose files are all
            // scoped out (gateway_audit.exclude_tests, on by default) registers nothing.
            var scope = new AnalysisScope(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            if (scope.SkipsEveryTree(start.Compilation))
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeLiteral(c, scope), OperationKind.Literal);
            start.RegisterOperationAction(c => AnalyzeUtf8String(c, scope), OperationKind.Utf8String);
            start.RegisterOperationAction(c => AnalyzeMemberReference(c, scope), OperationKind.FieldReference, OperationKind.PropertyReference);
            start.RegisterOperationAction(c => AnalyzeBinary(c, scope), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInterpolatedString(c, scope), OperationKind.InterpolatedString);
            start.RegisterOperationAction(c => AnalyzeStringCall(c, scope), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeAnonymousObject(c, scope), OperationKind.AnonymousObjectCreation);
            start.RegisterOperationAction(c => AnalyzeInitializer(c, scope), OperationKind.ObjectOrCollectionInitializer);
            start.RegisterOperationAction(c => AnalyzeIndexerAssignment(c, scope), OperationKind.SimpleAssignment);
            start.RegisterSymbolAction(c => AnalyzeType(c, scope), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(c => ReportFirstRunGuidance(c, scope));
        });
    }

    /// <summary>GW000 once, when something was reported and no adapter is declared anywhere in the compilation.</summary>
    private static void ReportFirstRunGuidance(CompilationAnalysisContext context, AnalysisScope scope)
    {
        if (scope.Warnings > 0 && !scope.AdapterDeclared)
        {
            context.ReportDiagnostic(Diagnostic.Create(AdapterNotDeclaredRule.Descriptor, Location.None, scope.Warnings));
        }
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context, AnalysisScope scope)
    {
        if (context.Operation.ConstantValue.Value is not string value || IsPartOfLargerConstant(context.Operation))
        {
            return;
        }

        if (scope.VocabularyFor(context.Operation.Syntax.SyntaxTree) is not { } vocabulary)
        {
            return;
        }

        var parent = SkipConversions(context.Operation.Parent);
        var isInterpolationText = parent is IInterpolatedStringTextOperation;
        var findings = new Findings();
        // Text between the holes of an interpolated string is scanned as JSON by AnalyzeInterpolatedString.
        CheckValue(value, context.Operation.Syntax, vocabulary, ref findings, scanJson: !isInterpolationText);
        if (findings.Count == 0 && GatewayModelSlugRule.IsVendorPrefix(value, vocabulary) && StartsRuntimeValue(context.Operation, parent))
        {
            findings.Add(GatewayModelSlugRule.Descriptor, context.Operation.Syntax, value + "…");
        }

        findings.Report(context, scope, vocabulary);
    }

    /// <summary>"HTTP-Referer"u8: header names are often written as UTF-8 literals in allocation-free HTTP code.</summary>
    private static void AnalyzeUtf8String(OperationAnalysisContext context, AnalysisScope scope)
    {
        var value = ((IUtf8StringOperation)context.Operation).Value;
        if (scope.VocabularyFor(context.Operation.Syntax.SyntaxTree) is not { } vocabulary)
        {
            return;
        }

        var findings = new Findings();
        CheckValue(value, context.Operation.Syntax, vocabulary, ref findings, scanJson: true);
        findings.Report(context, scope, vocabulary);
    }

    /// <summary>
    /// A constant, <c>static readonly</c> field or static property with a gateway value, read somewhere: one rule for
    /// all three. The value is reported where it is declared (the literal there); a read is reported only from a type
    /// other than the one that declares it, and never when the declaring type is the adapter (or part of it): reading
    /// what the adapter exports (<c>OpenRouterAdapter.DefaultModel</c>) is the point of having an adapter.
    /// </summary>
    private static void AnalyzeMemberReference(OperationAnalysisContext context, AnalysisScope scope)
    {
        var reference = (IMemberReferenceOperation)context.Operation;
        string? value;
        if (reference is IFieldReferenceOperation { Field: { IsConst: true } constant })
        {
            value = constant.ConstantValue as string;
            if (value is null || IsPartOfLargerConstant(reference))
            {
                return;
            }
        }
        else if (AnalysisScope.ExportedMember(reference) is { } member)
        {
            value = scope.DeclaredValue(member, context.CancellationToken);
        }
        else
        {
            return;
        }

        var declaringType = reference.Member.ContainingType;
        if (value is null || declaringType is null || IsDeclaredAround(declaringType, context.ContainingSymbol)
            || scope.VocabularyFor(reference.Syntax.SyntaxTree) is not { } vocabulary || vocabulary.IsInAdapter(declaringType))
        {
            return;
        }

        var findings = new Findings();
        CheckValue(value, reference.Syntax, vocabulary, ref findings, scanJson: true);
        findings.Report(context, scope, vocabulary);
    }

    /// <summary>True when <paramref name="containingSymbol"/> is inside <paramref name="declaringType"/> (or a type nested in it).</summary>
    private static bool IsDeclaredAround(INamedTypeSymbol declaringType, ISymbol? containingSymbol)
    {
        for (var type = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaringType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A constant concatenation ("HTTP-" + "Referer", Base + "/chat") is checked as the string it makes; a
    /// concatenation built at run time is checked for a slug put together from a known author (<c>Vendor + "/" + model</c>).
    /// </summary>
    private static void AnalyzeBinary(OperationAnalysisContext context, AnalysisScope scope)
    {
        if (context.Operation.ConstantValue.Value is string)
        {
            AnalyzeConstantExpression(context, scope);
            return;
        }

        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String
            || SkipConversions(binary.Parent) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }
            || scope.VocabularyFor(binary.Syntax.SyntaxTree) is not { } vocabulary)
        {
            return;
        }

        ReportBuiltSlug(context, scope, vocabulary, SlugConstruction.FromConcatenation(binary, scope, vocabulary, context.CancellationToken));
    }

    /// <summary><c>string.Join("/", vendor, model)</c>, <c>string.Concat(...)</c>, <c>string.Format("{0}/{1}", ...)</c>.</summary>
    private static void AnalyzeStringCall(OperationAnalysisContext context, AnalysisScope scope)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.ContainingType?.SpecialType != SpecialType.System_String
            || scope.VocabularyFor(invocation.Syntax.SyntaxTree) is not { } vocabulary)
        {
            return;
        }

        ReportBuiltSlug(context, scope, vocabulary, SlugConstruction.FromInvocation(invocation, scope, vocabulary, context.CancellationToken));
    }

    private static void ReportBuiltSlug(OperationAnalysisContext context, AnalysisScope scope, GatewayVocabulary vocabulary, string? author)
    {
        if (author is null)
        {
            return;
        }

        var findings = new Findings();
        findings.Add(GatewayModelSlugRule.Descriptor, context.Operation.Syntax, author + "/…");
        findings.Report(context, scope, vocabulary);
    }

    /// <summary>A constant concatenation or interpolation, checked as the string it makes.</summary>
    private static void AnalyzeConstantExpression(OperationAnalysisContext context, AnalysisScope scope)
    {
        if (context.Operation.ConstantValue.Value is not string value || IsPartOfLargerConstant(context.Operation))
        {
            return;
        }

        if (scope.VocabularyFor(context.Operation.Syntax.SyntaxTree) is not { } vocabulary
            || BuildsOnReportedOrExportedConstant(context.Operation, context.ContainingSymbol, vocabulary))
        {
            return;
        }

        var findings = new Findings();
        CheckValue(value, context.Operation.Syntax, vocabulary, ref findings, scanJson: true);
        findings.Report(context, scope, vocabulary);
    }

    /// <summary>
    /// <c>BaseUrl + "/chat/completions"</c> where <c>BaseUrl</c> is a gateway constant of this type (already reported
    /// where declared) or of the adapter (its export): the same rule as a plain read of that constant.
    /// </summary>
    private static bool BuildsOnReportedOrExportedConstant(IOperation operation, ISymbol? containingSymbol, GatewayVocabulary vocabulary)
    {
        foreach (var piece in operation.DescendantsAndSelf())
        {
            if (piece is IFieldReferenceOperation { Field: { IsConst: true, ContainingType: { } declaringType } field }
                && field.ConstantValue is string value
                && (IsDeclaredAround(declaringType, containingSymbol) || vocabulary.IsInAdapter(declaringType)))
            {
                var findings = new Findings();
                CheckValue(value, piece.Syntax, vocabulary, ref findings, scanJson: false);
                if (findings.Count > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AnalyzeInterpolatedString(OperationAnalysisContext context, AnalysisScope scope)
    {
        var interpolated = (IInterpolatedStringOperation)context.Operation;
        if (interpolated.ConstantValue.Value is string)
        {
            AnalyzeConstantExpression(context, scope);
            return;
        }

        if (scope.VocabularyFor(interpolated.Syntax.SyntaxTree) is not { } vocabulary)
        {
            return;
        }

        // $"{Vendor}/{model}": a slug put together from a known author.
        if (SlugConstruction.FromInterpolation(interpolated, scope, vocabulary, context.CancellationToken) is { } author)
        {
            ReportBuiltSlug(context, scope, vocabulary, author);
            return;
        }

        // A request body built as $$"""{ "model": "{{model}}", "provider": {...} }""": scan the text with the holes
        // filled by a neutral placeholder, so its keys and constant values are seen.
        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal })
            {
                text.Append(literal);
            }
            else
            {
                text.Append('0');
            }
        }

        var body = text.ToString();
        if (!JsonTextScanner.LooksLikeJson(body))
        {
            return;
        }

        var findings = new Findings();
        CheckJson(body, interpolated.Syntax, vocabulary, ref findings);
        findings.Report(context, scope, vocabulary);
    }

    private static void AnalyzeAnonymousObject(OperationAnalysisContext context, AnalysisScope scope)
    {
        var creation = (IAnonymousObjectCreationOperation)context.Operation;
        var shape = RequestShapes.ShapeOf(creation, RequestShapes.ParentKeyOf(creation), depth: 0);
        if (shape is null)
        {
            return;
        }

        ReportRequestFields(shape, scope, context.Operation.Syntax.SyntaxTree, context.ReportDiagnostic, context.ContainingSymbol, context.CancellationToken);
    }

    /// <summary>Dictionary-style initializers: <c>new Dictionary&lt;string, object&gt; { ["provider"] = ... }</c>, <c>new JsonObject { ... }</c>.</summary>
    private static void AnalyzeInitializer(OperationAnalysisContext context, AnalysisScope scope)
    {
        var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
        var shape = RequestShapes.ShapeOf(initializer, RequestShapes.ParentKeyOf(initializer.Parent), depth: 0, IsExtraFieldsReceiver(AssignedTo(initializer)));
        if (shape is null)
        {
            return;
        }

        ReportRequestFields(shape, scope, context.Operation.Syntax.SyntaxTree, context.ReportDiagnostic, context.ContainingSymbol, context.CancellationToken);
    }

    /// <summary>
    /// One key set at a time, outside an initializer: <c>chat.ExtraBody["transforms"] = ...</c>,
    /// <c>options.AdditionalProperties["provider"] = ...</c>. Without the rest of the object, a request-level key is
    /// reported when the receiver is an extra-fields dictionary, when its value is OpenRouter's, or when it is
    /// <c>provider</c> holding preferences.
    /// </summary>
    private static void AnalyzeIndexerAssignment(OperationAnalysisContext context, AnalysisScope scope)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Arguments.Length: 1 } indexer
            || indexer.Arguments[0].Value.ConstantValue.Value is not string key
            || assignment.Parent is IObjectOrCollectionInitializerOperation)
        {
            return;
        }

        var shape = new ObjectShape(null, IsExtraFieldsReceiver(indexer.Instance));
        shape.Keys.Add(RequestShapes.KeyOf(key, indexer.Arguments[0].Value.Syntax, assignment.Value, depth: 0));
        ReportRequestFields(shape, scope, assignment.Syntax.SyntaxTree, context.ReportDiagnostic, context.ContainingSymbol, context.CancellationToken);
    }

    /// <summary>The member an initialized object is assigned to: <c>ExtraBody = new() { ... }</c> or <c>ExtraBody = { ... }</c>.</summary>
    private static IOperation? AssignedTo(IObjectOrCollectionInitializerOperation initializer)
    {
        var holder = SkipConversions(initializer.Parent);
        if (holder is IMemberInitializerOperation member)
        {
            return member.InitializedMember;
        }

        return SkipConversions(holder?.Parent) is ISimpleAssignmentOperation assignment ? assignment.Target : null;
    }

    /// <summary>ExtraBody, AdditionalProperties, ExtensionData, extra_body...: a bag of extra request fields.</summary>
    private static bool IsExtraFieldsReceiver(IOperation? receiver)
    {
        var name = (receiver is null ? null : RequestShapes.SkipConversionsDown(receiver)) switch
        {
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        if (name is null)
        {
            return false;
        }

        var normalized = name.Replace("_", string.Empty).ToLowerInvariant();
        return normalized.Contains("extrabody") || normalized.Contains("additionalproperties") || normalized.Contains("extensiondata")
            || normalized.Contains("extraparameters") || normalized.Contains("additionalbody");
    }

    /// <summary>Notes a type marked [GatewayAdapter] (for GW000), then looks at its JSON contract.</summary>
    private static void AnalyzeType(SymbolAnalysisContext context, AnalysisScope scope)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (GatewayVocabulary.HasAdapterAttribute(type))
        {
            scope.NoteAdapterDeclared();
        }

        AnalyzeJsonContract(context, scope);
    }

    /// <summary>A DTO whose members carry [JsonPropertyName("provider")] (System.Text.Json), [JsonProperty("...")] (Newtonsoft) or [DataMember(Name = "...")].</summary>
    private static void AnalyzeJsonContract(SymbolAnalysisContext context, AnalysisScope scope)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return;
        }

        ObjectShape? shape = null;
        foreach (var member in type.GetMembers())
        {
            if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared)
            {
                continue;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (JsonNames.Of(attribute) is not { } name || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
                {
                    continue;
                }

                var location = syntax.ArgumentList is { Arguments.Count: > 0 } arguments ? (SyntaxNode)arguments.Arguments[0] : syntax;
                shape ??= new ObjectShape(null);
                shape.Keys.Add(new ObjectKey(name, location, null));
            }
        }

        if (shape is null)
        {
            return;
        }

        ReportRequestFields(shape, scope, type.DeclaringSyntaxReferences[0].SyntaxTree, context.ReportDiagnostic, type, context.CancellationToken);
    }

    private static void ReportRequestFields(ObjectShape shape, AnalysisScope scope, SyntaxTree tree, Action<Diagnostic> report, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        if (scope.VocabularyFor(tree) is not { } vocabulary)
        {
            return;
        }

        var findings = new Findings();
        foreach (var key in GatewayRequestFieldRule.Find(shape, vocabulary))
        {
            findings.Add(GatewayRequestFieldRule.Descriptor, key.Node, key.Name);
        }

        findings.Report(report, containingSymbol, scope, vocabulary, cancellationToken);
    }

    /// <summary>GW001, GW003 and GW002 on one string value, then JSON inside it.</summary>
    private static void CheckValue(string value, SyntaxNode location, GatewayVocabulary vocabulary, ref Findings findings, bool scanJson)
    {
        if (GatewayHeaderRule.Match(value, vocabulary) is { } header)
        {
            findings.Add(GatewayHeaderRule.Descriptor, location, header);
        }
        else if (GatewayEndpointRule.Match(value, vocabulary) is { } host)
        {
            findings.Add(GatewayEndpointRule.Descriptor, location, host);
        }
        else if (GatewayModelSlugRule.Match(value, vocabulary) is { } slug)
        {
            findings.Add(GatewayModelSlugRule.Descriptor, location, slug);
        }
        else if (scanJson && JsonTextScanner.LooksLikeJson(value))
        {
            CheckJson(value, location, vocabulary, ref findings);
        }
    }

    private static void CheckJson(string json, SyntaxNode location, GatewayVocabulary vocabulary, ref Findings findings)
    {
        var objects = new List<ObjectShape>();
        var values = new List<string>();
        JsonTextScanner.Scan(json, location, objects, values);
        foreach (var value in values)
        {
            CheckValue(value, location, vocabulary, ref findings, scanJson: false);
        }

        foreach (var shape in objects)
        {
            foreach (var key in shape.Keys)
            {
                if (GatewayHeaderRule.Match(key.Name, vocabulary) is { } header)
                {
                    findings.Add(GatewayHeaderRule.Descriptor, location, header);
                }
            }

            foreach (var key in GatewayRequestFieldRule.Find(shape, vocabulary))
            {
                findings.Add(GatewayRequestFieldRule.Descriptor, location, key.Name);
            }
        }
    }

    /// <summary>
    /// The keys of an anonymous object or a dictionary-style initializer, with one level of children (enough to
    /// see that "provider" holds preferences). Null when the operation has no string keys.
    /// </summary>
    /// <summary>
    /// True when the operation is one piece of a constant string built from pieces ("HTTP-" + "Referer",
    /// $"{Base}/chat" with const parts): the whole is checked once, not each piece.
    /// </summary>
    private static bool IsPartOfLargerConstant(IOperation operation)
    {
        var parent = SkipConversions(operation.Parent);
        if (parent is IInterpolatedStringTextOperation or IInterpolationOperation)
        {
            parent = parent.Parent;
        }

        return parent is IBinaryOperation or IInterpolatedStringOperation && parent.ConstantValue.Value is string;
    }

    /// <summary>"anthropic/" + model, or $"anthropic/{model}": the literal is the first piece of a string built at run time.</summary>
    private static bool StartsRuntimeValue(IOperation literal, IOperation? parent)
    {
        if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary)
        {
            var left = binary.LeftOperand;
            while (left is IConversionOperation conversion)
            {
                left = conversion.Operand;
            }

            return left == literal;
        }

        return parent is IInterpolatedStringTextOperation text
            && text.Parent is IInterpolatedStringOperation interpolated
            && interpolated.Parts.Length > 1
            && interpolated.Parts[0] == text
            && interpolated.Parts[1] is IInterpolationOperation;
    }

    private static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>
    /// What one callback found, reported only when the code is outside the adapter (checked lazily: rare). A struct
    /// whose list is made on the first finding, so the common case (nothing found) allocates nothing.
    /// </summary>
    private struct Findings
    {
        private List<(DiagnosticDescriptor Descriptor, SyntaxNode Node, string Argument)>? _items;

        public int Count => _items?.Count ?? 0;

        public void Add(DiagnosticDescriptor descriptor, SyntaxNode location, string argument)
        {
            _items ??= [];
            foreach (var item in _items)
            {
                if (item.Descriptor == descriptor && item.Node == location && item.Argument == argument)
                {
                    return;
                }
            }

            _items.Add((descriptor, location, argument));
        }

        public void Report(OperationAnalysisContext context, AnalysisScope scope, GatewayVocabulary vocabulary) =>
            Report(context.ReportDiagnostic, context.ContainingSymbol, scope, vocabulary, context.CancellationToken);

        /// <summary>
        /// Reports what was found unless the code is in the adapter. A GW002 plain <c>author/model</c> id is also left
        /// out in a type that clearly targets a provider whose own ids have that shape (NVIDIA NIM, Groq, ...).
        /// </summary>
        public void Report(Action<Diagnostic> report, ISymbol? containingSymbol, AnalysisScope scope, GatewayVocabulary vocabulary, CancellationToken cancellationToken)
        {
            if (_items is null || vocabulary.IsInAdapter(containingSymbol))
            {
                return;
            }

            foreach (var (descriptor, location, argument) in _items)
            {
                if (descriptor == GatewayModelSlugRule.Descriptor && AuthorModelProviders.MayBeProviderId(argument)
                    && scope.TargetsAuthorModelProvider(containingSymbol, cancellationToken))
                {
                    continue;
                }

                scope.Report(report, Diagnostic.Create(descriptor, location.GetLocation(), argument));
            }
        }
    }
}
