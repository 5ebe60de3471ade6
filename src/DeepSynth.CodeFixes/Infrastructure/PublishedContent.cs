using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>What kind of content an expression holds, which decides the SDK call that labels, reviews or records it.</summary>
    internal enum ContentShape
    {
        Text,
        Bytes,
        TextStream,
    }

    /// <summary>An expression at a publish point that carries content.</summary>
    internal readonly struct ContentExpression
    {
        public ContentExpression(ExpressionSyntax expression, ContentShape shape)
        {
            Expression = expression;
            Shape = shape;
        }

        public ExpressionSyntax Expression { get; }

        public ContentShape Shape { get; }
    }

    /// <summary>
    /// Finds the expressions that carry content at a publish point: the returned expression, or the non-constant arguments of
    /// the publishing call, looking inside DTOs, anonymous objects and arrays for their text members.
    /// </summary>
    internal static class PublishedContent
    {
        private const int MaxDepth = 3;

        public static IReadOnlyList<ContentExpression> Find(SyntaxNode publishPoint, SemanticModel model)
        {
            var found = new List<ContentExpression>();
            if (publishPoint is ExpressionSyntax returned && IsReturnedValue(returned) && ShapeOf(model.GetTypeInfo(returned).Type) != null)
            {
                // "return chat.GetStreamingResponseAsync(...).Select(...)": the returned value is the content, not the call's arguments.
                Collect(returned, model, found, 0);
                return found;
            }

            switch (publishPoint)
            {
                case InvocationExpressionSyntax invocation:
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        Collect(argument.Expression, model, found, 0);
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList != null || creation.Initializer != null:
                    Collect(creation, model, found, -1);
                    break;
                case ExpressionSyntax expression:
                    Collect(expression, model, found, 0);
                    break;
            }

            return found;
        }

        private static bool IsReturnedValue(ExpressionSyntax expression) =>
            expression.Parent is ReturnStatementSyntax || expression.Parent is YieldStatementSyntax || expression.Parent is ArrowExpressionClauseSyntax ||
            (expression.Parent is AnonymousFunctionExpressionSyntax lambda && lambda.ExpressionBody == expression);

        /// <summary>The shape of content an expression's type can hold, or null.</summary>
        public static ContentShape? ShapeOf(ITypeSymbol? type)
        {
            switch (type)
            {
                case { SpecialType: SpecialType.System_String }:
                    return ContentShape.Text;
                case IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }:
                    return ContentShape.Bytes;
                case INamedTypeSymbol { Name: "IAsyncEnumerable", TypeArguments.Length: 1 } stream when stream.TypeArguments[0].SpecialType == SpecialType.System_String:
                    return ContentShape.TextStream;
                default:
                    return null;
            }
        }

        private static void Collect(ExpressionSyntax expression, SemanticModel model, List<ContentExpression> found, int depth)
        {
            if (depth > MaxDepth || model.GetConstantValue(expression).HasValue)
            {
                return;
            }

            switch (expression)
            {
                case InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } call when IsLabeler(call, model):
                    // Already labeled: the content is the labeler's argument (review and record the content, not the label).
                    Collect(call.ArgumentList.Arguments[0].Expression, model, found, depth + 1);
                    return;
                case BaseObjectCreationExpressionSyntax creation:
                    foreach (var argument in creation.ArgumentList?.Arguments ?? default)
                    {
                        Collect(argument.Expression, model, found, depth + 1);
                    }

                    foreach (var initializer in creation.Initializer?.Expressions ?? default)
                    {
                        Collect(initializer is AssignmentExpressionSyntax assignment ? assignment.Right : initializer, model, found, depth + 1);
                    }

                    return;
                case AnonymousObjectCreationExpressionSyntax anonymous:
                    foreach (var member in anonymous.Initializers)
                    {
                        Collect(member.Expression, model, found, depth + 1);
                    }

                    return;
                case ArrayCreationExpressionSyntax { Initializer: { } arrayInitializer } when ShapeOf(model.GetTypeInfo(expression).Type) == null:
                    foreach (var element in arrayInitializer.Expressions)
                    {
                        Collect(element, model, found, depth + 1);
                    }

                    return;
            }

            var shape = ShapeOf(model.GetTypeInfo(expression).Type);
            if (shape != null && !found.Any(f => f.Expression.Span.Contains(expression.Span)))
            {
                found.Add(new ContentExpression(expression, shape.Value));
            }
        }

        public static bool IsLabeler(InvocationExpressionSyntax call, SemanticModel model) =>
            model.GetSymbolInfo(call).Symbol is IMethodSymbol method &&
            (method.GetAttributes().Any(IsLabelerAttribute) ||
             method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).Any(m => m.GetAttributes().Any(IsLabelerAttribute)));

        private static bool IsLabelerAttribute(AttributeData attribute) =>
            attribute.AttributeClass?.ToDisplayString() == "DeepSynth.Compliance.AigcLabelerAttribute";

        /// <summary>True for expressions that can be evaluated twice without side effects (names and member reads).</summary>
        public static bool IsPure(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax access => IsPure(access.Expression),
            ElementAccessExpressionSyntax element => IsPure(element.Expression) && element.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax || IsPure(a.Expression)),
            ParenthesizedExpressionSyntax parenthesized => IsPure(parenthesized.Expression),
            PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppress => IsPure(suppress.Operand),
            _ => false,
        };
    }
}
