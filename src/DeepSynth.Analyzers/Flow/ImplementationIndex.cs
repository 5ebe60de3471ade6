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

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _cache =
            new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private ImmutableArray<INamedTypeSymbol> _sourceTypes;

        public ImplementationIndex(Compilation compilation) => _compilation = compilation;

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
            foreach (var type in SourceTypes(cancellationToken))
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

        private ImmutableArray<INamedTypeSymbol> SourceTypes(CancellationToken cancellationToken)
        {
            if (_sourceTypes.IsDefault)
            {
                var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                var stack = new Stack<INamespaceOrTypeSymbol>();
                stack.Push(_compilation.Assembly.GlobalNamespace);
                while (stack.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var member in stack.Pop().GetMembers())
                    {
                        if (member is INamespaceSymbol ns)
                        {
                            stack.Push(ns);
                        }
                        else if (member is INamedTypeSymbol type)
                        {
                            types.Add(type);
                            stack.Push(type);
                        }
                    }
                }

                ImmutableInterlocked.InterlockedInitialize(ref _sourceTypes, types.ToImmutable());
            }

            return _sourceTypes;
        }
    }
}
