using System.Composition;
using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN010: writes a complete label text (the one the analyzer proposes: "AI" becomes "AI生成", anything else without
    /// both elements the SDK's default "AI生成") where the text is written: the literal, or the const it comes from.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorrectLabelTextFixProvider)), Shared]
    public sealed class CorrectLabelTextFixProvider : CorrectConstantFixProvider
    {
        public const string EquivalenceKey = "DSYN010.CorrectText";

        public CorrectLabelTextFixProvider()
            : base("DSYN010", EquivalenceKey)
        {
        }

        private protected override (string Title, ExpressionSyntax Replacement)? Correction(Diagnostic diagnostic, ExpressionSyntax target) =>
            diagnostic.Properties.TryGetValue(LabelTextAnalyzer.CorrectedProperty, out var corrected) && !string.IsNullOrEmpty(corrected) && target is not CastExpressionSyntax
                ? ($"Use the label text \"{corrected}\" (改用标识文字“{corrected}”)", ConstantCorrection.StringLiteral(corrected!))
                : null;
    }
}
