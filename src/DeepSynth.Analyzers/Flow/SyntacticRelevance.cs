using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// The relevance test's first pass, on syntax alone: which bodies could reach generated content at all. Built once
    /// per compilation from the names of the catalogue's generation calls and the <see cref="DeclaredBody"/> lists of
    /// every tree, it over-approximates the bound test of <see cref="FlowEngine"/> (no depth bound, one name for all
    /// overloads and all types), so a body it rules out is one the bound test would rule out too, without binding the body
    /// or its callees. Most of a project is ruled out here; the rest goes to the bound test.
    /// </summary>
    internal sealed partial class SyntacticRelevance
    {
        private readonly HashSet<string> _stored;
        private readonly HashSet<string> _relevant;

        private SyntacticRelevance(HashSet<string> stored, HashSet<string> relevant)
        {
            _stored = stored;
            _relevant = relevant;
        }

        /// <summary>
        /// <paramref name="generationCalls"/>: the simple names of every member the catalogue can give a generation or
        /// biometric-edit role (see <see cref="Catalogue.ApiCatalogue.GenerationCallNames"/>); <paramref name="dispatchCalls"/>:
        /// the calls that run handler methods of a name (see <see cref="Catalogue.ApiCatalogue.DispatchCallNames"/>).
        /// </summary>
        public static SyntacticRelevance Build(Compilation compilation, ImmutableHashSet<string> generationCalls, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls, CancellationToken cancellationToken)
        {
            var trees = new List<ImmutableArray<DeclaredBody>>();
            var names = new List<TreeNames>();
            var count = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var bodies = DeclaredBodies.For(tree, cancellationToken);
                trees.Add(bodies);
                names.Add(TreeNames.For(tree, bodies));
                count += bodies.Length;
            }

            // The IDE builds a compilation per edit; typing inside a body gives its tree new syntax but rarely new names.
            if (RecentResults.Find(names, generationCalls, dispatchCalls) is { } reused)
            {
                return reused;
            }

            var declarations = new List<DeclaredBody>(count);
            foreach (var bodies in trees)
            {
                declarations.AddRange(bodies);
            }

            var built = Build(declarations, generationCalls, dispatchCalls);
            RecentResults.Add(names, generationCalls, dispatchCalls, built);
            return built;
        }

        /// <summary>
        /// Adds what <paramref name="bodies"/> assign to <paramref name="stored"/>, and what the methods they call assign, up
        /// to <see cref="FlowEngine.MaxStoreCallerLevels"/> calls deep (history.Remember(answer) adding to a list); the bus
        /// is a store only where a bus package is referenced (<paramref name="busIsStore"/>).
        /// </summary>
        private static void StoreThrough(IEnumerable<DeclaredBody> bodies, HashSet<DeclaredBody> storing, HashSet<string> stored, Dictionary<string, List<DeclaredBody>> byName, bool busIsStore)
        {
            var level = new List<DeclaredBody>(bodies);
            for (var depth = 0; level.Count > 0; depth++)
            {
                var next = new List<DeclaredBody>();
                foreach (var declaration in level)
                {
                    stored.UnionWith(declaration.Assigned);
                    if (depth == FlowEngine.MaxStoreCallerLevels)
                    {
                        continue;
                    }

                    foreach (var mention in declaration.Mentions)
                    {
                        if (byName.TryGetValue(mention, out var callees))
                        {
                            next.AddRange(callees.Where(storing.Add));
                        }
                    }
                }

                level = next;
            }

            if (!busIsStore)
            {
                // No bus package is referenced: a Publish or Send is a mediator's or some other library's, not a store.
                stored.Remove(KnownApis.MessageBusName);
            }
        }

        private static SyntacticRelevance Build(List<DeclaredBody> declarations, ImmutableHashSet<string> generationCalls, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls)
        {
            var byMention = new Dictionary<string, List<DeclaredBody>>(StringComparer.Ordinal);
            foreach (var declaration in declarations)
            {
                foreach (var name in declaration.Mentions)
                {
                    if (!byMention.TryGetValue(name, out var list))
                    {
                        byMention[name] = list = new List<DeclaredBody>();
                    }

                    list.Add(declaration);
                }
            }

            // Names whose call can produce generated content without reading any stored member.
            var generating = new HashSet<string>(generationCalls, StringComparer.Ordinal);
            foreach (var declaration in declarations)
            {
                if (declaration.MarkedAsSource && declaration.Name != null)
                {
                    generating.Add(declaration.Name);
                }
            }

            var generators = Close(generating, byMention, dispatchCalls);

            // Members such bodies write, or the methods they call write (history.Remember(answer) adding to a list), a few
            // calls deep: reading one may yield generated content (what the engine's writers test asks).
            var stored = new HashSet<string>(StringComparer.Ordinal);
            var byName = new Dictionary<string, List<DeclaredBody>>(StringComparer.Ordinal);
            foreach (var declaration in declarations)
            {
                if (declaration.Name != null)
                {
                    if (!byName.TryGetValue(declaration.Name, out var named))
                    {
                        byName[declaration.Name] = named = new List<DeclaredBody>();
                    }

                    named.Add(declaration);
                }
            }

            var storing = new HashSet<DeclaredBody>(generators);
            var busIsStore = dispatchCalls.ContainsKey(KnownApis.MessageBusName);
            StoreThrough(generators, storing, stored, byName, busIsStore);

            // "history.Add(answer)" on "var history = sessions.GetOrStart(id, ...)" was filed under the wrapper call's key:
            // it stores into the container the wrapper takes the element from (_sessions).
            foreach (var key in stored.Where(StoreAliasNames.IsWrapperCallKey).ToList())
            {
                if (byName.TryGetValue(StoreAliasNames.WrapperName(key), out var wrappers))
                {
                    foreach (var wrapper in wrappers)
                    {
                        stored.UnionWith(wrapper.ReturnsElementOf);
                    }
                }
            }

            // A body that reads stored content and stores it again (a requester caching what the bus answered, a component's
            // render handing it to its children's parameters: Chat -> MessageList -> MessageItem) stores generated content
            // too, with the methods it calls: to a fixpoint, each round over the bodies that read a name the last one added.
            while (true)
            {
                var readers = declarations.Where(d => !storing.Contains(d) && d.Mentions.Any(stored.Contains)).ToList();
                if (readers.Count == 0)
                {
                    break;
                }

                storing.UnionWith(readers);
                var before = stored.Count;
                StoreThrough(readers, storing, stored, byName, busIsStore);
                if (stored.Count == before)
                {
                    break;
                }
            }

            if (stored.Count > 0)
            {
                // A SQL query reads columns by name from whatever was saved (FlowEngine.SqlRowsOf): any stored member may be one.
                stored.Add(KnownApis.SqlStoreName);
            }

            var relevant = new HashSet<string>(generating, StringComparer.Ordinal);
            relevant.UnionWith(stored);
            Close(relevant, byMention, dispatchCalls);
            return new SyntacticRelevance(stored, relevant);
        }

        /// <summary>Whether a body that mentions none of the relevant names is certain not to reach generated content.</summary>
        /// <remarks>The names of a member body were collected when the syntax pass was built: they are read back instead of
        /// walking the body again (other code, such as a field initializer, is walked).</remarks>
        public bool MayReach(SyntaxNode body, CancellationToken cancellationToken) =>
            DeclaredBodies.Of(body, cancellationToken) is { } declared
                ? declared.Mentions.Any(_relevant.Contains)
                : DeclaredBodies.MentionsAny(body, _relevant);

        /// <summary>Whether calling <paramref name="callee"/> may reach generated content (some declaration of its name may).</summary>
        public bool MayReach(IMethodSymbol callee) => _relevant.Contains(DeclaredBodies.CallName(callee));

        /// <summary>Whether some body that may generate content writes a member of this name.</summary>
        public bool MayBeStoredWithGeneratedContent(ISymbol member) => _stored.Contains(DeclaredBodies.SimpleMemberName(member.Name));

        /// <summary>Whether some body that may generate content writes a member, or a keyed cache (<see cref="Catalogue.KnownApis.KeyedCacheName"/>), of this name.</summary>
        public bool MayBeStoredWithGeneratedContent(string name) => _stored.Contains(name);

        /// <summary>Adds to <paramref name="names"/> the name of every declaration whose body mentions one of them, to a fixpoint; returns those declarations.</summary>
        private static HashSet<DeclaredBody> Close(HashSet<string> names, Dictionary<string, List<DeclaredBody>> byMention, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls)
        {
            var reached = new HashSet<DeclaredBody>();
            var work = new Stack<string>(names);
            void Reach(string name)
            {
                if (names.Add(name))
                {
                    work.Push(name);
                }
            }

            while (work.Count > 0)
            {
                var name = work.Pop();

                // A handler a mediator runs is reached by the dispatch call too (Handle by Send).
                if (dispatchCalls.TryGetValue(name, out var viaDispatch))
                {
                    foreach (var call in viaDispatch)
                    {
                        Reach(call);
                    }
                }

                if (!byMention.TryGetValue(name, out var mentioning))
                {
                    continue;
                }

                foreach (var declaration in mentioning)
                {
                    if (reached.Add(declaration) && declaration.Name != null)
                    {
                        Reach(declaration.Name);
                    }
                }
            }

            return reached;
        }
    }
}
