using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>
    /// Resolves the catalogue's types by metadata name. <see cref="Compilation.GetTypeByMetadataName"/> searches the
    /// project and every reference for each name (about 90 ms for the whole catalogue in a web project, paid on every
    /// keystroke in the IDE) and returns null when two assemblies define the name; this looks only in assemblies whose
    /// type-name set holds the simple name, and returns every match the project can use. Two assemblies do define the same
    /// name in real apps: Microsoft.Agents.AI ships its own <c>Microsoft.Extensions.AI.ChatClientExtensions</c> beside
    /// Microsoft.Extensions.AI's, and a catalogue row must hold for both rather than for neither.
    /// </summary>
    internal sealed class TypeResolver
    {
        private readonly Compilation _compilation;
        private readonly ImmutableArray<IAssemblySymbol> _assemblies;
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _resolved = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>();

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, TypeResolver> Shared =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, TypeResolver>();

        /// <summary>The resolver of a compilation, shared by every analyzer (each SDK type is looked up once per compilation).</summary>
        public static TypeResolver For(Compilation compilation) => Shared.GetValue(compilation, c => new TypeResolver(c));

        private TypeResolver(Compilation compilation)
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

        /// <summary>Names of the assemblies the compilation references (for telling a missing package from a missing type).</summary>
        public IEnumerable<IAssemblySymbol> Assemblies => _assemblies;

        /// <summary>The one type of that name, preferring the compiler's own choice; null when there is none the project can use.</summary>
        public INamedTypeSymbol? Resolve(string metadataName)
        {
            var all = ResolveAll(metadataName);
            if (all.IsEmpty)
            {
                return null;
            }

            return all.Length == 1 ? all[0] : _compilation.GetTypeByMetadataName(metadataName) ?? all[0];
        }

        /// <summary>Every type of that metadata name the project can use (public, or its own, or visible to it).</summary>
        public ImmutableArray<INamedTypeSymbol> ResolveAll(string metadataName) => _resolved.GetOrAdd(metadataName, Find);

        private ImmutableArray<INamedTypeSymbol> Find(string metadataName)
        {
            var simpleName = SimpleName(metadataName);
            var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var assembly in _assemblies)
            {
                if (assembly.TypeNames.Contains(simpleName) && assembly.GetTypeByMetadataName(metadataName) is { } type &&
                    _compilation.IsSymbolAccessibleWithin(type, _compilation.Assembly))
                {
                    found.Add(type);
                }
            }

            return found.ToImmutable();
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
