using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// What the engine looks up across the whole compilation, read from one syntax tree in a single pass: assignments by
    /// target name (who writes a field), type declarations by the names in their base lists (who implements an interface)
    /// <c>Map*</c> calls (where endpoints are registered), global MVC filter and middleware registrations. Cached on the tree itself, which compilations share: after an
    /// edit the IDE builds a new compilation, and only the edited tree is read again.
    /// </summary>
    internal sealed class SyntaxIndex
    {
        private static readonly ConditionalWeakTable<SyntaxTree, SyntaxIndex> Cache = new ConditionalWeakTable<SyntaxTree, SyntaxIndex>();

        private static readonly Dictionary<string, ImmutableArray<AssignmentExpressionSyntax>> NoAssignments = new Dictionary<string, ImmutableArray<AssignmentExpressionSyntax>>();
        private static readonly Dictionary<string, ImmutableArray<TypeDeclarationSyntax>> NoTypes = new Dictionary<string, ImmutableArray<TypeDeclarationSyntax>>();
        private static readonly Dictionary<string, ImmutableArray<InvocationExpressionSyntax>> NoCalls = new Dictionary<string, ImmutableArray<InvocationExpressionSyntax>>();

        private readonly Dictionary<string, ImmutableArray<AssignmentExpressionSyntax>> _assignments;
        private readonly Dictionary<string, ImmutableArray<TypeDeclarationSyntax>> _typesByBaseName;
        private readonly Dictionary<string, ImmutableArray<InvocationExpressionSyntax>> _mutatorCalls;
        private readonly Dictionary<string, ImmutableArray<InvocationExpressionSyntax>> _callsByName;

        private SyntaxIndex(
            Dictionary<string, ImmutableArray<AssignmentExpressionSyntax>> assignments,
            Dictionary<string, ImmutableArray<TypeDeclarationSyntax>> typesByBaseName,
            ImmutableArray<InvocationExpressionSyntax> mapCalls,
            ImmutableArray<InvocationExpressionSyntax> filterAdds,
            ImmutableArray<InvocationExpressionSyntax> middleware,
            ImmutableArray<InvocationExpressionSyntax> modelFunctionFactoryCalls,
            Dictionary<string, ImmutableArray<InvocationExpressionSyntax>> mutatorCalls,
            Dictionary<string, ImmutableArray<InvocationExpressionSyntax>> callsByName)
        {
            _assignments = assignments;
            _mutatorCalls = mutatorCalls;
            _callsByName = callsByName;
            _typesByBaseName = typesByBaseName;
            MapCalls = mapCalls;
            FilterAdds = filterAdds;
            Middleware = middleware;
            ModelFunctionFactoryCalls = modelFunctionFactoryCalls;
        }

        /// <summary>Invocations whose method name starts with <c>Map</c> (MapPost, MapHub, MapControllers, ...).</summary>
        public ImmutableArray<InvocationExpressionSyntax> MapCalls { get; }

        /// <summary>Global filter registrations: MVC's <c>options.Filters.Add(...)</c> (an AuthorizeFilter in front of every action) and SignalR's <c>options.AddFilter&lt;T&gt;()</c>.</summary>
        public ImmutableArray<InvocationExpressionSyntax> FilterAdds { get; }

        /// <summary>Middleware registrations: <c>app.Use(async (context, next) => ...)</c> and <c>app.UseMiddleware&lt;T&gt;()</c>.</summary>
        public ImmutableArray<InvocationExpressionSyntax> Middleware { get; }

        /// <summary>Calls that may make a delegate into a model-called function (<c>AIFunctionFactory.Create(SendAsync)</c>), by name.</summary>
        public ImmutableArray<InvocationExpressionSyntax> ModelFunctionFactoryCalls { get; }

        /// <summary>
        /// The names a <c>Map*</c> call can register: method groups among its arguments (<c>ChatEndpoints.Ask</c>) and
        /// its type arguments (<c>MapHub&lt;ChatHub&gt;</c>).
        /// </summary>
        public static IEnumerable<string> RegisteredNames(InvocationExpressionSyntax call)
        {
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if ((argument.Expression is IdentifierNameSyntax || argument.Expression is MemberAccessExpressionSyntax) && SimpleName(argument.Expression) is { } name)
                {
                    yield return name;
                }
            }

            var generic = call.Expression switch
            {
                GenericNameSyntax g => g,
                MemberAccessExpressionSyntax { Name: GenericNameSyntax g } => g,
                _ => null,
            };
            if (generic != null)
            {
                foreach (var typeArgument in generic.TypeArgumentList.Arguments)
                {
                    if (SimpleName(typeArgument) is { } name)
                    {
                        yield return name;
                    }
                }
            }
        }

        /// <summary>The method name of a call (<c>MapPost</c> in <c>app.MapPost(...)</c>).</summary>
        public static string? CalledName(InvocationExpressionSyntax call) => SimpleName(call.Expression);

        /// <summary>Every name a base list or assignment target is filed under here.</summary>
        public IEnumerable<KeyValuePair<string, ImmutableArray<AssignmentExpressionSyntax>>> AllAssignments => _assignments;

        public IEnumerable<KeyValuePair<string, ImmutableArray<TypeDeclarationSyntax>>> AllTypesByBaseName => _typesByBaseName;

        public static SyntaxIndex For(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(tree, out var index))
            {
                return index;
            }

            // Built outside the table's lock; when two threads race, both results are equal and the first one is kept.
            index = Build(tree, cancellationToken);
            return Cache.GetValue(tree, _ => index);
        }

        /// <summary>Assignments (object-initializer members included) whose target's simple name is <paramref name="name"/>.</summary>
        public ImmutableArray<AssignmentExpressionSyntax> AssignmentsTo(string name) =>
            _assignments.TryGetValue(name, out var found) ? found : ImmutableArray<AssignmentExpressionSyntax>.Empty;

        /// <summary>
        /// Calls that add to a container (<see cref="Catalogue.KnownApis.MutatorMethods"/>: <c>_history.Add(x)</c>,
        /// <c>_feed.Writer.WriteAsync(x)</c>) filed under every simple name of their receiver (<c>_history</c>;
        /// <c>Writer</c> and <c>_feed</c>): who may store content into a member without assigning it.
        /// </summary>
        public ImmutableArray<InvocationExpressionSyntax> MutatorCallsOn(string name) =>
            _mutatorCalls.TryGetValue(name, out var found) ? found : ImmutableArray<InvocationExpressionSyntax>.Empty;

        /// <summary>Calls with arguments whose method's simple name is <paramref name="name"/> (the callers of a method, by name).</summary>
        public ImmutableArray<InvocationExpressionSyntax> CallsNamed(string name) =>
            _callsByName.TryGetValue(name, out var found) ? found : ImmutableArray<InvocationExpressionSyntax>.Empty;

        /// <summary>The simple names of a receiver chain: <c>_feed</c> and <c>Writer</c> in <c>_feed.Writer</c>, <c>this._items</c>'s <c>_items</c>.</summary>
        public static IEnumerable<string> ReceiverNames(ExpressionSyntax receiver)
        {
            for (var node = receiver; node != null;)
            {
                switch (node)
                {
                    case MemberAccessExpressionSyntax access:
                        yield return access.Name.Identifier.ValueText;
                        node = access.Expression;
                        break;
                    case SimpleNameSyntax simple:
                        yield return simple.Identifier.ValueText;
                        node = null;
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        node = parenthesized.Expression;
                        break;
                    default:
                        node = null;
                        break;
                }
            }
        }

        /// <summary>Class, struct and record declarations whose base list names <paramref name="name"/> (generic or qualified).</summary>
        public ImmutableArray<TypeDeclarationSyntax> TypesDerivingFrom(string name) =>
            _typesByBaseName.TryGetValue(name, out var found) ? found : ImmutableArray<TypeDeclarationSyntax>.Empty;

        private static SyntaxIndex Build(SyntaxTree tree, CancellationToken cancellationToken)
        {
            Dictionary<string, List<AssignmentExpressionSyntax>>? assignments = null;
            Dictionary<string, List<TypeDeclarationSyntax>>? types = null;
            var mapCalls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var filterAdds = ImmutableArray<InvocationExpressionSyntax>.Empty;
            var middleware = ImmutableArray<InvocationExpressionSyntax>.Empty;
            var modelFunctionFactoryCalls = ImmutableArray<InvocationExpressionSyntax>.Empty;
            Dictionary<string, List<InvocationExpressionSyntax>>? mutatorCalls = null;
            Dictionary<string, List<InvocationExpressionSyntax>>? callsByName = null;
            var aliases = new StoreAliasNames();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is MemberDeclarationSyntax)
                {
                    aliases.Reset();
                }

                aliases.Observe(node);
                if (node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } call && SimpleName(call.Expression) is { } calledName)
                {
                    Add(callsByName ??= new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal), calledName, call);
                    if (call.Expression is MemberAccessExpressionSyntax { Expression: var receiver } && Catalogue.KnownApis.MutatorMethods.Contains(calledName))
                    {
                        // "history.AddAssistantMessage(answer)" on a history taken from "Conversations" is filed under both.
                        foreach (var receiverName in ReceiverNames(receiver).Concat(aliases.NamesFor(receiver)))
                        {
                            Add(mutatorCalls ??= new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal), receiverName, call);
                        }
                    }
                }

                switch (node)
                {
                    // "_drafts[draft.Id] = draft" stores into the dictionary the receiver names (filed under its rightmost
                    // name only: under every name of the chain, "Response.Headers[...]" made each name's writers costlier
                    // to bind in every compilation). An index initializer ("[key] = value" in braces) is an implicit
                    // element access and names no member.
                    case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } indexed when SimpleName(element.Expression) is { } container:
                        Add(assignments ??= new Dictionary<string, List<AssignmentExpressionSyntax>>(StringComparer.Ordinal), container, indexed);
                        break;
                    // Object-initializer members count (new Conversation { Answer = text } writes Answer), collection and
                    // dictionary initializers do not name a member.
                    case AssignmentExpressionSyntax assignment when !(assignment.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression or (int)SyntaxKind.ComplexElementInitializerExpression }) && SimpleName(assignment.Left) is { } target:
                        Add(assignments ??= new Dictionary<string, List<AssignmentExpressionSyntax>>(StringComparer.Ordinal), target, assignment);
                        break;
                    case TypeDeclarationSyntax { BaseList: { } baseList } type:
                        foreach (var baseType in baseList.Types)
                        {
                            if (SimpleName(baseType.Type) is { } baseName)
                            {
                                Add(types ??= new Dictionary<string, List<TypeDeclarationSyntax>>(StringComparer.Ordinal), baseName, type);
                            }
                        }

                        break;
                    case InvocationExpressionSyntax invocation when SimpleName(invocation.Expression) is { } called && called.StartsWith("Map", StringComparison.Ordinal):
                        mapCalls.Add(invocation);
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddService", Expression: var filters } } add when SimpleName(filters) == "Filters":
                        filterAdds = filterAdds.Add(add);
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var hubFilter } } add when hubFilter.Identifier.ValueText == Catalogue.KnownApis.HubFilterAddMethod:
                        // options.AddFilter<RealNameHubFilter>(): a SignalR hub filter (the hub conventions tell which hubs it covers).
                        filterAdds = filterAdds.Add(add);
                        break;
                    case InvocationExpressionSyntax use when SimpleName(use.Expression) is "Use" or "UseMiddleware":
                        middleware = middleware.Add(use);
                        break;
                    case InvocationExpressionSyntax factory when SimpleName(factory.Expression) is { } called &&
                                                                  Catalogue.ApiCatalogue.MayBeModelFunctionFactoryCall(called, factory.Expression is MemberAccessExpressionSyntax access ? SimpleName(access.Expression) : null):
                        modelFunctionFactoryCalls = modelFunctionFactoryCalls.Add(factory);
                        break;
                }
            }

            return new SyntaxIndex(Freeze(assignments, NoAssignments), Freeze(types, NoTypes), mapCalls.ToImmutable(), filterAdds, middleware, modelFunctionFactoryCalls,
                Freeze(mutatorCalls, NoCalls), Freeze(callsByName, NoCalls));
        }

        /// <summary>The rightmost simple name: <c>x</c>, <c>this.x</c>, <c>a.B&lt;T&gt;</c>, <c>global::N.IFoo</c>.</summary>
        internal static string? SimpleName(SyntaxNode node) => node switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<T>();
            }

            list.Add(value);
        }

        private static Dictionary<string, ImmutableArray<T>> Freeze<T>(Dictionary<string, List<T>>? map, Dictionary<string, ImmutableArray<T>> empty)
        {
            if (map == null)
            {
                return empty;
            }

            var frozen = new Dictionary<string, ImmutableArray<T>>(map.Count, StringComparer.Ordinal);
            foreach (var pair in map)
            {
                frozen[pair.Key] = pair.Value.ToImmutableArray();
            }

            return frozen;
        }
    }
}
