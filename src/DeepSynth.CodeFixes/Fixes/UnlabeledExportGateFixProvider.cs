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
    /// DSYN009: on the path where the user asked for output without the explicit label, checks the user's agreement and
    /// logs the recipient before the publish point (<c>await exportGate.AuthorizeAsync(userId, exportId, ct)</c>, unless
    /// the member already calls the gate), and keeps the implicit label on published file bytes (IAigcFileLabeler.Label,
    /// which adds no visible label by default). The export id is a new GUID per export: the ledger records who received it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnlabeledExportGateFixProvider)), Shared]
    public sealed class UnlabeledExportGateFixProvider : ComplianceCodeFixProvider
    {
        public const string EquivalenceKey = "DSYN009.Gate";

        public UnlabeledExportGateFixProvider()
            : base("DSYN009", new FixVariant(EquivalenceKey, "Check the agreement, log the recipient and keep the implicit label (核验协议并记录接收者)"))
        {
        }

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member == null)
            {
                return false;
            }

            var changed = false;
            var files = PublishedContent.Find(node, session.Model, diagnostic)
                .Where(c => c.Shape == ContentShape.Bytes && !(c.Expression is InvocationExpressionSyntax call && PublishedContent.IsLabeler(call, session.Model)))
                .ToList();
            foreach (var content in files)
            {
                session.Replace(content.Expression, AddAigcLabelFixProvider.Call(session.Service(ComplianceService.FileLabeler), "Label", content.Expression.WithoutTrivia()));
                changed = true;
            }

            if (!CallsGate(member, session.Model, cancellationToken))
            {
                var user = session.CurrentUser();
                if (user == null)
                {
                    return false;
                }

                session.AddUsing("System.Security.Claims");
                var gate = session.Service(ComplianceService.UnlabeledExportGate);
                var token = session.CancellationToken();
                var userId = ParseExpression(user + ".FindFirstValue(ClaimTypes.NameIdentifier)!");
                var exportId = ParseExpression("Guid.NewGuid().ToString(\"N\")");
                var call = token == null
                    ? AddAigcLabelFixProvider.Call(gate, "AuthorizeAsync", userId, exportId)
                    : AddAigcLabelFixProvider.Call(gate, "AuthorizeAsync", userId, exportId, token);
                session.AddUsing("System");
                if (!session.InsertBefore(node, new[] { (StatementSyntax)ExpressionStatement(AwaitExpression(call)) }, awaits: true))
                {
                    return false;
                }

                changed = true;
            }

            return changed;
        }

        private static bool CallsGate(MemberDeclarationSyntax member, SemanticModel model, CancellationToken cancellationToken) =>
            member.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
                model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { Name: "AuthorizeAsync" } method &&
                method.ContainingType?.Name == "IUnlabeledExportGate");
    }
}
