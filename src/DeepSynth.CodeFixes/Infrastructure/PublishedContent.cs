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
        public ContentExpression(ExpressionSyntax expression, ContentShape shape, SyntaxNode anchor)
        {
            Expression = expression;
            Shape = shape;
            Anchor = anchor;
        }

        public ExpressionSyntax Expression { get; }

        /// <summary>
        /// Where statements about the content (review, record) go before: the publish point, or the declaration of the
        /// collection the content was put in ("string[] answers = [response.Text]; return Ok(answers);").
        /// </summary>
        public SyntaxNode Anchor { get; }

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
                Collect(returned, model, found, 0, publishPoint);
                return found;
            }

            switch (publishPoint)
            {
                case InvocationExpressionSyntax invocation:
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        Collect(argument.Expression, model, found, 0, publishPoint);
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList != null || creation.Initializer != null:
                    Collect(creation, model, found, -1, publishPoint);
                    break;
                case ExpressionSyntax expression:
                    Collect(expression, model, found, 0, publishPoint);
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

        private static void Collect(ExpressionSyntax expression, SemanticModel model, List<ContentExpression> found, int depth, SyntaxNode anchor)
        {
            if (depth > MaxDepth || model.GetConstantValue(expression).HasValue || GenerationMetadata.Is(expression, model))
            {
                return;
            }

            switch (expression)
            {
                case InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } call when IsLabeler(call, model):
                    // Already labeled: the content is the labeler's argument (review and record the content, not the label).
                    Collect(call.ArgumentList.Arguments[0].Expression, model, found, depth + 1, anchor);
                    return;
                case BaseObjectCreationExpressionSyntax creation:
                    foreach (var argument in creation.ArgumentList?.Arguments ?? default)
                    {
                        Collect(argument.Expression, model, found, depth + 1, anchor);
                    }

                    foreach (var initializer in creation.Initializer?.Expressions ?? default)
                    {
                        Collect(initializer is AssignmentExpressionSyntax assignment ? assignment.Right : initializer, model, found, depth + 1, anchor);
                    }

                    return;
                case AnonymousObjectCreationExpressionSyntax anonymous:
                    foreach (var member in anonymous.Initializers)
                    {
                        Collect(member.Expression, model, found, depth + 1, anchor);
                    }

                    return;
                case ArrayCreationExpressionSyntax { Initializer: { } arrayInitializer } when ShapeOf(model.GetTypeInfo(expression).Type) == null:
                    foreach (var element in arrayInitializer.Expressions)
                    {
                        Collect(element, model, found, depth + 1, anchor);
                    }

                    return;
            }

            var shape = ShapeOf(model.GetTypeInfo(expression).Type);
            if (shape == null)
            {
                CollectFromSource(expression, model, found, depth, anchor);
            }
            else if (!found.Any(f => f.Expression.Span.Contains(expression.Span)))
            {
                found.Add(new ContentExpression(expression, shape.Value, anchor));
            }
        }

        /// <summary>
        /// A value that is not content itself but is built from content: a collection in a local built once in this function
        /// ("string[] answers = [response.Text]"), or a chain of calls on text ("response.Text.Split('\n').ToList()"); the
        /// content is where it went in.
        /// </summary>
        private static void CollectFromSource(ExpressionSyntax expression, SemanticModel model, List<ContentExpression> found, int depth, SyntaxNode anchor)
        {
            switch (expression)
            {
                case IdentifierNameSyntax when model.GetSymbolInfo(expression).Symbol is ILocalSymbol local && BuiltOnce(local, expression, model) is { } declarator:
                    Collect(declarator.Initializer!.Value, model, found, depth + 1, declarator);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    // A chain of calls is one step, however long ("text.Split('\n').Select(l => l.Trim()).ToList()").
                    Collect(access.Expression, model, found, depth, anchor);
                    break;
                case CollectionExpressionSyntax collection:
                    foreach (var element in collection.Elements.OfType<ExpressionElementSyntax>())
                    {
                        Collect(element.Expression, model, found, depth + 1, anchor);
                    }

                    break;
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    foreach (var element in implicitArray.Initializer.Expressions)
                    {
                        Collect(element, model, found, depth + 1, anchor);
                    }

                    break;
            }
        }

        /// <summary>The local's one declaration, with an initializer, in the same function as the read, and never assigned or added to.</summary>
        private static VariableDeclaratorSyntax? BuiltOnce(ILocalSymbol local, ExpressionSyntax read, SemanticModel model)
        {
            var declarators = local.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<VariableDeclaratorSyntax>().ToList();
            if (declarators.Count != 1 || declarators[0].Initializer == null || declarators[0].Parent?.Parent is not LocalDeclarationStatementSyntax)
            {
                return null;
            }

            var declarator = declarators[0];
            var function = read.Ancestors().FirstOrDefault(IsFunction);
            if (function == null || !ReferenceEquals(declarator.Ancestors().FirstOrDefault(IsFunction), function))
            {
                return null;
            }

            // Any other use that may change it (assignment, Add, a ref) means content may have come in elsewhere.
            var uses = function.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(n => n != read && n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n).Symbol, local));
            return uses.Any() ? null : declarator;
        }

        private static bool IsFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax || node is MethodDeclarationSyntax || node is CompilationUnitSyntax;

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
