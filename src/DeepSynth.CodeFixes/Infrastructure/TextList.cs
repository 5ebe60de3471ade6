using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// A list of generated texts built where its texts are not in view ("Bullets(section)" returning a
    /// <c>List&lt;string&gt;</c>): the label goes on each element, "bullets.Select(labeler.Label).ToList()", keeping the
    /// list's type. The analyzer follows labeled elements through the Select.
    /// </summary>
    internal static class TextList
    {
        /// <summary>The element type when <paramref name="type"/> is an array or a generic sequence of strings, else null.</summary>
        public static ITypeSymbol? ElementsOf(ITypeSymbol? type) =>
            type == null || type.SpecialType == SpecialType.System_String ? null
            : DeepSynth.Analyzers.Flow.ContentCarriers.ElementOf(type) is { SpecialType: SpecialType.System_String } element ? element
            : null;

        /// <summary>
        /// The LINQ call that turns the labeled elements back into a value the expression's place accepts ("ToArray" for an
        /// array, "ToList" for a list or a list interface), or null when no such call keeps the type (a set, an immutable array).
        /// </summary>
        public static string? Rewrite(ExpressionSyntax expression, SemanticModel model)
        {
            var info = model.GetTypeInfo(expression);
            var type = info.Type;
            if (info.ConvertedType != null && !SymbolEqualityComparer.Default.Equals(info.ConvertedType, type) && ElementsOf(info.ConvertedType) == null)
            {
                return null;
            }

            return TerminalFor(type);
        }

        /// <summary>The LINQ call that makes labeled elements a value of <paramref name="type"/> again, or null (see <see cref="Rewrite"/>).</summary>
        public static string? TerminalFor(ITypeSymbol? type)
        {
            if (ElementsOf(type) == null)
            {
                return null;
            }

            if (type is IArrayTypeSymbol)
            {
                return "ToArray";
            }

            var definition = ((INamedTypeSymbol)type!).OriginalDefinition.ToDisplayString();
            return definition switch
            {
                "System.Collections.Generic.List<T>" or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IList<T>" or
                "System.Collections.Generic.ICollection<T>" or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>" => "ToList",
                _ => null,
            };
        }

        /// <summary>True when a labeler is already applied in the expression ("xs.Select(labeler.Label)").</summary>
        public static bool IsLabeled(ExpressionSyntax expression, SemanticModel model) =>
            expression.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                .Any(access => model.GetSymbolInfo(access).Symbol is IMethodSymbol method && PublishedContent.IsLabeler(method));

        /// <summary>"list.Select(labeler.Label).ToList()".</summary>
        public static ExpressionSyntax LabelEach(ExpressionSyntax list, ExpressionSyntax labeler, string terminal)
        {
            var receiver = list is IdentifierNameSyntax || list is MemberAccessExpressionSyntax || list is InvocationExpressionSyntax || list is ElementAccessExpressionSyntax
                ? list
                : SyntaxFactory.ParenthesizedExpression(list);
            var select = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("Select")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, labeler, SyntaxFactory.IdentifierName("Label"))))));
            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, select, SyntaxFactory.IdentifierName(terminal)));
        }
    }
}
