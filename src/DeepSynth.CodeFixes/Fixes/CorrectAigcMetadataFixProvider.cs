using System.Composition;
using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
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
    public sealed class CorrectAigcMetadataFixProvider : CorrectConstantFixProvider
    {
        public const string EquivalenceKey = "DSYN011.CorrectValue";

        public CorrectAigcMetadataFixProvider()
            : base("DSYN011", EquivalenceKey)
        {
        }

        private protected override (string Title, ExpressionSyntax Replacement)? Correction(Diagnostic diagnostic, ExpressionSyntax target)
        {
            if (!diagnostic.Properties.TryGetValue(AigcMetadataAnalyzer.CorrectedProperty, out var corrected) || string.IsNullOrEmpty(corrected))
            {
                return null;
            }

            if (diagnostic.Properties.TryGetValue(AigcMetadataAnalyzer.CorrectedKindProperty, out var kind) && kind == "labelKind")
            {
                return target is CastExpressionSyntax cast
                    ? ($"Use AigcLabelKind.{corrected} (改用 AigcLabelKind.{corrected})",
                        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, cast.Type.WithoutTrivia(), IdentifierName(corrected!)))
                    : null;
            }

            return target is CastExpressionSyntax
                ? null
                : ("Use the conforming AIGC value (改用符合附录 E 的取值): " + Shorten(corrected!), ConstantCorrection.StringLiteral(corrected!));
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
