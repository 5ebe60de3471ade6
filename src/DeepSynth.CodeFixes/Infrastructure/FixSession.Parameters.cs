using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>New parameters of handlers and of the helpers they call; a helper's callers pass them on from their own handler.</summary>
    internal sealed partial class FixSession
    {
        private bool TakesParameters => _scope.Kind == FunctionKind.HandlerDelegate || _scope.Kind == FunctionKind.HandlerHelper;

        private ExpressionSyntax NewParameter(string preferredName, string typeName, string metadataName)
        {
            var name = UniqueName(preferredName);
            var parameter = Parameter(Identifier(name)).WithType(IdentifierName(typeName));
            if (metadataName == "System.Threading.CancellationToken" && IsAsyncIterator(_scope.ServiceFunction))
            {
                // An async iterator's token comes from GetAsyncEnumerator(token) too (CS8425 without the attribute).
                AddUsing("System.Runtime.CompilerServices");
                parameter = parameter.AddAttributeLists(AttributeList(SingletonSeparatedList(Attribute(IdentifierName("EnumeratorCancellation")))));
            }

            _newParameters.Add(parameter);
            _newParameterTypes.Add(metadataName);
            return IdentifierName(name);
        }

        private static bool IsAsyncIterator(SyntaxNode function) =>
            FunctionRewriter.IsAsync(function) &&
            function.DescendantNodes(n => n == function || !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax)).OfType<YieldStatementSyntax>().Any();

        /// <summary>
        /// Each call of the helper passes the new parameters by name, taken from its handler's parameters of the same type,
        /// or from parameters added to that handler (the framework supplies them from the request and its services).
        /// </summary>
        private void PassNewParametersAtCalls()
        {
            foreach (var handlerCalls in _scope.HelperCalls.GroupBy(c => c.Handler))
            {
                var handler = handlerCalls.Key;
                var existing = (Model.GetSymbolInfo(handler).Symbol as IMethodSymbol)?.Parameters ?? default;
                var taken = new HashSet<string>(Model.LookupSymbols(handler.SpanStart).Select(s => s.Name)
                    .Concat(handler.DescendantNodesAndSelf().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText))
                    .Concat(handler.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText)));
                var arguments = new List<ArgumentSyntax>();
                var added = new List<ParameterSyntax>();
                for (var i = 0; i < _newParameters.Count; i++)
                {
                    var parameter = _newParameters[i];
                    var source = existing.IsDefault ? null : existing.FirstOrDefault(p => p.Type.ToDisplayString() == _newParameterTypes[i]);
                    var name = source?.Name;
                    if (name == null)
                    {
                        name = parameter.Identifier.ValueText;
                        for (var n = 2; taken.Contains(name); n++)
                        {
                            name = parameter.Identifier.ValueText + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        }

                        taken.Add(name);
                        added.Add(parameter.WithIdentifier(Identifier(name)).WithAttributeLists(default));
                    }

                    arguments.Add(Argument(NameColon(IdentifierName(parameter.Identifier.ValueText)), default, IdentifierName(name)));
                }

                foreach (var call in handlerCalls)
                {
                    _editor.ReplaceNode(call.Call, (current, _) => ((InvocationExpressionSyntax)current).AddArgumentListArguments(arguments.ToArray()));
                }

                if (added.Count > 0)
                {
                    _editor.ReplaceNode(handler, (current, _) => FunctionRewriter.AddParameters(current, added));
                }
            }
        }
    }
}
