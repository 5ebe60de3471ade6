using System.Collections.Immutable;
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
                ? _storeAliases.GetOrAdd(reference.Local, local => FindStoreAlias((ILocalSymbol)local, throughWrappers: true, cancellationToken))
                : null;
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, ISymbol?> _storeAliases =
            new System.Collections.Concurrent.ConcurrentDictionary<ISymbol, ISymbol?>(SymbolEqualityComparer.Default);

        private ISymbol? FindStoreAlias(ILocalSymbol local, bool throughWrappers, CancellationToken cancellationToken)
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
            while (source is PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppressed)
            {
                source = suppressed.Operand;
            }

            if (source != null && StoreReadBy(model.GetOperation(source, cancellationToken), throughWrappers, cancellationToken) is { } read)
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

        /// <summary>
        /// The container member a read takes an element from ("Conversations.GetOrAdd(...)", "_sessions[id]"), or, with
        /// <paramref name="throughWrappers"/>, a call of a store's own method that returns such an element
        /// ("sessions.GetOrStart(id, ...)"); null otherwise.
        /// </summary>
        private ISymbol? StoreReadBy(IOperation? operation, bool throughWrappers, CancellationToken cancellationToken)
        {
            // "await x", "(T)x", "x ?? new()" (the element when there is one): the read inside.
            while (operation is IAwaitOperation || operation is IConversionOperation || operation is ICoalesceOperation)
            {
                operation = operation switch
                {
                    IAwaitOperation awaited => awaited.Operation,
                    IConversionOperation conversion => conversion.Operand,
                    _ => ((ICoalesceOperation)operation).Value,
                };
            }

            return operation switch
            {
                // "cache.GetOrCreate(key, ...)", "cache.TryGetValue(key, out history)": a memory cache hands out the object it
                // holds, so what is added through the local is in the cache (one store per cache type, like its writes).
                IInvocationOperation invocation when DeepSynth.Analyzers.Catalogue.KnownApis.KeyedCacheReads.Contains(invocation.TargetMethod.Name) && KeyedCacheRead(invocation, cancellationToken) is { } cache => cache,
                IInvocationOperation invocation when StoreAliasNames.ElementReads.Contains(invocation.TargetMethod.Name) => StoreMemberOf(RouteConventions.ReceiverOf(invocation)),
                IInvocationOperation invocation when throughWrappers => WrappedStoreOf(invocation.TargetMethod, cancellationToken),
                IPropertyReferenceOperation { Arguments.IsEmpty: false } indexer => StoreMemberOf(indexer.Instance),
                _ => null,
            };
        }

        /// <summary>
        /// The container member a method (or, through an interface, its implementations here) returns an element of:
        /// "GetOrStart(id, f) => _sessions.GetOrAdd(id, ...)", or a local taken from or put into it. One level: a wrapper
        /// of a wrapper is not followed (the bound that keeps this finite). Found once per method.
        /// </summary>
        private ISymbol? WrappedStoreOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (method.ReturnsVoid || !TypeFilter.CanHoldContent(method.ReturnType) || !(IsHere(method) || method.ContainingType?.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual))
            {
                return null;
            }

            return _wrappedStores.GetOrAdd(method, m =>
            {
                var candidates = IsHere(m) && !m.IsAbstract ? ImmutableArray.Create(m) : Implementations.Find(m, cancellationToken);
                foreach (var candidate in candidates)
                {
                    if (ReturnedStoreOf(candidate, cancellationToken) is { } member)
                    {
                        return member;
                    }
                }

                return null;
            });
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, ISymbol?> _wrappedStores =
            new System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, ISymbol?>(SymbolEqualityComparer.Default);

        /// <summary>The container member every element-returning return of a method in source takes from (the first one found), by its syntax pass first.</summary>
        private ISymbol? ReturnedStoreOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (DeclaredBodies.Of(declaration, cancellationToken) is not { ReturnsElementOf.IsEmpty: false } || Models.GetModel(declaration.SyntaxTree) is not { } model)
            {
                return null;
            }

            foreach (var node in declaration.DescendantNodes())
            {
                var returned = node switch
                {
                    ReturnStatementSyntax { Expression: { } expression } => expression,
                    ArrowExpressionClauseSyntax { Expression: var expression } when node.Parent == declaration => expression,
                    _ => null,
                };
                var operation = returned == null ? null : model.GetOperation(returned, cancellationToken);
                var member = StoreReadBy(operation, throughWrappers: false, cancellationToken) ??
                             (operation is ILocalReferenceOperation local ? FindStoreAlias(local.Local, throughWrappers: false, cancellationToken) : null);
                if (member != null)
                {
                    return member;
                }
            }

            return null;
        }
    }
}
