using System.Composition;
using System.Linq;
using System.Threading;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN012: inspects each uploaded file published here (<c>var inspection = inspector.Inspect(upload);</c> before the
    /// publish point) and publishes the copy with the platform's propagation fields
    /// (<c>inspector.AppendPropagation(upload, inspection)</c>). Offered for file bytes (what the inspector reads).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InspectUploadFixProvider)), Shared]
    public sealed class InspectUploadFixProvider : ComplianceCodeFixProvider
    {
        public const string EquivalenceKey = "DSYN012.Inspect";

        public InspectUploadFixProvider()
            : base("DSYN012", new FixVariant(EquivalenceKey, "Inspect the upload's AIGC label before publishing it (核验上传内容的标识)"))
        {
        }

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            var uploads = PublishedContent.FindBySyntax(node, session.Model)
                .Where(c => c.Shape == ContentShape.Bytes && PublishedContent.IsPure(c.Expression))
                .ToList();
            if (uploads.Count == 0)
            {
                return false;
            }

            var inspector = session.Service(ComplianceService.PropagationInspector);
            foreach (var upload in uploads)
            {
                var name = session.UniqueName("inspection");
                var inspect = LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(
                    VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(
                        AddAigcLabelFixProvider.Call(inspector, "Inspect", upload.Expression.WithoutTrivia()))))));
                if (!session.InsertBefore(node, new StatementSyntax[] { inspect }, awaits: false))
                {
                    return false;
                }

                session.Replace(upload.Expression, AddAigcLabelFixProvider.Call(inspector, "AppendPropagation", upload.Expression.WithoutTrivia(), IdentifierName(name)));
            }

            return true;
        }
    }
}
