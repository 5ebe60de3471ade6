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
        private readonly ReferencedTypes _referenced;
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
            var referenced = new List<IAssemblySymbol>();
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                {
                    assemblies.Add(assembly);
                    referenced.Add(assembly);
                }
            }

            _assemblies = assemblies.ToImmutable();
            _referenced = ReferencedTypes.For(referenced.ToArray());
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
            ImmutableArray<INamedTypeSymbol>.Builder? found = null;
            var own = _compilation.Assembly;
            if (DeclaredTypeNames.Contains(simpleName) && own.GetTypeByMetadataName(metadataName) is { } declared)
            {
                (found ??= ImmutableArray.CreateBuilder<INamedTypeSymbol>()).Add(declared);
            }

            foreach (var type in _referenced.Defining(metadataName, simpleName))
            {
                if (IsUsable(type))
                {
                    (found ??= ImmutableArray.CreateBuilder<INamedTypeSymbol>()).Add(type);
                }
            }

            return found?.ToImmutable() ?? ImmutableArray<INamedTypeSymbol>.Empty;
        }

        /// <summary>
        /// The simple names of the types the project's trees declare. The source assembly's <c>TypeNames</c> would do, but
        /// it is built anew for every compilation (about 2 ms per keystroke in a 1,000-file project); a tree's names are
        /// read once per tree and joined per compilation.
        /// </summary>
        private HashSet<string> DeclaredTypeNames
        {
            get
            {
                if (_declaredTypeNames == null)
                {
                    var names = new HashSet<string>(System.StringComparer.Ordinal);
                    foreach (var tree in _compilation.SyntaxTrees)
                    {
                        names.UnionWith(TypeNamesIn(tree));
                    }

                    System.Threading.Interlocked.CompareExchange(ref _declaredTypeNames, names, null);
                }

                return _declaredTypeNames!;
            }
        }

        private HashSet<string>? _declaredTypeNames;

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, string[]> TreeTypeNames =
            new System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, string[]>();

        private static string[] TypeNamesIn(SyntaxTree tree) =>
            TreeTypeNames.GetValue(tree, t =>
            {
                var names = new List<string>();
                foreach (var node in t.GetRoot().DescendantNodes(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax ||
                                                                       n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax ||
                                                                       n is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax))
                {
                    switch (node)
                    {
                        case Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax type:
                            names.Add(type.Identifier.ValueText);
                            break;
                        case Microsoft.CodeAnalysis.CSharp.Syntax.DelegateDeclarationSyntax @delegate:
                            names.Add(@delegate.Identifier.ValueText);
                            break;
                    }
                }

                return names.ToArray();
            });

        /// <summary>
        /// The types each metadata name has in one set of referenced assemblies. Metadata assemblies are the same objects in
        /// every compilation of a project while its references do not change (the IDE makes a compilation per keystroke),
        /// so the set, found by its assemblies, answers each name once for all of them instead of once per compilation.
        /// </summary>
        private sealed class ReferencedTypes
        {
            // Keyed by the set's first assembly (weakly: a set lives as long as that assembly); a few sets per key.
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IAssemblySymbol, List<ReferencedTypes>> ByFirstAssembly =
                new System.Runtime.CompilerServices.ConditionalWeakTable<IAssemblySymbol, List<ReferencedTypes>>();

            private const int SetsPerKey = 4;

            private readonly IAssemblySymbol[] _assemblies;
            private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _defining =
                new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(System.StringComparer.Ordinal);

            private ReferencedTypes(IAssemblySymbol[] assemblies) => _assemblies = assemblies;

            public static ReferencedTypes For(IAssemblySymbol[] assemblies)
            {
                if (assemblies.Length == 0)
                {
                    return new ReferencedTypes(assemblies);
                }

                var sets = ByFirstAssembly.GetValue(assemblies[0], _ => new List<ReferencedTypes>());
                lock (sets)
                {
                    foreach (var set in sets)
                    {
                        if (set.Holds(assemblies))
                        {
                            return set;
                        }
                    }

                    var created = new ReferencedTypes(assemblies);
                    sets.Add(created);
                    if (sets.Count > SetsPerKey)
                    {
                        sets.RemoveAt(0);
                    }

                    return created;
                }
            }

            public ImmutableArray<INamedTypeSymbol> Defining(string metadataName, string simpleName) =>
                _defining.GetOrAdd(metadataName, name =>
                {
                    var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                    foreach (var assembly in _assemblies)
                    {
                        if (assembly.TypeNames.Contains(simpleName) && assembly.GetTypeByMetadataName(name) is { } type)
                        {
                            types.Add(type);
                        }
                    }

                    return types.ToImmutable();
                });

            private bool Holds(IAssemblySymbol[] assemblies)
            {
                if (assemblies.Length != _assemblies.Length)
                {
                    return false;
                }

                for (var i = 0; i < assemblies.Length; i++)
                {
                    if (!ReferenceEquals(assemblies[i], _assemblies[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Public types (and their public containers) need no accessibility check; others are asked of the compilation.</summary>
        private bool IsUsable(INamedTypeSymbol type)
        {
            for (var t = type; t != null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility != Accessibility.Public)
                {
                    return _compilation.IsSymbolAccessibleWithin(type, _compilation.Assembly);
                }
            }

            return true;
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
