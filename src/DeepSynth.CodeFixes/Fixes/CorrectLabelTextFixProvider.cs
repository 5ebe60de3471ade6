using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN010: writes a complete label text (the one the analyzer proposes: "AI" becomes "AI生成", anything else without
    /// both elements the SDK's default "AI生成") where the text is written: the literal, or the const it comes from.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorrectLabelTextFixProvider)), Shared]
    public sealed class CorrectLabelTextFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSYN010.CorrectText";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("DSYN010");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(LabelTextAnalyzer.CorrectedProperty, out var corrected) || string.IsNullOrEmpty(corrected) ||
                    await ConstantCorrection.FindTargetAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target ||
                    target.Expression is CastExpressionSyntax)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use the label text \"{corrected}\" (改用标识文字“{corrected}”)",
                        token => ConstantCorrection.ReplaceAsync(target.Document, target.Expression, ConstantCorrection.StringLiteral(corrected!), token),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
