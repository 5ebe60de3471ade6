using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Labels
{
    /// <summary>
    /// The text a string expression has at compile time: literals, const fields and locals, concatenations of constants and
    /// interpolations whose holes are constants (with no alignment or format). Anything else has no constant text.
    /// </summary>
    internal static class ConstantText
    {
        public static bool TryGet(IOperation? operation, out string text)
        {
            text = string.Empty;
            if (operation == null)
            {
                return false;
            }

            if (operation.ConstantValue.HasValue)
            {
                if (operation.ConstantValue.Value is string value)
                {
                    text = value;
                    return true;
                }

                return false;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return TryGet(conversion.Operand, out text);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    if (TryGetPart(binary.LeftOperand, out var left) && TryGetPart(binary.RightOperand, out var right))
                    {
                        text = left + right;
                        return true;
                    }

                    return false;
                case IInterpolatedStringOperation interpolated:
                    var builder = new StringBuilder();
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal })
                        {
                            builder.Append(literal);
                        }
                        else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole && TryGetPart(hole.Expression, out var piece))
                        {
                            builder.Append(piece);
                        }
                        else
                        {
                            return false;
                        }
                    }

                    text = builder.ToString();
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A piece of a concatenation or interpolation: constant text, or a constant number or character.</summary>
        private static bool TryGetPart(IOperation operation, out string text)
        {
            if (TryGet(operation, out text))
            {
                return true;
            }

            var value = (operation as IConversionOperation)?.Operand.ConstantValue ?? operation.ConstantValue;
            if (value.HasValue && value.Value is IFormattable or char && value.Value is not Enum)
            {
                text = value.Value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.Value.ToString();
                return true;
            }

            return false;
        }

        /// <summary>
        /// The single string literal a constant expression comes from when it is not itself written there: the initializer of
        /// the const field or local it names (in source). The code fixes correct the text at that literal.
        /// </summary>
        public static Location? DeclaringLiteral(IOperation operation, CancellationToken cancellationToken)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            ISymbol? symbol = operation switch
            {
                IFieldReferenceOperation { Field.IsConst: true } field => field.Field,
                ILocalReferenceOperation { Local.IsConst: true } local => local.Local,
                _ => null,
            };
            var declaration = symbol?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
            return declaration?.Initializer?.Value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.GetLocation()
                : null;
        }

        /// <summary>
        /// False when the expression is a piece of a larger constant (a part of a concatenation or an interpolation), so only
        /// the whole text is checked once.
        /// </summary>
        public static bool IsWhole(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IInterpolationOperation)
            {
                parent = parent.Parent;
            }

            // C# folds concatenations of string constants, so a constant concatenation has a value; interpolations are flat.
            return parent switch
            {
                IBinaryOperation binary => !binary.ConstantValue.HasValue,
                IInterpolatedStringOperation interpolated => !TryGet(interpolated, out _),
                _ => true,
            };
        }
    }
}
