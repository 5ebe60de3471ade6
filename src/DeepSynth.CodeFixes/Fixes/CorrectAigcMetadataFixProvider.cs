using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN011: writes the corrected metadata constant the analyzer computed with the SDK's rules (a code without the
    /// characters Annex E forbids, a JSON text with the seven fields in order, <c>AigcLabelKind.Generated</c> for a label
    /// kind other than 1/2/3) where the value is written: the literal or cast, or the const it comes from. Not offered where
    /// no correct value can be derived (a Chinese producer name, an empty content number).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorrectAigcMetadataFixProvider)), Shared]
    public sealed class CorrectAigcMetadataFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSYN011.CorrectValue";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("DSYN011");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(AigcMetadataAnalyzer.CorrectedProperty, out var corrected) || string.IsNullOrEmpty(corrected) ||
                    await ConstantCorrection.FindTargetAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target)
                {
                    continue;
                }

                var labelKind = diagnostic.Properties.TryGetValue(AigcMetadataAnalyzer.CorrectedKindProperty, out var kind) && kind == "labelKind";
                ExpressionSyntax replacement;
                if (labelKind)
                {
                    if (target.Expression is not CastExpressionSyntax cast)
                    {
                        continue;
                    }

                    replacement = MemberAccessExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression, cast.Type.WithoutTrivia(), IdentifierName(corrected!));
                }
                else if (target.Expression is CastExpressionSyntax)
                {
                    continue;
                }
                else
                {
                    replacement = ConstantCorrection.StringLiteral(corrected!);
                }

                var title = labelKind
                    ? "Use AigcLabelKind." + corrected + " (改用 AigcLabelKind." + corrected + ")"
                    : "Use the conforming AIGC value (改用符合附录 E 的取值): " + Shorten(corrected!);
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => ConstantCorrection.ReplaceAsync(target.Document, target.Expression, replacement, token), EquivalenceKey),
                    diagnostic);
            }
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
