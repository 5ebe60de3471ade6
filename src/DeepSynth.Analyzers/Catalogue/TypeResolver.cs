using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>
    /// Resolves the catalogue's types by metadata name. <see cref="Compilation.GetTypeByMetadataName"/> searches the
    /// project and every reference for each name (about 90 ms for the whole catalogue in a web project, paid on every
    /// keystroke in the IDE); this looks only in assemblies whose type-name set holds the simple name, and defers to the
    /// compilation's own lookup when more than one assembly defines the type, so ambiguity resolves as the compiler's does.
    /// </summary>
    internal sealed class TypeResolver
    {
        private readonly Compilation _compilation;
        private readonly ImmutableArray<IAssemblySymbol> _assemblies;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _resolved = new ConcurrentDictionary<string, INamedTypeSymbol?>();

        public TypeResolver(Compilation compilation)
        {
            _compilation = compilation;
            var assemblies = ImmutableArray.CreateBuilder<IAssemblySymbol>();
            assemblies.Add(compilation.Assembly);
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                {
                    assemblies.Add(assembly);
                }
            }

            _assemblies = assemblies.ToImmutable();
        }

        public INamedTypeSymbol? Resolve(string metadataName) => _resolved.GetOrAdd(metadataName, Find);

        private INamedTypeSymbol? Find(string metadataName)
        {
            var simpleName = SimpleName(metadataName);
            INamedTypeSymbol? found = null;
            foreach (var assembly in _assemblies)
            {
                if (!assembly.TypeNames.Contains(simpleName) || assembly.GetTypeByMetadataName(metadataName) is not { } type)
                {
                    continue;
                }

                if (found != null)
                {
                    return _compilation.GetTypeByMetadataName(metadataName);
                }

                found = type;
            }

            return found;
        }

        /// <summary><c>N.Outer`1+Inner</c> is listed under <c>Outer</c> (type-name sets hold names without arity).</summary>
        private static string SimpleName(string metadataName)
        {
            var end = metadataName.IndexOf('+');
            var topLevel = end < 0 ? metadataName : metadataName.Substring(0, end);
            var start = topLevel.LastIndexOf('.') + 1;
            var name = topLevel.Substring(start);
            var arity = name.IndexOf('`');
            return arity < 0 ? name : name.Substring(0, arity);
        }
    }
}
