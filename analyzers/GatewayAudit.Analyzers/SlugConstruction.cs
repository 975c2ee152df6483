using System;
using System.Collections.Generic;
using System.Threading;
using GatewayAudit.Vocabulary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GatewayAudit.Analyzers;

/// <summary>
/// GW002 for slugs put together at run time from a known model author and a model name:
/// <c>Vendor + "/" + model</c>, <c>$"{Vendor}/{model}"</c>, <c>string.Join("/", vendor, model)</c>,
/// <c>string.Concat(vendor, "/", model)</c>, <c>string.Format("{0}/{1}", vendor, model)</c>. The author is known when
/// it is a constant or a <c>static readonly</c> string with a literal value. A lab author (anthropic, qwen, ...) is
/// enough; a company author (openai, google, ...) also needs the other piece to be named like a model, because
/// <c>"google" + "/" + path</c> is as often a path.
/// </summary>
internal static class SlugConstruction
{
    /// <summary>The author of the slug a concatenation builds (<c>Vendor + "/" + model</c>), or null.</summary>
    public static string? FromConcatenation(IBinaryOperation binary, AnalysisScope scope, GatewayVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var pieces = new List<IOperation>();
        Flatten(binary, pieces);
        // "anthropic/" + model, where the first piece alone is the prefix literal, is reported at that literal.
        if (pieces.Count < 2 || pieces[0] is ILiteralOperation)
        {
            return null;
        }

        return FromPieces(pieces, scope, vocabulary, cancellationToken);
    }

    /// <summary>The author of <c>$"{Vendor}/{model}"</c>, or null.</summary>
    public static string? FromInterpolation(IInterpolatedStringOperation interpolated, AnalysisScope scope, GatewayVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var pieces = new List<IOperation>();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                    pieces.Add(hole.Expression);
                    break;
                case IInterpolatedStringTextOperation text:
                    pieces.Add(text.Text);
                    break;
                default:
                    return null;
            }
        }

        return pieces.Count >= 2 && pieces[0] is not ILiteralOperation ? FromPieces(pieces, scope, vocabulary, cancellationToken) : null;
    }

    /// <summary>The author of <c>string.Join("/", ...)</c>, <c>string.Concat(...)</c> or <c>string.Format("{0}/{1}", ...)</c>, or null.</summary>
    public static string? FromInvocation(IInvocationOperation invocation, AnalysisScope scope, GatewayVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType?.SpecialType != SpecialType.System_String || !method.IsStatic || invocation.Arguments.Length < 2)
        {
            return null;
        }

        switch (method.Name)
        {
            case "Join":
                {
                    var separator = invocation.Arguments[0].Value.ConstantValue.Value;
                    if (!(separator is string text && text == "/") && !(separator is char c && c == '/'))
                    {
                        return null;
                    }

                    var values = Values(invocation, 1);
                    if (values.Count < 2)
                    {
                        return null;
                    }

                    var author = scope.KnownValue(values[0], cancellationToken);
                    return author is not null && author.IndexOf('/') < 0 && scope.KnownValue(values[1], cancellationToken) is null
                        && IsAuthor(author, values[1], vocabulary) ? author : null;
                }

            case "Concat":
                {
                    var values = Values(invocation, 0);
                    return values.Count >= 2 && values[0] is not ILiteralOperation ? FromPieces(values, scope, vocabulary, cancellationToken) : null;
                }

            case "Format":
                {
                    if (invocation.Arguments[0].Value.ConstantValue.Value is not string format
                        || !format.StartsWith("{0}/{1}", StringComparison.Ordinal))
                    {
                        return null;
                    }

                    var values = Values(invocation, 1);
                    if (values.Count < 2)
                    {
                        return null;
                    }

                    var author = scope.KnownValue(values[0], cancellationToken);
                    return author is not null && IsAuthor(author, values[1], vocabulary) ? author : null;
                }

            default:
                return null;
        }
    }

    /// <summary>Known pieces from the left make "author/"; then an unknown piece (the model) must follow.</summary>
    private static string? FromPieces(List<IOperation> pieces, AnalysisScope scope, GatewayVocabulary vocabulary, CancellationToken cancellationToken)
    {
        var prefix = string.Empty;
        for (var i = 0; i < pieces.Count; i++)
        {
            var value = scope.KnownValue(pieces[i], cancellationToken);
            if (value is null)
            {
                if (i == 0 || !prefix.EndsWith("/", StringComparison.Ordinal))
                {
                    return null;
                }

                var author = prefix.Substring(0, prefix.Length - 1);
                return author.IndexOf('/') < 0 && IsAuthor(author, pieces[i], vocabulary) ? author : null;
            }

            prefix += value;
            if (prefix.Length > 64 || (prefix.IndexOf('/') >= 0 && !prefix.EndsWith("/", StringComparison.Ordinal)))
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsAuthor(string author, IOperation model, GatewayVocabulary vocabulary) => vocabulary.KindOf(author) switch
    {
        VendorKind.Lab => true,
        VendorKind.Company => IsNamedLikeAModel(model),
        _ => false,
    };

    private static bool IsNamedLikeAModel(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        var name = operation switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };
        return name is not null && name.IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The values a call passes from <paramref name="start"/> on, with a params array expanded.</summary>
    private static List<IOperation> Values(IInvocationOperation invocation, int start)
    {
        var values = new List<IOperation>();
        for (var i = start; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                values.AddRange(initializer.ElementValues);
            }
            else
            {
                values.Add(argument.Value);
            }
        }

        return values;
    }

    private static void Flatten(IOperation operation, List<IOperation> pieces)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String
            && binary.ConstantValue.Value is not string)
        {
            Flatten(binary.LeftOperand, pieces);
            Flatten(binary.RightOperand, pieces);
        }
        else
        {
            pieces.Add(operation);
        }
    }
}
