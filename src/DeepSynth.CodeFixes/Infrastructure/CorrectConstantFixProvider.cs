using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// Base of the fixes that write a corrected constant the analyzer computed (DSYN010, DSYN011): one fix per finding, at
    /// the expression or the const it comes from (<see cref="ConstantCorrection"/>); Fix All batches them.
    /// </summary>
    public abstract class CorrectConstantFixProvider : CodeFixProvider
    {
        private readonly string _equivalenceKey;

        private protected CorrectConstantFixProvider(string diagnosticId, string equivalenceKey)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            _equivalenceKey = equivalenceKey;
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <summary>The title and the expression to write instead of <paramref name="target"/>, or null when none fits.</summary>
        private protected abstract (string Title, ExpressionSyntax Replacement)? Correction(Diagnostic diagnostic, ExpressionSyntax target);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await ConstantCorrection.FindTargetAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } target ||
                    Correction(diagnostic, target.Expression) is not { } correction)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(correction.Title, token => ConstantCorrection.ReplaceAsync(target.Document, target.Expression, correction.Replacement, token), _equivalenceKey),
                    diagnostic);
            }
        }
    }
}
