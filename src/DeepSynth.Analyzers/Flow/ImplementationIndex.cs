using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Finds the implementations, in this compilation, of an interface or virtual method, so a call through an
    /// interface (IChatService.AskAsync) is summarised by what its implementations do. Built on first use.
    /// </summary>
    internal sealed class ImplementationIndex
    {
        /// <summary>A call with more implementations than this is treated as unknown (fast and rarely useful).</summary>
        public const int MaxImplementations = 8;

        private readonly ProjectSyntax _syntax;
        private readonly SemanticModelCache _models;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> _derived =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _cache =
            new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);

        public ImplementationIndex(ProjectSyntax syntax, SemanticModelCache models)
        {
            _syntax = syntax;
            _models = models;
        }

        /// <summary>Implementations in source, or empty when there are none or too many.</summary>
        public ImmutableArray<IMethodSymbol> Find(IMethodSymbol method, CancellationToken cancellationToken) =>
            _cache.GetOrAdd(method.OriginalDefinition, m => Compute(m, cancellationToken));

        private ImmutableArray<IMethodSymbol> Compute(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var containing = method.ContainingType;
            if (containing == null || method.IsStatic)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var type in DerivedTypes(containing, cancellationToken))
            {
                if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
                {
                    continue;
                }

                IMethodSymbol? implementation = null;
                if (containing.TypeKind == TypeKind.Interface)
                {
                    if (Implements(type, containing))
                    {
                        implementation = type.FindImplementationForInterfaceMember(method) as IMethodSymbol;
                    }
                }
                else if (method.IsVirtual || method.IsAbstract || method.IsOverride)
                {
                    foreach (var member in type.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol candidate && Overrides(candidate, method))
                        {
                            implementation = candidate;
                            break;
                        }
                    }
                }

                if (implementation != null && !implementation.IsAbstract && !found.Any(f => SymbolEqualityComparer.Default.Equals(f, implementation)))
                {
                    found.Add(implementation);
                    if (found.Count > MaxImplementations)
                    {
                        return ImmutableArray<IMethodSymbol>.Empty;
                    }
                }
            }

            return found.ToImmutable();
        }

        /// <summary>
        /// The handlers in source of a mediator request or notification of type <paramref name="request"/>: the
        /// <paramref name="methodName"/> implementations of types implementing one of <paramref name="handlerInterfaces"/>
        /// for that type or a type it derives from (a handler of a base notification receives it too). Empty when there are
        /// none, or more than <see cref="MaxImplementations"/>. A handler that derives from a library's base class and
        /// overrides its protected method is not found (the interface is implemented by the library).
        /// </summary>
        public ImmutableArray<IMethodSymbol> FindHandlers(ImmutableArray<INamedTypeSymbol> handlerInterfaces, string methodName, ITypeSymbol request, CancellationToken cancellationToken) =>
            handlerInterfaces.IsEmpty
                ? ImmutableArray<IMethodSymbol>.Empty
                : _handlers.GetOrAdd(new HandlerKey(handlerInterfaces[0], methodName, request), _ => ComputeHandlers(handlerInterfaces, methodName, request, cancellationToken));

        // Keyed by the row's first handler interface: a dispatch row's interfaces are resolved once per catalogue.
        private readonly ConcurrentDictionary<HandlerKey, ImmutableArray<IMethodSymbol>> _handlers = new ConcurrentDictionary<HandlerKey, ImmutableArray<IMethodSymbol>>();

        private readonly struct HandlerKey : IEquatable<HandlerKey>
        {
            private readonly INamedTypeSymbol _interface;
            private readonly string _method;
            private readonly ITypeSymbol _request;

            public HandlerKey(INamedTypeSymbol handlerInterface, string method, ITypeSymbol request)
            {
                _interface = handlerInterface;
                _method = method;
                _request = request;
            }

            public bool Equals(HandlerKey other) =>
                SymbolEqualityComparer.Default.Equals(_interface, other._interface) && _method == other._method && SymbolEqualityComparer.Default.Equals(_request, other._request);

            public override bool Equals(object? obj) => obj is HandlerKey other && Equals(other);

            public override int GetHashCode() =>
                (SymbolEqualityComparer.Default.GetHashCode(_interface) * 31 + _method.GetHashCode()) * 31 + SymbolEqualityComparer.Default.GetHashCode(_request);
        }

        private ImmutableArray<IMethodSymbol> ComputeHandlers(ImmutableArray<INamedTypeSymbol> handlerInterfaces, string methodName, ITypeSymbol request, CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var handlerInterface in handlerInterfaces)
            {
                foreach (var type in DerivedTypes(handlerInterface, cancellationToken))
                {
                    if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct || type.IsAbstract)
                    {
                        continue;
                    }

                    foreach (var implemented in type.AllInterfaces)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, handlerInterface.OriginalDefinition) ||
                            implemented.TypeArguments.Length == 0 || !IsOrDerivesFrom(request, implemented.TypeArguments[0]))
                        {
                            continue;
                        }

                        foreach (var member in implemented.GetMembers(methodName))
                        {
                            if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation &&
                                !implementation.IsAbstract && implementation.Locations.Any(l => l.IsInSource) &&
                                !found.Any(f => SymbolEqualityComparer.Default.Equals(f, implementation)))
                            {
                                found.Add(implementation);
                                if (found.Count > MaxImplementations)
                                {
                                    return ImmutableArray<IMethodSymbol>.Empty;
                                }
                            }
                        }
                    }
                }
            }

            return found.ToImmutable();
        }

        private static bool IsOrDerivesFrom(ITypeSymbol type, ITypeSymbol candidate)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, candidate))
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, candidate));
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
        {
            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, @interface.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
        {
            for (var overridden = candidate.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Types in source that derive, directly or not, from <paramref name="root"/>: found by the names in base lists
        /// (<see cref="SyntaxIndex"/>, shared across compilations) and only then bound, so no other type is touched.
        /// A base type reached through an alias (<c>using IFoo = ...</c>) is not followed.
        /// </summary>
        private ImmutableArray<INamedTypeSymbol> DerivedTypes(INamedTypeSymbol root, CancellationToken cancellationToken) =>
            _derived.GetOrAdd(root.OriginalDefinition, r =>
            {
                var found = new List<INamedTypeSymbol>();
                var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { r };
                var names = new HashSet<string>(StringComparer.Ordinal) { r.Name };
                var frontier = new List<string> { r.Name };
                while (frontier.Count > 0)
                {
                    var next = new List<string>();
                    foreach (var name in frontier)
                    {
                        foreach (var declaration in _syntax.TypesDerivingFrom(name, cancellationToken))
                        {
                            if (_models.GetModel(declaration.SyntaxTree)?.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type && seen.Add(type.OriginalDefinition))
                            {
                                found.Add(type.OriginalDefinition);
                                if (names.Add(type.Name))
                                {
                                    next.Add(type.Name);
                                }
                            }
                        }
                    }

                    frontier = next;
                }

                return found.ToImmutableArray();
            });
    }
}
