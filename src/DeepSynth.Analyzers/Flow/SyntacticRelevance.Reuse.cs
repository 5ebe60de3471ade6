using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Reuse of <see cref="SyntacticRelevance"/> across compilations. Its result is a function of names alone (each body's
    /// name, the names it mentions and assigns, two flags) and of the catalogue's call names, so a compilation whose trees
    /// declare and mention exactly what a recent one's did gets that result instead of a new pass over the project: the
    /// IDE's usual edit (typing inside a body) makes a new tree and a new compilation, not new names.
    /// </summary>
    internal sealed partial class SyntacticRelevance
    {
        /// <summary>The names one tree's bodies declare, mention and assign, compared by value when the tree is new.</summary>
        internal sealed class TreeNames : IEquatable<TreeNames>
        {
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, TreeNames> PerTree =
                new System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, TreeNames>();

            private readonly string?[] _names;
            private readonly int _hash;

            private TreeNames(string?[] names)
            {
                _names = names;
                var hash = 17;
                foreach (var name in names)
                {
                    hash = unchecked((hash * 31) + (name == null ? 0 : StringComparer.Ordinal.GetHashCode(name)));
                }

                _hash = hash;
            }

            public static TreeNames For(SyntaxTree tree, ImmutableArray<DeclaredBody> bodies) => PerTree.GetValue(tree, _ => Of(bodies));

            private static TreeNames Of(ImmutableArray<DeclaredBody> bodies)
            {
                // Flags and list lengths are written as markers so that two different layouts cannot read alike.
                var names = new List<string?>();
                foreach (var body in bodies)
                {
                    names.Add(body.Name);
                    names.Add((body.MarkedAsSource ? "S" : "-") + (body.SetsChildParameters ? "P" : "-") + body.Mentions.Length + "/" + body.Assigned.Length + "/" + body.ReturnsElementOf.Length);
                    names.AddRange(body.Mentions);
                    names.AddRange(body.Assigned);
                    names.AddRange(body.ReturnsElementOf);
                }

                return new TreeNames(names.ToArray());
            }

            public bool Equals(TreeNames? other) =>
                other != null && (ReferenceEquals(this, other) || (_hash == other._hash && _names.SequenceEqual(other._names, StringComparer.Ordinal)));

            public override bool Equals(object? obj) => Equals(obj as TreeNames);

            public override int GetHashCode() => _hash;
        }

        /// <summary>The last few results, with what they were built from (a few, for a solution's projects side by side).</summary>
        private static class RecentResults
        {
            private const int Capacity = 4;
            private static readonly object Gate = new object();
            private static readonly LinkedList<Entry> Entries = new LinkedList<Entry>();

            public static SyntacticRelevance? Find(List<TreeNames> names, ImmutableHashSet<string> generationCalls, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls)
            {
                lock (Gate)
                {
                    for (var node = Entries.First; node != null; node = node.Next)
                    {
                        if (node.Value.Matches(names, generationCalls, dispatchCalls))
                        {
                            Entries.Remove(node);
                            Entries.AddFirst(node);
                            return node.Value.Result;
                        }
                    }
                }

                return null;
            }

            public static void Add(List<TreeNames> names, ImmutableHashSet<string> generationCalls, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls, SyntacticRelevance result)
            {
                lock (Gate)
                {
                    Entries.AddFirst(new Entry(names.ToArray(), generationCalls, dispatchCalls, result));
                    while (Entries.Count > Capacity)
                    {
                        Entries.RemoveLast();
                    }
                }
            }

            private sealed class Entry
            {
                private readonly TreeNames[] _names;
                private readonly ImmutableHashSet<string> _generationCalls;
                private readonly ImmutableDictionary<string, ImmutableArray<string>> _dispatchCalls;

                public Entry(TreeNames[] names, ImmutableHashSet<string> generationCalls, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls, SyntacticRelevance result)
                {
                    _names = names;
                    _generationCalls = generationCalls;
                    _dispatchCalls = dispatchCalls;
                    Result = result;
                }

                public SyntacticRelevance Result { get; }

                public bool Matches(List<TreeNames> names, ImmutableHashSet<string> generationCalls, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls)
                {
                    if (names.Count != _names.Length || !SameCalls(generationCalls, dispatchCalls))
                    {
                        return false;
                    }

                    for (var i = 0; i < _names.Length; i++)
                    {
                        if (!_names[i].Equals(names[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                private bool SameCalls(ImmutableHashSet<string> generationCalls, ImmutableDictionary<string, ImmutableArray<string>> dispatchCalls)
                {
                    if (!ReferenceEquals(generationCalls, _generationCalls) && !generationCalls.SetEquals(_generationCalls))
                    {
                        return false;
                    }

                    if (ReferenceEquals(dispatchCalls, _dispatchCalls))
                    {
                        return true;
                    }

                    return dispatchCalls.Count == _dispatchCalls.Count &&
                           dispatchCalls.All(d => _dispatchCalls.TryGetValue(d.Key, out var other) && d.Value.SequenceEqual(other, StringComparer.Ordinal));
                }
            }
        }
    }
}
