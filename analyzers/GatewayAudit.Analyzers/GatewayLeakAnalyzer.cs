using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
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
        GatewayHeaderRule.Descriptor, GatewayModelSlugRule.Descriptor, GatewayEndpointRule.Descriptor, GatewayRequestFieldRule.Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Options are per syntax tree (.editorconfig sections); most trees share one set, so vocabularies are
            // shared by option values and looked up per tree once.
            var provider = start.Options.AnalyzerConfigOptionsProvider;
            var byOptions = new ConcurrentDictionary<string, GatewayVocabulary>(StringComparer.Ordinal);
            var byTree = new ConcurrentDictionary<SyntaxTree, GatewayVocabulary>();
            GatewayVocabulary VocabularyFor(SyntaxTree tree) => byTree.GetOrAdd(tree, t =>
            {
                var options = provider.GetOptions(t);
                return byOptions.GetOrAdd(GatewayVocabulary.OptionsKey(options), _ => GatewayVocabulary.FromOptions(options));
            });

            start.RegisterOperationAction(c => AnalyzeLiteral(c, VocabularyFor), OperationKind.Literal);
            start.RegisterOperationAction(c => AnalyzeUtf8String(c, VocabularyFor), OperationKind.Utf8String);
            start.RegisterOperationAction(c => AnalyzeConstantReference(c, VocabularyFor), OperationKind.FieldReference);
            start.RegisterOperationAction(c => AnalyzeConstantExpression(c, VocabularyFor), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInterpolatedString(c, VocabularyFor), OperationKind.InterpolatedString);
            start.RegisterOperationAction(c => AnalyzeAnonymousObject(c, VocabularyFor), OperationKind.AnonymousObjectCreation);
            start.RegisterOperationAction(c => AnalyzeInitializer(c, VocabularyFor), OperationKind.ObjectOrCollectionInitializer);
            start.RegisterOperationAction(c => AnalyzeIndexerAssignment(c, VocabularyFor), OperationKind.SimpleAssignment);
            start.RegisterSymbolAction(c => AnalyzeJsonContract(c, VocabularyFor), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        if (context.Operation.ConstantValue.Value is not string value || IsPartOfLargerConstant(context.Operation))
        {
            return;
        }

        var vocabulary = vocabularyFor(context.Operation.Syntax.SyntaxTree);
        var parent = SkipConversions(context.Operation.Parent);
        var isInterpolationText = parent is IInterpolatedStringTextOperation;
        var findings = new Findings();
        // Text between the holes of an interpolated string is scanned as JSON by AnalyzeInterpolatedString.
        CheckValue(value, context.Operation.Syntax, vocabulary, ref findings, scanJson: !isInterpolationText);
        if (findings.Count == 0 && GatewayModelSlugRule.IsVendorPrefix(value, vocabulary) && StartsRuntimeValue(context.Operation, parent))
        {
            findings.Add(GatewayModelSlugRule.Descriptor, context.Operation.Syntax, value + "…");
        }

        findings.ReportUnlessInAdapter(context.ReportDiagnostic, context.ContainingSymbol, vocabulary);
    }

    /// <summary>"HTTP-Referer"u8: header names are often written as UTF-8 literals in allocation-free HTTP code.</summary>
    private static void AnalyzeUtf8String(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        var value = ((IUtf8StringOperation)context.Operation).Value;
        var vocabulary = vocabularyFor(context.Operation.Syntax.SyntaxTree);
        var findings = new Findings();
        CheckValue(value, context.Operation.Syntax, vocabulary, ref findings, scanJson: true);
        findings.ReportUnlessInAdapter(context.ReportDiagnostic, context.ContainingSymbol, vocabulary);
    }

    private static void AnalyzeConstantReference(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        var reference = (IFieldReferenceOperation)context.Operation;
        if (!reference.Field.IsConst || reference.Field.ConstantValue is not string value || IsPartOfLargerConstant(reference))
        {
            return;
        }

        var vocabulary = vocabularyFor(reference.Syntax.SyntaxTree);
        var findings = new Findings();
        CheckValue(value, reference.Syntax, vocabulary, ref findings, scanJson: true);
        findings.ReportUnlessInAdapter(context.ReportDiagnostic, context.ContainingSymbol, vocabulary);
    }

    /// <summary>A constant concatenation ("HTTP-" + "Referer", Base + "/chat") is checked as the string it makes.</summary>
    private static void AnalyzeConstantExpression(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        if (context.Operation.ConstantValue.Value is not string value || IsPartOfLargerConstant(context.Operation))
        {
            return;
        }

        var vocabulary = vocabularyFor(context.Operation.Syntax.SyntaxTree);
        var findings = new Findings();
        CheckValue(value, context.Operation.Syntax, vocabulary, ref findings, scanJson: true);
        findings.ReportUnlessInAdapter(context.ReportDiagnostic, context.ContainingSymbol, vocabulary);
    }

    private static void AnalyzeInterpolatedString(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        var interpolated = (IInterpolatedStringOperation)context.Operation;
        if (interpolated.ConstantValue.Value is string)
        {
            AnalyzeConstantExpression(context, vocabularyFor);
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

        var vocabulary = vocabularyFor(interpolated.Syntax.SyntaxTree);
        var findings = new Findings();
        CheckJson(body, interpolated.Syntax, vocabulary, ref findings);
        findings.ReportUnlessInAdapter(context.ReportDiagnostic, context.ContainingSymbol, vocabulary);
    }

    private static void AnalyzeAnonymousObject(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        var creation = (IAnonymousObjectCreationOperation)context.Operation;
        var shape = ShapeOf(creation, ParentKeyOf(creation), depth: 0);
        if (shape is null)
        {
            return;
        }

        ReportRequestFields(shape, vocabularyFor(context.Operation.Syntax.SyntaxTree), context.ReportDiagnostic, context.ContainingSymbol);
    }

    /// <summary>Dictionary-style initializers: <c>new Dictionary&lt;string, object&gt; { ["provider"] = ... }</c>, <c>new JsonObject { ... }</c>.</summary>
    private static void AnalyzeInitializer(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
        var shape = ShapeOf(initializer, ParentKeyOf(initializer.Parent), depth: 0, IsExtraFieldsReceiver(AssignedTo(initializer)));
        if (shape is null)
        {
            return;
        }

        ReportRequestFields(shape, vocabularyFor(context.Operation.Syntax.SyntaxTree), context.ReportDiagnostic, context.ContainingSymbol);
    }

    /// <summary>
    /// One key set at a time, outside an initializer: <c>chat.ExtraBody["transforms"] = ...</c>,
    /// <c>options.AdditionalProperties["provider"] = ...</c>. Without the rest of the object, a request-level key is
    /// reported when the receiver is an extra-fields dictionary, when its value is OpenRouter's, or when it is
    /// <c>provider</c> holding preferences.
    /// </summary>
    private static void AnalyzeIndexerAssignment(OperationAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Arguments.Length: 1 } indexer
            || indexer.Arguments[0].Value.ConstantValue.Value is not string key
            || assignment.Parent is IObjectOrCollectionInitializerOperation)
        {
            return;
        }

        var shape = new ObjectShape(null, IsExtraFieldsReceiver(indexer.Instance));
        shape.Keys.Add(KeyOf(key, indexer.Arguments[0].Value.Syntax, assignment.Value, depth: 0));
        ReportRequestFields(shape, vocabularyFor(assignment.Syntax.SyntaxTree), context.ReportDiagnostic, context.ContainingSymbol);
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
        var name = (receiver is null ? null : SkipConversionsDown(receiver)) switch
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

    /// <summary>A DTO whose members carry [JsonPropertyName("provider")] (System.Text.Json), [JsonProperty("...")] (Newtonsoft) or [DataMember(Name = "...")].</summary>
    private static void AnalyzeJsonContract(SymbolAnalysisContext context, Func<SyntaxTree, GatewayVocabulary> vocabularyFor)
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
                if (JsonNameOf(attribute) is not { } name || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
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

        ReportRequestFields(shape, vocabularyFor(type.DeclaringSyntaxReferences[0].SyntaxTree), context.ReportDiagnostic, type);
    }

    private static void ReportRequestFields(ObjectShape shape, GatewayVocabulary vocabulary, Action<Diagnostic> report, ISymbol? containingSymbol)
    {
        var findings = new Findings();
        foreach (var key in GatewayRequestFieldRule.Find(shape, vocabulary))
        {
            findings.Add(GatewayRequestFieldRule.Descriptor, key.Node, key.Name);
        }

        findings.ReportUnlessInAdapter(report, containingSymbol, vocabulary);
    }

    private static string? JsonNameOf(AttributeData attribute)
    {
        switch (attribute.AttributeClass?.Name)
        {
            case "JsonPropertyNameAttribute":
            case "JsonPropertyAttribute":
                if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string positional)
                {
                    return positional;
                }

                break;
            case "DataMemberAttribute":
                break;
            default:
                return null;
        }

        foreach (var named in attribute.NamedArguments)
        {
            if ((named.Key == "Name" || named.Key == "PropertyName") && named.Value.Value is string name)
            {
                return name;
            }
        }

        return null;
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
    private static ObjectShape? ShapeOf(IOperation operation, string? parentKey, int depth, bool isExtension = false)
    {
        ObjectShape? shape = null;
        switch (operation)
        {
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        var location = assignment.Syntax is AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }
                            ? (SyntaxNode)nameEquals.Name
                            : assignment.Syntax;
                        (shape ??= new ObjectShape(parentKey, isExtension)).Keys.Add(KeyOf(property.Property.Name, location, assignment.Value, depth));
                    }
                }

                break;
            case IObjectOrCollectionInitializerOperation initializer:
                foreach (var element in initializer.Initializers)
                {
                    switch (element)
                    {
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                            when indexer.Arguments[0].Value.ConstantValue.Value is string key:
                            (shape ??= new ObjectShape(parentKey, isExtension)).Keys.Add(KeyOf(key, indexer.Arguments[0].Value.Syntax, assignment.Value, depth));
                            break;
                        case IInvocationOperation { Arguments.Length: >= 2 } add when add.Arguments[0].Value.ConstantValue.Value is string key:
                            (shape ??= new ObjectShape(parentKey, isExtension)).Keys.Add(KeyOf(key, add.Arguments[0].Value.Syntax, add.Arguments[1].Value, depth));
                            break;
                    }
                }

                break;
            default:
                return null;
        }

        return shape;
    }

    private static ObjectKey KeyOf(string name, SyntaxNode location, IOperation value, int depth) =>
        new(name, location, ChildShape(value, name, depth)) { Values = ConstantStrings(value) };

    /// <summary>The constant string a value is, or the constant strings of an array or collection expression.</summary>
    private static IReadOnlyList<string> ConstantStrings(IOperation value)
    {
        value = SkipConversionsDown(value);
        if (value.ConstantValue.Value is string single)
        {
            return [single];
        }

        IEnumerable<IOperation>? elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            _ when value.Syntax is CollectionExpressionSyntax => value.ChildOperations,
            _ => null,
        };
        if (elements is null)
        {
            return [];
        }

        var strings = new List<string>();
        foreach (var element in elements)
        {
            if (SkipConversionsDown(element).ConstantValue.Value is string text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    private static IOperation SkipConversionsDown(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static ObjectShape? ChildShape(IOperation value, string key, int depth)
    {
        if (depth > 0)
        {
            return null;
        }

        return SkipConversionsDown(value) switch
        {
            IAnonymousObjectCreationOperation anonymous => ShapeOf(anonymous, key, depth + 1),
            IObjectCreationOperation { Initializer: { } initializer } => ShapeOf(initializer, key, depth + 1),
            _ => null,
        };
    }

    /// <summary>The key an object is the value of, in the enclosing anonymous object or dictionary initializer (or array under a key).</summary>
    private static string? ParentKeyOf(IOperation? creation)
    {
        var parent = SkipConversions(creation?.Parent);
        if (parent is IArrayInitializerOperation)
        {
            parent = SkipConversions(parent.Parent?.Parent); // array initializer -> array creation -> its holder
        }

        return parent switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } when indexer.Arguments[0].Value.ConstantValue.Value is string key => key,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } when property.Property.ContainingType.IsAnonymousType => property.Property.Name,
            IArgumentOperation { Parent: IInvocationOperation { Arguments.Length: >= 2 } add } argument
                when add.Arguments[1] == argument && add.Arguments[0].Value.ConstantValue.Value is string key => key,
            _ => null,
        };
    }

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

        public void ReportUnlessInAdapter(Action<Diagnostic> report, ISymbol? containingSymbol, GatewayVocabulary vocabulary)
        {
            if (_items is null || vocabulary.IsInAdapter(containingSymbol))
            {
                return;
            }

            foreach (var (descriptor, location, argument) in _items)
            {
                report(Diagnostic.Create(descriptor, location.GetLocation(), argument));
            }
        }
    }
}
