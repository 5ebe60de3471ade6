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
            diagnostic.Properties.TryGetValue(InputsProperty, out var inputs);
            var statements = new List<StatementSyntax>();
            var unnamed = false;
            var named = (inputs ?? string.Empty).Split(new[] { '|' }, System.StringSplitOptions.RemoveEmptyEntries);
            foreach (var input in named)
            {
                var expression = ForEachVariable(node, input) ?? ParseExpression(input);
                // Only inputs that can be named here (a parameter of this handler, or a member of one).
                var symbol = session.Model.GetSpeculativeSymbolInfo(node.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
                if (symbol != null && PublishedContent.HoldsTexts(TypeOf(symbol)))
                {
                    if (named.Any(other => other.StartsWith(input + ".", System.StringComparison.Ordinal)))
                    {
                        // "ticket" and "ticket.CustomerMessage": the member the finding names is what reached the prompt.
                        continue;
                    }

                    // A request object or a list of texts ("input", "reviews"): every text in it, reviewed as one input.
                    statements.Add(ReviewOutputFixProvider.AllTextReviewStatement(session, expression, "Input"));
                    continue;
                }

                if (symbol == null || !IsString(symbol))
                {
                    // No text with a name here ("HTTP request.Query", a list of texts): reviewed where it enters the prompt.
                    unnamed = true;
                    continue;
                }

                var review = ReviewOutputFixProvider.ReviewStatement(session, expression, "Input", "reviewedInput", out _);
                if (IsNullable(symbol))
                {
                    // "request.Tone" of type string?: an absent value has nothing to review (and no CS8604).
                    var reviewed = review.DescendantNodes().OfType<ArgumentSyntax>().First().Expression;
                    review = review.ReplaceNode(reviewed, BinaryExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression, reviewed, ParseExpression("string.Empty")));
                }

                statements.Add(review);
            }

            if (unnamed && HolderArgument(node, session) is { } holder)
            {
                // The input has no name here ("file" read through a StreamReader) and went into a request object built in
                // this function: the object, every text in it, reviewed as one input, instead of the few fields named.
                var initializer = holder.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
                statements.RemoveAll(statement => statement.DescendantNodes().OfType<ArgumentSyntax>().FirstOrDefault()?.Expression is { } reviewed &&
                                                  initializer.DescendantNodes().OfType<ExpressionSyntax>().Any(e => e.IsEquivalentTo(reviewed.WithoutTrivia(), topLevel: false)));
                statements.Add(ReviewOutputFixProvider.AllTextReviewStatement(session, holder.Expression, "Input"));
                unnamed = false;
            }

            if ((statements.Count == 0 || unnamed) && UnnamedInput(node, session) is { } argument)
            {
                // The input has no name here ("HTTP request.Query" read into a StringValues): review the text the generation
                // call receives, and give it the reviewed text.
                statements.Add(ReviewOutputFixProvider.ReviewStatement(session, argument, "Input", "reviewedInput", out var replacement));
                if (replacement != null)
                {
                    session.Replace(argument, replacement);
                }
            }

            if (statements.Count == 0)
            {
                // Read into a local before it went into a message list ("var question = context.Request.Query["q"].ToString()").
                statements.AddRange(LocalsHoldingInput(node, diagnostic, session).Select(local =>
                    ReviewOutputFixProvider.ReviewStatement(session, IdentifierName(local.Name), "Input", "reviewedInput", out _)));
            }

            return statements.Count > 0 && session.InsertBefore(node, statements, awaits: true);
        }

        /// <summary>
        /// String locals of this function, declared before the generation call and never assigned again, whose initializer
        /// is where the finding says the input was read (its source locations).
        /// </summary>
        private static IEnumerable<ILocalSymbol> LocalsHoldingInput(SyntaxNode node, Diagnostic diagnostic, FixSession session)
        {
            var function = session.Scope.StatementFunction;
            var found = new List<ILocalSymbol>();
            foreach (var source in diagnostic.AdditionalLocations)
            {
                // Under Fix All the finding's tree was edited before this fix: the source is found at the same distance
                // before the finding, and only if it is still the same text there.
                if (source.SourceTree == null || source.SourceTree.FilePath != node.SyntaxTree.FilePath || !diagnostic.Location.IsInSource)
                {
                    continue;
                }

                var span = new Microsoft.CodeAnalysis.Text.TextSpan(node.SpanStart - (diagnostic.Location.SourceSpan.Start - source.SourceSpan.Start), source.SourceSpan.Length);
                var text = node.SyntaxTree.GetText();
                if (span.Start < 0 || span.End > text.Length || span.End > node.SpanStart || !function.Span.Contains(span) ||
                    text.ToString(span) != source.SourceTree.GetText().ToString(source.SourceSpan))
                {
                    continue;
                }

                var declarator = node.SyntaxTree.GetRoot().FindNode(span).AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
                if (declarator?.Initializer == null || !declarator.Initializer.Span.Contains(span) ||
                    session.Model.GetDeclaredSymbol(declarator) is not ILocalSymbol { Type.SpecialType: SpecialType.System_String } local ||
                    found.Contains(local, SymbolEqualityComparer.Default) || IsAssigned(local, function, session.Model))
                {
                    continue;
                }

                found.Add(local);
            }

            return found;
        }

        private static bool IsAssigned(ILocalSymbol local, SyntaxNode function, SemanticModel model) =>
            function.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local));

        /// <summary>
        /// "questions.Current": the element of a loop over the input ("foreach (var question in questions)"), named by the
        /// loop's variable when the finding is inside that loop.
        /// </summary>
        private static ExpressionSyntax? ForEachVariable(SyntaxNode node, string input)
        {
            const string Current = ".Current";
            var at = input.IndexOf(Current, System.StringComparison.Ordinal);
            if (at <= 0 || (at + Current.Length < input.Length && input[at + Current.Length] != '.'))
            {
                return null;
            }

            // "tickets.Current.CustomerMessage" inside "foreach (var ticket in tickets)" is "ticket.CustomerMessage".
            var collection = input.Substring(0, at);
            var loop = node.Ancestors().OfType<ForEachStatementSyntax>()
                .FirstOrDefault(l => l.Expression.WithoutTrivia().ToString() == collection);
            return loop == null ? null : ParseExpression(loop.Identifier.ValueText + input.Substring(at + Current.Length));
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };

        /// <summary>The generation call's only text argument when it is built from something that has no name (a call on a local).</summary>
        private static ExpressionSyntax? UnnamedInput(SyntaxNode node, FixSession session)
        {
            var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            var texts = call?.ArgumentList.Arguments
                .Where(a => a.NameColon == null && session.Model.GetTypeInfo(a.Expression).Type?.SpecialType == SpecialType.System_String && !session.Model.GetConstantValue(a.Expression).HasValue)
                .Select(a => a.Expression).ToList();
            return texts is { Count: 1 } ? texts[0] : null;
        }

        /// <summary>
        /// The generation call's argument that is a local object of texts built once in this function ("var request = new
        /// SummaryRequest { ContractText = text }"), if there is exactly one.
        /// </summary>
        private static (ExpressionSyntax Expression, ILocalSymbol Local)? HolderArgument(SyntaxNode node, FixSession session)
        {
            var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            var holders = call?.ArgumentList.Arguments
                .Select(a => (a.Expression, Symbol: session.Model.GetSymbolInfo(a.Expression).Symbol as ILocalSymbol))
                .Where(a => a.Symbol is { DeclaringSyntaxReferences.Length: 1 } local && PublishedContent.HoldsTexts(local.Type) &&
                            local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax } &&
                            !IsAssigned(local, session.Scope.StatementFunction, session.Model))
                .ToList();
            return holders is { Count: 1 } ? (holders[0].Expression, holders[0].Symbol!) : ((ExpressionSyntax, ILocalSymbol)?)null;
        }

        private static bool IsNullable(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.NullableAnnotation == NullableAnnotation.Annotated,
            IPropertySymbol property => property.NullableAnnotation == NullableAnnotation.Annotated,
            IFieldSymbol field => field.NullableAnnotation == NullableAnnotation.Annotated,
            _ => false, // a local's declared "var" type is always annotated; its flow state is what counts, and a test for null would change it
        };

        private static bool IsString(ISymbol symbol) => TypeOf(symbol)?.SpecialType == SpecialType.System_String;
    }
}
