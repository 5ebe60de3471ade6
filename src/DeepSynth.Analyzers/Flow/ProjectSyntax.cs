using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// The per-tree <see cref="SyntaxIndex"/>es of a compilation merged into one lookup, built once on first use (linear
    /// in the project), so that each question (who writes this field, who derives from this type, who registers this
    /// handler) costs a dictionary lookup instead of a pass over every tree, which made the whole analysis quadratic.
    /// </summary>
    internal sealed class ProjectSyntax
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new object();
        private Merged? _merged;

        public ProjectSyntax(Compilation compilation) => _compilation = compilation;

        public ImmutableArray<AssignmentExpressionSyntax> AssignmentsTo(string name, CancellationToken cancellationToken) =>
            Lookup(Get(cancellationToken).Assignments, name);

        public ImmutableArray<TypeDeclarationSyntax> TypesDerivingFrom(string name, CancellationToken cancellationToken) =>
            Lookup(Get(cancellationToken).TypesByBaseName, name);

        /// <summary><c>Map*</c> calls that pass a method group or type argument with this simple name.</summary>
        public ImmutableArray<InvocationExpressionSyntax> MapCallsRegistering(string name, CancellationToken cancellationToken) =>
            Lookup(Get(cancellationToken).MapCallsByName, name);

        public ImmutableArray<InvocationExpressionSyntax> MapCalls(CancellationToken cancellationToken) => Get(cancellationToken).MapCalls;

        /// <summary>Every <c>*.Filters.Add(...)</c> call of the project (global MVC filters).</summary>
        public ImmutableArray<InvocationExpressionSyntax> FilterAdds(CancellationToken cancellationToken) => Get(cancellationToken).FilterAdds;

        /// <summary>Every <c>Use(...)</c> and <c>UseMiddleware&lt;T&gt;()</c> call of the project.</summary>
        public ImmutableArray<InvocationExpressionSyntax> Middleware(CancellationToken cancellationToken) => Get(cancellationToken).Middleware;

        /// <summary>Every call of the project that may make a delegate into a model-called function.</summary>
        /// <remarks>Asked for every compilation (usually none): read from the trees' indexes, without the merge of everything else.</remarks>
        public ImmutableArray<InvocationExpressionSyntax> ModelFunctionFactoryCalls(CancellationToken cancellationToken)
        {
            if (_modelFunctionFactoryCalls is { } known)
            {
                return known.Value;
            }

            var found = AcrossTrees(index => index.ModelFunctionFactoryCalls, cancellationToken);
            _modelFunctionFactoryCalls = new StrongBox<ImmutableArray<InvocationExpressionSyntax>>(found);
            return found;
        }

        private StrongBox<ImmutableArray<InvocationExpressionSyntax>>? _modelFunctionFactoryCalls;

        /// <summary>Calls that add to a container through a receiver chain naming <paramref name="name"/> (see <see cref="SyntaxIndex.MutatorCallsOn"/>).</summary>
        /// <remarks>Read from each tree's index on demand rather than merged: asked only for members that may store generated content.</remarks>
        public ImmutableArray<InvocationExpressionSyntax> MutatorCallsOn(string name, CancellationToken cancellationToken) =>
            AcrossTrees(index => index.MutatorCallsOn(name), cancellationToken);

        /// <summary>Calls with arguments of a method by this simple name, in the whole project.</summary>
        public ImmutableArray<InvocationExpressionSyntax> CallsNamed(string name, CancellationToken cancellationToken) =>
            AcrossTrees(index => index.CallsNamed(name), cancellationToken);

        private ImmutableArray<InvocationExpressionSyntax> AcrossTrees(Func<SyntaxIndex, ImmutableArray<InvocationExpressionSyntax>> select, CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                found.AddRange(select(SyntaxIndex.For(tree, cancellationToken)));
            }

            return found.ToImmutable();
        }

        private static ImmutableArray<T> Lookup<T>(Dictionary<string, ImmutableArray<T>> map, string name) =>
            map.TryGetValue(name, out var found) ? found : ImmutableArray<T>.Empty;

        private Merged Get(CancellationToken cancellationToken)
        {
            if (_merged != null)
            {
                return _merged;
            }

            lock (_gate)
            {
                return _merged ??= Build(cancellationToken);
            }
        }

        private Merged Build(CancellationToken cancellationToken)
        {
            var assignments = new Dictionary<string, ImmutableArray<AssignmentExpressionSyntax>.Builder>(StringComparer.Ordinal);
            var typesByBaseName = new Dictionary<string, ImmutableArray<TypeDeclarationSyntax>.Builder>(StringComparer.Ordinal);
            var mapCallsByName = new Dictionary<string, ImmutableArray<InvocationExpressionSyntax>.Builder>(StringComparer.Ordinal);
            var mapCalls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var filterAdds = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var middleware = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var index = SyntaxIndex.For(tree, cancellationToken);
                foreach (var pair in index.AllAssignments)
                {
                    Add(assignments, pair.Key).AddRange(pair.Value);
                }

                foreach (var pair in index.AllTypesByBaseName)
                {
                    Add(typesByBaseName, pair.Key).AddRange(pair.Value);
                }

                filterAdds.AddRange(index.FilterAdds);
                middleware.AddRange(index.Middleware);
                foreach (var call in index.MapCalls)
                {
                    mapCalls.Add(call);
                    foreach (var name in SyntaxIndex.RegisteredNames(call))
                    {
                        Add(mapCallsByName, name).Add(call);
                    }
                }
            }

            return new Merged(Freeze(assignments), Freeze(typesByBaseName), Freeze(mapCallsByName), mapCalls.ToImmutable(), filterAdds.ToImmutable(), middleware.ToImmutable());
        }

        private static Dictionary<string, ImmutableArray<T>> Freeze<T>(Dictionary<string, ImmutableArray<T>.Builder> map)
        {
            var frozen = new Dictionary<string, ImmutableArray<T>>(map.Count, StringComparer.Ordinal);
            foreach (var pair in map)
            {
                frozen[pair.Key] = pair.Value.ToImmutable();
            }

            return frozen;
        }

        private static ImmutableArray<T>.Builder Add<T>(Dictionary<string, ImmutableArray<T>.Builder> map, string name)
        {
            if (!map.TryGetValue(name, out var list))
            {
                map[name] = list = ImmutableArray.CreateBuilder<T>();
            }

            return list;
        }

        private sealed class Merged
        {
            public Merged(
                Dictionary<string, ImmutableArray<AssignmentExpressionSyntax>> assignments,
                Dictionary<string, ImmutableArray<TypeDeclarationSyntax>> typesByBaseName,
                Dictionary<string, ImmutableArray<InvocationExpressionSyntax>> mapCallsByName,
                ImmutableArray<InvocationExpressionSyntax> mapCalls,
                ImmutableArray<InvocationExpressionSyntax> filterAdds,
                ImmutableArray<InvocationExpressionSyntax> middleware)
            {
                Assignments = assignments;
                TypesByBaseName = typesByBaseName;
                MapCallsByName = mapCallsByName;
                MapCalls = mapCalls;
                FilterAdds = filterAdds;
                Middleware = middleware;
            }

            public Dictionary<string, ImmutableArray<AssignmentExpressionSyntax>> Assignments { get; }

            public Dictionary<string, ImmutableArray<TypeDeclarationSyntax>> TypesByBaseName { get; }

            public Dictionary<string, ImmutableArray<InvocationExpressionSyntax>> MapCallsByName { get; }

            public ImmutableArray<InvocationExpressionSyntax> MapCalls { get; }

            public ImmutableArray<InvocationExpressionSyntax> FilterAdds { get; }

            public ImmutableArray<InvocationExpressionSyntax> Middleware { get; }
        }
    }
}
