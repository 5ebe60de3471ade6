using System;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// Values that describe a generation instead of carrying it (model name, ids, token usage, finish reason): the analyzer
    /// does not report them (its catalogue's <see cref="KnownApis.GenerationMetadataMembers"/> on AI SDK types), so the
    /// fixes must not label, review or record them either.
    /// </summary>
    internal static class GenerationMetadata
    {
        /// <summary>How many local copies ("var model = completion.Model;") are followed back to the member read.</summary>
        private const int MaxLocalHops = 3;

        public static bool Is(ExpressionSyntax expression, SemanticModel model) => Is(expression, model, 0);

        private static bool Is(ExpressionSyntax expression, SemanticModel model, int hops)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Is(parenthesized.Expression, model, hops);
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression):
                    return Is(suppressed.Operand, model, hops);
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression):
                    // "completion.Model ?? "unknown"": metadata with a constant fallback is still metadata.
                    return Is(coalesce.Left, model, hops) && model.GetConstantValue(coalesce.Right).HasValue;
                case ConditionalAccessExpressionSyntax conditional:
                    return Is(conditional.WhenNotNull, model, hops);
            }

            var symbol = model.GetSymbolInfo(expression).Symbol;
            if (symbol is ILocalSymbol local && hops < MaxLocalHops)
            {
                // A local read once from metadata and never reassigned in its declaration's reach is that metadata.
                var declarators = local.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<VariableDeclaratorSyntax>().ToList();
                return declarators.Count == 1 && declarators[0].Initializer?.Value is { } initializer && !IsReassigned(declarators[0], local, model) &&
                    Is(initializer, model, hops + 1);
            }

            return symbol is IPropertySymbol or IFieldSymbol && IsMetadataMember(symbol);
        }

        /// <summary>The analyzer's rule (FlowEngine.IsGenerationMetadata): a metadata member name on a type of an AI SDK.</summary>
        public static bool IsMetadataMember(ISymbol member)
        {
            if (!KnownApis.GenerationMetadataMembers.Contains(member.Name))
            {
                return false;
            }

            var ns = member.ContainingType?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return KnownApis.AiSdkNamespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));
        }

        private static bool IsReassigned(VariableDeclaratorSyntax declarator, ILocalSymbol local, SemanticModel model)
        {
            var scope = declarator.Ancestors().OfType<BlockSyntax>().FirstOrDefault() ?? declarator.SyntaxTree.GetRoot();
            return scope.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .Any(a => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Left).Symbol, local));
        }
    }
}
