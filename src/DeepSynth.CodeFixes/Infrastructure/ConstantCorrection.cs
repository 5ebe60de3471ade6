using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// Writes a corrected constant where a DSYN010/DSYN011 finding points: the reported expression when it is written there
    /// (a literal, a concatenation or interpolation of constants, a cast of a number to an enum), or the literal of the
    /// <c>const</c> it names (the finding's additional location), so every use of that const is corrected at once.
    /// </summary>
    internal static class ConstantCorrection
    {
        /// <summary>The expression to replace, or null when the finding is not in C# code the fix can rewrite.</summary>
        public static async Task<(Document Document, ExpressionSyntax Expression)?> FindTargetAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var location = diagnostic.AdditionalLocations.FirstOrDefault(l => l.IsInSource) ?? diagnostic.Location;
            if (!location.IsInSource)
            {
                return null;
            }

            var target = document.Project.Solution.GetDocument(location.SourceTree);
            if (target == null)
            {
                return null;
            }

            var root = await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            while (node is ArgumentSyntax or ParenthesizedExpressionSyntax && node.Span == location.SourceSpan)
            {
                node = node is ArgumentSyntax argument ? argument.Expression : ((ParenthesizedExpressionSyntax)node).Expression;
            }

            return node is ExpressionSyntax expression && IsRewritable(expression) ? (target, expression) : null;
        }

        /// <summary>A string literal (regular, verbatim or raw), an interpolated string, a concatenation or a cast.</summary>
        private static bool IsRewritable(ExpressionSyntax expression) =>
            expression.IsKind(SyntaxKind.StringLiteralExpression) || expression is InterpolatedStringExpressionSyntax ||
            expression.IsKind(SyntaxKind.AddExpression) || expression is CastExpressionSyntax;

        /// <summary>A regular string literal with the text (escaped as C# needs).</summary>
        public static ExpressionSyntax StringLiteral(string text) => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(text));

        public static async Task<Solution> ReplaceAsync(Document document, ExpressionSyntax expression, ExpressionSyntax replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document.Project.Solution;
            }

            var changed = root.ReplaceNode(expression, replacement.WithTriviaFrom(expression));
            return document.WithSyntaxRoot(changed).Project.Solution;
        }
    }
}
