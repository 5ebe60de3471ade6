using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// <summary>DSYN004: reviews the user input (as the analyzer names it) before the call that hands it to generation.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReviewInputFixProvider)), Shared]
    public sealed class ReviewInputFixProvider : ComplianceCodeFixProvider
    {
        public ReviewInputFixProvider()
            : base("DSYN004", new FixVariant("DSYN004.Review", "Review the user input before generation (生成前审核用户输入)"))
        {
        }

        private const string InputsProperty = "DeepSynth.Inputs";

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(InputsProperty, out var inputs) || string.IsNullOrEmpty(inputs))
            {
                return false;
            }

            var statements = new List<StatementSyntax>();
            foreach (var input in inputs!.Split('|'))
            {
                var expression = ForEachVariable(node, input) ?? ParseExpression(input);
                // Only inputs that can be named here (a parameter of this handler, or a member of one).
                var symbol = session.Model.GetSpeculativeSymbolInfo(node.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
                if (symbol == null || !IsString(symbol))
                {
                    continue;
                }

                statements.Add(ReviewOutputFixProvider.ReviewStatement(session, expression, "Input", "reviewedInput", out _));
            }

            return statements.Count > 0 && session.InsertBefore(node, statements, awaits: true);
        }

        /// <summary>
        /// "questions.Current": the element of a loop over the input ("foreach (var question in questions)"), named by the
        /// loop's variable when the finding is inside that loop.
        /// </summary>
        private static ExpressionSyntax? ForEachVariable(SyntaxNode node, string input)
        {
            const string Current = ".Current";
            if (!input.EndsWith(Current, System.StringComparison.Ordinal))
            {
                return null;
            }

            var collection = input.Substring(0, input.Length - Current.Length);
            var loop = node.Ancestors().OfType<ForEachStatementSyntax>()
                .FirstOrDefault(l => l.Expression.WithoutTrivia().ToString() == collection);
            return loop == null ? null : IdentifierName(loop.Identifier.ValueText);
        }

        private static bool IsString(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.Type.SpecialType == SpecialType.System_String,
            IPropertySymbol property => property.Type.SpecialType == SpecialType.System_String,
            IFieldSymbol field => field.Type.SpecialType == SpecialType.System_String,
            ILocalSymbol local => local.Type.SpecialType == SpecialType.System_String,
            _ => false,
        };
    }
}
