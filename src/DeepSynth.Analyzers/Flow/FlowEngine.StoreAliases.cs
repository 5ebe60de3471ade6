using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Locals that stand for an object a container member holds: a conversation's history taken from a dictionary of
    /// histories (<c>var history = Conversations.GetOrAdd(id, ...)</c>, <c>TryGetValue(id, out var history)</c>,
    /// <c>_sessions[id]</c>) or put into one (<c>_sessions[id] = history</c>). What is added through such a local later
    /// (<c>history.AddAssistantMessage(answer)</c>) is stored in that member, for the endpoint that reads the histories.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        /// <summary>The container member a local receiver stands for, or null. Found once per local (any run may ask).</summary>
        public ISymbol? StoreAliasOf(IOperation? receiver, CancellationToken cancellationToken)
        {
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            return receiver is ILocalReferenceOperation reference
                ? _storeAliases.GetOrAdd(reference.Local, local => FindStoreAlias((ILocalSymbol)local, cancellationToken))
                : null;
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, ISymbol?> _storeAliases =
            new System.Collections.Concurrent.ConcurrentDictionary<ISymbol, ISymbol?>(SymbolEqualityComparer.Default);

        private ISymbol? FindStoreAlias(ILocalSymbol local, CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var model = Models.GetModel(declaration.SyntaxTree);
            if (model == null)
            {
                return null;
            }

            // Taken from the container: its initializer, or the call whose out argument declares it.
            var source = declaration switch
            {
                VariableDeclaratorSyntax { Initializer: { } initializer } => initializer.Value,
                SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } } => call,
                _ => (ExpressionSyntax?)null,
            };
            if (source != null && StoreReadBy(model.GetOperation(source, cancellationToken)) is { } read)
            {
                return read;
            }

            // Put into the container in the same function: "_sessions[id] = history", "_sessions.TryAdd(id, history)".
            var function = declaration.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax ||
                                                                        n is LocalFunctionStatementSyntax || n is AnonymousFunctionExpressionSyntax || n is CompilationUnitSyntax);
            foreach (var node in function?.DescendantNodes() ?? Enumerable.Empty<SyntaxNode>())
            {
                if (StoreAliasNames.StoredInto(node, out var name) is { } container && name == local.Name &&
                    StoreMemberOf(model.GetOperation(container, cancellationToken)) is { } stored)
                {
                    return stored;
                }
            }

            return null;
        }

        /// <summary>The container member a read takes an element from ("Conversations.GetOrAdd(...)", "_sessions[id]"), or null.</summary>
        private ISymbol? StoreReadBy(IOperation? operation)
        {
            while (operation is IAwaitOperation || operation is IConversionOperation)
            {
                operation = operation is IAwaitOperation awaited ? awaited.Operation : ((IConversionOperation)operation).Operand;
            }

            return operation switch
            {
                IInvocationOperation invocation when StoreAliasNames.ElementReads.Contains(invocation.TargetMethod.Name) => StoreMemberOf(RouteConventions.ReceiverOf(invocation)),
                IPropertyReferenceOperation { Arguments.IsEmpty: false } indexer => StoreMemberOf(indexer.Instance),
                _ => null,
            };
        }
    }
}
