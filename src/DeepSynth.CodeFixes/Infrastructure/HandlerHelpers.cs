using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>A call of a helper local function from a minimal-API handler that can take more parameters.</summary>
    internal readonly struct HelperCall
    {
        public HelperCall(InvocationExpressionSyntax call, ParenthesizedLambdaExpressionSyntax handler)
        {
            Call = call;
            Handler = handler;
        }

        public InvocationExpressionSyntax Call { get; }

        public ParenthesizedLambdaExpressionSyntax Handler { get; }
    }

    /// <summary>
    /// Helpers that cannot capture services (static or top-level local functions): a service they need becomes a parameter,
    /// and each caller passes it on from its own handler's parameters. Offered only when every call can be updated, so a
    /// fix never adds a parameter that a caller cannot supply (CS7036).
    /// </summary>
    internal sealed partial class FixScope
    {
        /// <summary>The calls to update when <see cref="FunctionKind.HandlerHelper"/> gets parameters.</summary>
        public IReadOnlyList<HelperCall> HelperCalls { get; }

        private static bool IsStatic(SyntaxNode function) => function switch
        {
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.StaticKeyword),
            AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers.Any(SyntaxKind.StaticKeyword),
            _ => false,
        };

        /// <summary>
        /// Every call of <paramref name="helper"/>, each directly in a minimal-API handler lambda with typed parameters; null
        /// when it has no call, is used otherwise (a method group, a delegate), or its parameters cannot take more at the end.
        /// </summary>
        private static IReadOnlyList<HelperCall>? HandlerCallsOf(LocalFunctionStatementSyntax helper, SemanticModel model, CancellationToken cancellationToken)
        {
            if (helper.ParameterList.Parameters.Any(p => p.Default != null || p.Modifiers.Any(SyntaxKind.ParamsKeyword) || p.Modifiers.Any(SyntaxKind.ThisKeyword)) ||
                model.GetDeclaredSymbol(helper, cancellationToken) is not IMethodSymbol symbol)
            {
                return null;
            }

            var scope = helper.Parent is GlobalStatementSyntax ? helper.SyntaxTree.GetRoot(cancellationToken) : helper.Parent!;
            var calls = new List<HelperCall>();
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == helper.Identifier.ValueText))
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
                {
                    continue;
                }

                if (name.Parent is not InvocationExpressionSyntax call || call.Expression != name ||
                    call.AncestorsAndSelf().FirstOrDefault(IsFunction) is not ParenthesizedLambdaExpressionSyntax handler ||
                    HandlerRegistration(handler) != "Map" || !HasTypedParameters(handler))
                {
                    return null;
                }

                calls.Add(new HelperCall(call, handler));
            }

            return calls.Count == 0 ? null : calls;
        }
    }
}
