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
    /// One member declaration as syntax alone shows it: the name a call to it carries, the simple names its body
    /// mentions, the members it assigns, and whether it is marked as a generation source. What
    /// <see cref="SyntacticRelevance"/> needs to rule out, before any binding, the bodies generated content cannot reach.
    /// </summary>
    internal sealed class DeclaredBody
    {
        public DeclaredBody(SyntaxNode declaration, SyntaxNode? body, string? name, ImmutableArray<string> mentions, ImmutableArray<string> assigned, bool markedAsSource, bool setsChildParameters = false,
                            ImmutableArray<string> returnsElementOf = default)
        {
            SetsChildParameters = setsChildParameters;
            ReturnsElementOf = returnsElementOf.IsDefault ? ImmutableArray<string>.Empty : returnsElementOf;
            Declaration = declaration;
            Body = body;
            Name = name;
            Mentions = mentions;
            Assigned = assigned;
            MarkedAsSource = markedAsSource;
        }

        /// <summary>The member (or accessor) declaration.</summary>
        public SyntaxNode Declaration { get; }

        /// <summary>Its block or expression body.</summary>
        public SyntaxNode? Body { get; }

        /// <summary>The simple name a call to this member carries (see <see cref="DeclaredBodies.CallName"/>); null when nothing calls it by name.</summary>
        public string? Name { get; }

        public ImmutableArray<string> Mentions { get; }

        /// <summary>Simple names of the members its assignments (object-initializer members included) write, and of the receivers of its container mutator calls (<c>_history.Add(x)</c>).</summary>
        public ImmutableArray<string> Assigned { get; }

        /// <summary>Carries [GeneratedContentSource] or [BiometricEditor] (by simple name: syntax cannot tell which copy).</summary>
        public bool MarkedAsSource { get; }

        /// <summary>
        /// A render that hands values to child components (<c>AddComponentParameter(n, nameof(Child.P), x)</c>): the
        /// parameter names are in <see cref="Assigned"/>, and what it reads flows into them (see <see cref="ComponentParameters"/>).
        /// </summary>
        public bool SetsChildParameters { get; }

        /// <summary>
        /// The receiver names of the container an element it returns is taken from: a store's own wrapper method
        /// (<c>GetOrStart(id) =&gt; _sessions.GetOrAdd(id, ...)</c>), through which callers add to that container
        /// (<see cref="StoreAliasNames.WrapperCallKey"/>). Empty for nearly every body.
        /// </summary>
        public ImmutableArray<string> ReturnsElementOf { get; }
    }

    /// <summary>The <see cref="DeclaredBody"/> list of a syntax tree, cached on the tree with an index by node (after an edit only the edited tree is read again).</summary>
    internal static class DeclaredBodies
    {
        /// <summary>The name an indexer's accessors are called by (Roslyn's name for indexer properties).</summary>
        public const string IndexerName = "this[]";

        /// <summary>The name a constructor is called by from another constructor's <c>: base(...)</c> or <c>: this(...)</c>.</summary>
        public const string ConstructorName = ".ctor";

        // Calls the operation tree holds that the syntax does not name: collection initializers call Add, query clauses
        // call Select/Where/..., interpolated-string handlers call AppendLiteral/AppendFormatted.
        private static readonly ImmutableHashSet<string> MessageBusSendNames = Catalogue.KnownApis.MessageBusSends.Select(s => s.Member).ToImmutableHashSet(StringComparer.Ordinal);
        private static readonly ImmutableHashSet<string> MessageBusMessageNames = Catalogue.KnownApis.MessageBusMessages.Select(s => s.Member).ToImmutableHashSet(StringComparer.Ordinal);
        private static readonly ImmutableArray<string> CollectionInitializerCalls = ImmutableArray.Create("Add");
        private static readonly ImmutableArray<string> QueryCalls = ImmutableArray.Create(
            "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "Join", "GroupJoin", "Cast");
        private static readonly ImmutableArray<string> InterpolationCalls = ImmutableArray.Create("AppendLiteral", "AppendFormatted");
        private static readonly ImmutableArray<string> IndexerCalls = ImmutableArray.Create(IndexerName);
        private static readonly ImmutableArray<string> ConstructorCalls = ImmutableArray.Create(ConstructorName);

        private static readonly ConditionalWeakTable<SyntaxTree, TreeBodies> Cache = new ConditionalWeakTable<SyntaxTree, TreeBodies>();

        public static ImmutableArray<DeclaredBody> For(SyntaxTree tree, CancellationToken cancellationToken) => Bodies(tree, cancellationToken).All;

        /// <summary>The names of a tree's members marked as generation sources ([GeneratedContentSource]); usually none.</summary>
        public static ImmutableArray<string> MarkedSourceNames(SyntaxTree tree, CancellationToken cancellationToken) => Bodies(tree, cancellationToken).MarkedSourceNames;

        private static TreeBodies Bodies(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Cache.TryGetValue(tree, out var cached))
            {
                return cached;
            }

            var built = new TreeBodies(Build(tree, cancellationToken));
            return Cache.GetValue(tree, _ => built);
        }

        /// <summary>A tree's declared bodies, and the same found by their declaration or body node.</summary>
        private sealed class TreeBodies
        {
            public TreeBodies(ImmutableArray<DeclaredBody> all)
            {
                All = all;
                ByNode = new Dictionary<SyntaxNode, DeclaredBody>(all.Length * 2);
                var marked = ImmutableArray.CreateBuilder<string>();
                foreach (var declared in all)
                {
                    if (declared.MarkedAsSource && declared.Name != null)
                    {
                        marked.Add(declared.Name);
                    }

                    ByNode[declared.Declaration] = declared;
                    if (declared.Body != null)
                    {
                        ByNode[declared.Body] = declared;
                    }
                }

                MarkedSourceNames = marked.ToImmutable();
            }

            public ImmutableArray<DeclaredBody> All { get; }

            public ImmutableArray<string> MarkedSourceNames { get; }

            public Dictionary<SyntaxNode, DeclaredBody> ByNode { get; }
        }

        /// <summary>
        /// The simple name calls to <paramref name="method"/> carry in syntax: an accessor is called by its property's
        /// name, an explicit implementation by the interface member's name, a constructor as <see cref="ConstructorName"/>.
        /// </summary>
        public static string CallName(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.Constructor)
            {
                return ConstructorName;
            }

            var name = method.AssociatedSymbol?.Name ?? method.Name;
            return SimpleMemberName(name);
        }

        /// <summary>"N.IFoo.Bar" (an explicit implementation's metadata name) is called "Bar".</summary>
        public static string SimpleMemberName(string name)
        {
            var dot = name.LastIndexOf('.');
            return dot > 0 && dot < name.Length - 1 ? name.Substring(dot + 1) : name;
        }

        /// <summary>
        /// The declared body whose declaration or body is <paramref name="node"/> (an operation block's syntax), from the
        /// tree's cached index (a compilation unit stands for its top-level statements); null for code that is no member
        /// body (a field initializer).
        /// </summary>
        public static DeclaredBody? Of(SyntaxNode node, CancellationToken cancellationToken) =>
            Bodies(node.SyntaxTree, cancellationToken).ByNode.TryGetValue(node, out var declared) ? declared : null;

        /// <summary>Whether <paramref name="node"/> mentions any of <paramref name="names"/> (a simple name, or a call the syntax implies).</summary>
        public static bool MentionsAny(SyntaxNode node, HashSet<string> names)
        {
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is SimpleNameSyntax simple)
                {
                    if (names.Contains(simple.Identifier.ValueText))
                    {
                        return true;
                    }
                }
                else
                {
                    foreach (var call in ImpliedCalls(descendant))
                    {
                        if (names.Contains(call))
                        {
                            return true;
                        }
                    }

                    if (StoreRead(descendant) is { } store && names.Contains(store))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The store a node may read back, by name, as the walker of declared bodies files it: a keyed cache, the file
        /// system or a SQL query (<c>cache.GetStringAsync(key)</c>, <c>File.OpenRead(path)</c>), or the message bus
        /// (<c>context.Message</c>). A lambda's body (a minimal API handler) is not a declared body and is asked this way.
        /// </summary>
        private static string? StoreRead(SyntaxNode node)
        {
            switch (node)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var call } }:
                    var name = call.Identifier.ValueText;
                    return Catalogue.KnownApis.SqlReads.Contains(name) ? Catalogue.KnownApis.SqlStoreName
                        : Catalogue.KnownApis.KeyedCacheReads.Contains(name) || Catalogue.KnownApis.FileStoreReads.Contains(name) || Catalogue.KnownApis.FileServes.Contains(name) ? Catalogue.KnownApis.KeyedCacheName
                        : null;
                case MemberAccessExpressionSyntax { Name: var read } when MessageBusMessageNames.Contains(read.Identifier.ValueText):
                    return Catalogue.KnownApis.MessageBusName;
                default:
                    return null;
            }
        }

        /// <summary>The members a node calls without naming them (an indexer, a chained constructor, Add, query methods, handler appends).</summary>
        private static ImmutableArray<string> ImpliedCalls(SyntaxNode node) => node switch
        {
            ElementAccessExpressionSyntax _ => IndexerCalls,
            ImplicitElementAccessSyntax _ => IndexerCalls,
            ElementBindingExpressionSyntax _ => IndexerCalls,
            ConstructorInitializerSyntax _ => ConstructorCalls,
            InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } => CollectionInitializerCalls,
            QueryExpressionSyntax _ => QueryCalls,
            InterpolatedStringExpressionSyntax _ => InterpolationCalls,
            _ => ImmutableArray<string>.Empty,
        };

        private static ImmutableArray<DeclaredBody> Build(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var bodies = ImmutableArray.CreateBuilder<DeclaredBody>();
            var sets = new NameSets();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => !(n is BlockSyntax || n is ArrowExpressionClauseSyntax)))
            {
                switch (node)
                {
                    case MethodDeclarationSyntax method:
                        bodies.Add(Declared(sets, method, method.Identifier.ValueText, method.AttributeLists, (SyntaxNode?)method.Body ?? method.ExpressionBody));
                        break;
                    case ConstructorDeclarationSyntax constructor:
                        bodies.Add(Declared(sets, constructor, ConstructorName, constructor.AttributeLists, (SyntaxNode?)constructor.Body ?? constructor.ExpressionBody, constructor.Initializer));
                        break;
                    case PropertyDeclarationSyntax property:
                        bodies.Add(Declared(sets, property, property.Identifier.ValueText, property.AttributeLists, property.ExpressionBody));
                        break;
                    case IndexerDeclarationSyntax indexer:
                        bodies.Add(Declared(sets, indexer, IndexerName, indexer.AttributeLists, indexer.ExpressionBody));
                        break;
                    case AccessorDeclarationSyntax accessor when AccessedName(accessor) is { } accessed:
                        bodies.Add(Declared(sets, accessor, accessed, accessor.AttributeLists, (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody));
                        break;
                }
            }

            // Top-level statements are one body (the program's entry point); the types declared beside them are not part of it.
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit && unit.Members.Any(m => m is GlobalStatementSyntax))
            {
                bodies.Add(Declared(sets, unit, null, default, unit, unit.Members.Where(m => m is GlobalStatementSyntax)));
            }

            return bodies.ToImmutable();
        }

        /// <summary>The two sets a tree's declarations are collected in, reused from one declaration to the next.</summary>
        private sealed class NameSets
        {
            public readonly HashSet<string> Mentions = new HashSet<string>(StringComparer.Ordinal);
            public readonly HashSet<string> Assigned = new HashSet<string>(StringComparer.Ordinal);
            public readonly StoreAliasNames Aliases = new StoreAliasNames();
        }

        private static string? AccessedName(AccessorDeclarationSyntax accessor) => accessor.Parent?.Parent switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            IndexerDeclarationSyntax _ => IndexerName,
            _ => null,
        };

        private static DeclaredBody Declared(NameSets sets, SyntaxNode declaration, string name, SyntaxList<AttributeListSyntax> attributes, SyntaxNode? body, SyntaxNode? initializer = null) =>
            Declared(sets, declaration, name, attributes, body, new[] { body, initializer });

        private static DeclaredBody Declared(NameSets sets, SyntaxNode declaration, string? name, SyntaxList<AttributeListSyntax> attributes, SyntaxNode? body, IEnumerable<SyntaxNode?> parts)
        {
            var mentions = sets.Mentions;
            var assigned = sets.Assigned;
            mentions.Clear();
            assigned.Clear();
            var setsChildParameters = false;
            var aliases = sets.Aliases;
            aliases.Reset();
            List<string>? returnsElementOf = null;
            foreach (var part in parts)
            {
                if (part == null)
                {
                    continue;
                }

                foreach (var node in part.DescendantNodesAndSelf())
                {
                    aliases.Observe(node);
                    if (aliases.ReturnedElementOf(node, declaration) is { } returnedFrom)
                    {
                        (returnsElementOf ??= new List<string>()).AddRange(returnedFrom);
                    }

                    if (node is InvocationExpressionSyntax selectorWrite && SyntaxIndex.CalledName(selectorWrite) is { } selectorCall &&
                        Catalogue.KnownApis.MemberSelectorWrites.Contains(selectorCall))
                    {
                        // Update.Set(d => d.Body, body): stores into the member the selector names.
                        assigned.UnionWith(selectorWrite.ArgumentList.Arguments.Select(a => SelectedName(a.Expression)).Where(n => n != null)!);
                    }

                    switch (node)
                    {
                        case SimpleNameSyntax simple:
                            mentions.Add(simple.Identifier.ValueText);
                            break;
                        case AssignmentExpressionSyntax assignment when SyntaxIndex.SimpleName(assignment.Left) is { } target:
                            assigned.Add(target);
                            break;
                        case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } when SyntaxIndex.SimpleName(element.Expression) is { } container:
                            // _drafts[draft.Id] = draft: stores into the dictionary a member holds, like _history.Add(x).
                            assigned.Add(container);
                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var cacheReceiver, Name: var cacheCall } }
                            when Catalogue.KnownApis.KeyedCacheWrites.Contains(cacheCall.Identifier.ValueText) || Catalogue.KnownApis.KeyedCacheReads.Contains(cacheCall.Identifier.ValueText) ||
                                 Catalogue.KnownApis.FileStoreWriteNames.Contains(cacheCall.Identifier.ValueText) || Catalogue.KnownApis.FileStoreReads.Contains(cacheCall.Identifier.ValueText) ||
                                 Catalogue.KnownApis.FileServes.Contains(cacheCall.Identifier.ValueText):
                            // cache.SetString(key, answer) stores into every keyed cache; cache.GetString(key) may read it back
                            // (File.WriteAllBytesAsync(path, image) and File.OpenRead(path) likewise: the file system is one).
                            mentions.Add(Catalogue.KnownApis.KeyedCacheName);
                            if (Catalogue.KnownApis.SqlReads.Contains(cacheCall.Identifier.ValueText))
                            {
                                // db.QueryAsync<Row>(...) reads the columns any stored member of the same name holds.
                                mentions.Add(Catalogue.KnownApis.SqlStoreName);
                            }

                            if (Catalogue.KnownApis.KeyedCacheWrites.Contains(cacheCall.Identifier.ValueText) || Catalogue.KnownApis.FileStoreWriteNames.Contains(cacheCall.Identifier.ValueText))
                            {
                                assigned.Add(Catalogue.KnownApis.KeyedCacheName);
                                assigned.UnionWith(SyntaxIndex.ReceiverNames(cacheReceiver));
                            }

                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var sent } }
                            when MessageBusSendNames.Contains(sent.Identifier.ValueText):
                            // bus.Publish(message): stores into the message bus, which consumers read (context.Message).
                            mentions.Add(Catalogue.KnownApis.MessageBusName);
                            assigned.Add(Catalogue.KnownApis.MessageBusName);
                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver, Name: var called } }
                            when Catalogue.KnownApis.MutatorMethods.Contains(called.Identifier.ValueText):
                            // _history.Add(x), _feed.Writer.WriteAsync(x): stores into the container a member holds, also
                            // through a local taken from it (history.AddAssistantMessage(x) on Conversations.GetOrAdd(...)).
                            assigned.UnionWith(SyntaxIndex.ReceiverNames(receiver));
                            assigned.UnionWith(aliases.NamesFor(receiver));
                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var setter }, ArgumentList.Arguments: { Count: 3 } arguments }
                            when Catalogue.KnownApis.ComponentParameterMethods.Contains(setter.Identifier.ValueText) && ChildParameterName(arguments[1].Expression) is { } parameter:
                            // __builder.AddComponentParameter(2, nameof(MessageList.Messages), messages): writes the child's parameter.
                            assigned.Add(parameter);
                            setsChildParameters = true;
                            break;
                        default:
                            if (node is MemberAccessExpressionSyntax { Name: var read } && MessageBusMessageNames.Contains(read.Identifier.ValueText))
                            {
                                // context.Message: may read what some method handed the message bus.
                                mentions.Add(Catalogue.KnownApis.MessageBusName);
                            }

                            foreach (var call in ImpliedCalls(node))
                            {
                                mentions.Add(call);
                            }

                            break;
                    }
                }
            }

            return new DeclaredBody(declaration, body, name, mentions.Count == 0 ? ImmutableArray<string>.Empty : mentions.ToImmutableArray(), assigned.Count == 0 ? ImmutableArray<string>.Empty : assigned.ToImmutableArray(), IsMarkedAsSource(attributes), setsChildParameters,
                returnsElementOf == null ? ImmutableArray<string>.Empty : returnsElementOf.Distinct(StringComparer.Ordinal).ToImmutableArray());
        }

        /// <summary>The parameter a render-tree call names: <c>nameof(Child.P)</c> (.NET 8 and later) or <c>"P"</c>.</summary>
        private static string? ChildParameterName(ExpressionSyntax name) => name switch
        {
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } inner } =>
                SyntaxIndex.SimpleName(inner[0].Expression),
            LiteralExpressionSyntax literal when literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            _ => null,
        };

        private static bool IsMarkedAsSource(SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = SyntaxIndex.SimpleName(attribute.Name);
                    if (name != null && (name.StartsWith("GeneratedContentSource", StringComparison.Ordinal) || name.StartsWith("BiometricEditor", StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    
        /// <summary>The member name a selector lambda reads from its parameter (<c>d =&gt; d.Body</c>), by syntax; else null.</summary>
        internal static string? SelectedName(ExpressionSyntax expression)
        {
            var (parameter, body) = expression switch
            {
                SimpleLambdaExpressionSyntax simple => (simple.Parameter.Identifier.ValueText, simple.ExpressionBody),
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => (parenthesized.ParameterList.Parameters[0].Identifier.ValueText, parenthesized.ExpressionBody),
                _ => (null, null),
            };
            return body is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } access && receiver.Identifier.ValueText == parameter
                ? access.Name.Identifier.ValueText
                : null;
        }
}
}
