using System.Composition;
using System.Linq;
using System.Threading;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN007: labels the content again where it is published after the step that removed its label: file bytes with
    /// IAigcFileLabeler.Label (the AIGC metadata the encoder dropped; a visible label drawn into the pixels survives
    /// re-encoding), text with IAigcTextLabeler.Label. The publish point is the finding's last additional location; the
    /// fix is offered only when it is in the same member as the step.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RelabelAfterStrippingFixProvider)), Shared]
    public sealed class RelabelAfterStrippingFixProvider : ComplianceCodeFixProvider
    {
        public const string EquivalenceKey = "DSYN007.Relabel";

        public RelabelAfterStrippingFixProvider()
            : base("DSYN007", new FixVariant(EquivalenceKey, "Label the re-encoded content again (重新添加标识)"))
        {
        }

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            // The publish point is the last additional location. Under Fix All the document has changed since the
            // diagnostic was made: find the publish point by its original text inside the step's member.
            var published = diagnostic.AdditionalLocations.LastOrDefault();
            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (published?.SourceTree == null || member == null || published.SourceTree.FilePath != node.SyntaxTree.FilePath)
            {
                return false;
            }

            var publishedText = published.SourceTree.GetText(cancellationToken).ToString(published.SourceSpan);
            var publishPoint = member.DescendantNodes().OfType<ExpressionSyntax>()
                .Where(e => e.ToString() == publishedText && !e.Span.IntersectsWith(node.Span))
                .OrderBy(e => System.Math.Abs(e.SpanStart - published.SourceSpan.Start))
                .FirstOrDefault();
            if (publishPoint == null)
            {
                return false;
            }

            var contents = PublishedContent.FindBySyntax(publishPoint, session.Model)
                .Where(c => c.Shape == ContentShape.Bytes || c.Shape == ContentShape.Text)
                .Where(c => !(c.Expression is InvocationExpressionSyntax call && PublishedContent.IsLabeler(call, session.Model)))
                .ToList();
            if (contents.Count == 0)
            {
                return false;
            }

            foreach (var content in contents)
            {
                var labeler = session.Service(content.Shape == ContentShape.Bytes ? ComplianceService.FileLabeler : ComplianceService.TextLabeler);
                session.Replace(content.Expression, AddAigcLabelFixProvider.Call(labeler, "Label", content.Expression.WithoutTrivia()));
            }

            return true;
        }
    }
}
