using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Content kept across methods: members of services and statics (shared state), members of entities and DTOs
    /// (storable: saved and read back), and containers a member holds (a list, queue or channel that one method adds to
    /// and another reads). A read sees the join of what every writer stores (one abstract object per type and member).
    /// </summary>
    internal sealed partial class FlowEngine
    {
        /// <summary>How many levels of callers of a method that stores its parameter are searched for the content they pass.</summary>
        public const int MaxStoreCallerLevels = 3;

        /// <summary>A method called from more places than this is not searched for callers (a name shared by too many calls).</summary>
        public const int MaxStoreCallers = 16;

        /// <summary>Generated content that other methods store in a field or property (this one, or the same member of any service instance).</summary>
        /// <remarks><paramref name="exact"/> is false when some writer's summary was cut by the depth bound: a summary that read it must not stand for deeper ones.</remarks>
        public ContentValue ReadStoredMember(ISymbol member, int depth, CancellationToken cancellationToken, out bool exact)
        {
            exact = true;
            var definition = member.OriginalDefinition;
            if (depth < 0 || (definition is INamedTypeSymbol ? !IsKeyedCache(definition) : !IsHere(definition) || (definition is not IFieldSymbol && definition is not IPropertySymbol)))
            {
                return ContentValue.Empty;
            }

            var read = _storedMembers.GetOrAdd((definition, depth), key =>
            {
                var value = ContentValue.Empty;
                var complete = true;
                foreach (var writer in WritersOf(key.Member, cancellationToken))
                {
                    var summary = GetSummary(writer, key.Depth, cancellationToken);
                    complete &= summary?.IsExact ?? true;
                    if (summary != null && summary.FieldWrites.TryGetValue(key.Member, out var written))
                    {
                        // Writes of parameters are the callers' (found as writers too, with their arguments in place).
                        value = value.Join(written.OfKinds(OriginKind.Generation));
                    }
                }

                return (value, complete);
            });
            exact = read.Exact;
            return read.Value;
        }

        /// <summary>
        /// Whether state stored in this member is shared across methods (a field of a service, a static) rather than carried
        /// by a value (a property of a DTO or record): only shared state is followed from one method into another.
        /// </summary>
        public bool IsSharedState(ISymbol member) =>
            _sharedState.GetOrAdd(member.OriginalDefinition, m =>
                m.IsStatic ||
                (m.ContainingType is { IsRecord: false, TypeKind: TypeKind.Class } type &&
                 type.GetMembers().Any(other => other is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsImplicitlyDeclared: false })));

        /// <summary>
        /// Whether a member of an entity or DTO declared here can hold content that outlives the object the engine saw
        /// (saved to a database, a cache, a repository, and read back elsewhere): a settable instance property or field.
        /// Content written into such a member anywhere is what any object of the type read back from a store may hold
        /// there (one abstract object per type and member: the bound that keeps the heap finite).
        /// </summary>
        public bool IsStorable(ISymbol member) =>
            _storable.GetOrAdd(member.OriginalDefinition, m =>
                !m.IsStatic && IsHere(m) && m.ContainingType is { TypeKind: TypeKind.Class or TypeKind.Struct } &&
                (m is IPropertySymbol { SetMethod: not null, IsIndexer: false } || m is IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false }));

        private readonly ConcurrentDictionary<ISymbol, bool> _storable = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>
        /// The methods that may store content into a member: those that assign it or add to the container it holds, and,
        /// for those that store a parameter, the methods that call them (<see cref="MaxStoreCallerLevels"/> levels up, at
        /// most <see cref="MaxStoreCallers"/> calls each), whose summaries show the write with their arguments in place.
        /// </summary>
        private ImmutableArray<IMethodSymbol> WritersOf(ISymbol member, CancellationToken cancellationToken) =>
            _writers.GetOrAdd(member, m => m is INamedTypeSymbol cache ? WithCallersOf(KeyedCacheWriters(cache, cancellationToken), cancellationToken) : WithCallersOf(
                FindWriters(m, cancellationToken).AddRange(FindMutators(m, cancellationToken)).AddRange(ComponentParameterWriters(m, cancellationToken))
                    .AddRange(SelectorWriters(m, cancellationToken)), cancellationToken));

        /// <summary>
        /// The methods that write into a member through a selector lambda (<c>Update.Set(d =&gt; d.Body, body)</c>, see
        /// <see cref="KnownApis.MemberSelectorWrites"/>): the calls by name, filtered by syntax, bound only when the lambda
        /// names the member.
        /// </summary>
        private ImmutableArray<IMethodSymbol> SelectorWriters(ISymbol member, CancellationToken cancellationToken)
        {
            if (!IsStorable(member) || !SelectorWriteCalls(cancellationToken).TryGetValue(member.Name, out var calls))
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var writers = ImmutableArray<IMethodSymbol>.Empty;
            foreach (var call in calls)
            {
                var model = Models.GetModel(call.SyntaxTree);
                if (model != null && call.ArgumentList.Arguments.Any(a => SelectedMember(a.Expression, model, member.Name, cancellationToken) is { } selected &&
                                                                           SymbolEqualityComparer.Default.Equals(selected.OriginalDefinition, member.OriginalDefinition)) &&
                    EnclosingMethod(model, call.SpanStart, cancellationToken) is { } method && !writers.Contains(method, SymbolEqualityComparer.Default))
                {
                    writers = writers.Add(method);
                }
            }

            return writers;
        }

        /// <summary>The selector-write calls of the compilation filed by the member name their lambda selects, by syntax, once.</summary>
        private Dictionary<string, List<InvocationExpressionSyntax>> SelectorWriteCalls(CancellationToken cancellationToken)
        {
            if (_selectorWriteCalls is { } built)
            {
                return built;
            }

            var byName = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
            foreach (var name in KnownApis.MemberSelectorWrites)
            {
                foreach (var call in Syntax.CallsNamed(name, cancellationToken))
                {
                    foreach (var selected in call.ArgumentList.Arguments.Select(a => DeclaredBodies.SelectedName(a.Expression)).Where(n => n != null).Distinct())
                    {
                        if (!byName.TryGetValue(selected!, out var list))
                        {
                            byName[selected!] = list = new List<InvocationExpressionSyntax>();
                        }

                        list.Add(call);
                    }
                }
            }

            // Built once; a race builds it twice, which is harmless (both are equal). Not cached when cancelled (the loop throws).
            return _selectorWriteCalls = byName;
        }

        private Dictionary<string, List<InvocationExpressionSyntax>>? _selectorWriteCalls;

        /// <summary>
        /// The member a selector lambda names (<c>d =&gt; d.Body</c>: its parameter's member), when its name is
        /// <paramref name="name"/> (any name when null); null for any other expression.
        /// </summary>
        internal static ISymbol? SelectedMember(ExpressionSyntax expression, SemanticModel model, string? name, CancellationToken cancellationToken)
        {
            if (!(DeclaredBodies.SelectedName(expression) is { } selected) || (name != null && selected != name) ||
                !(expression is LambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax access }))
            {
                return null;
            }

            return model.GetSymbolInfo(access, cancellationToken).Symbol is { } symbol && (symbol is IPropertySymbol || symbol is IFieldSymbol) ? symbol : null;
        }

        /// <summary>
        /// The cache a call reads back from (<c>cache.GetStringAsync(key)</c>, <c>TryGetValue</c>, <c>GetOrCreate</c>, a file
        /// read by a computed path), or null. One store per cache type, keys told apart only by their constant prefix
        /// (see <see cref="KnownApis.KeyedCacheTypes"/> and <c>FlowEngine.CacheKeys.cs</c>).
        /// </summary>
        public INamedTypeSymbol? KeyedCacheRead(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            (KnownApis.KeyedCacheReads.Contains(invocation.TargetMethod.Name) ? KeyedCacheOf(invocation) : null) ??
            (PublicFiles.ReadsStoredFile(invocation, cancellationToken) || PublicFiles.ServesStoredFile(invocation, cancellationToken) ? FileStore : null);

        /// <summary>
        /// The file system as a keyed store (<see cref="KnownApis.FileStoreType"/>): what is written to a computed path
        /// outside the web root is what any read by a computed path returns (paths are not told apart).
        /// </summary>
        public INamedTypeSymbol? FileStore => _fileStore ??= _compilation.GetTypeByMetadataName(KnownApis.FileStoreType);

        private INamedTypeSymbol? _fileStore;

        /// <summary>The cache a call stores into (<c>cache.SetStringAsync(key, answer)</c>, <c>Set</c>, <c>GetOrCreate</c>), or null.</summary>
        public INamedTypeSymbol? KeyedCacheWrite(IInvocationOperation invocation) =>
            KnownApis.KeyedCacheWrites.Contains(invocation.TargetMethod.Name) ? KeyedCacheOf(invocation)
            : Catalogue.IsMessageBusSend(invocation.TargetMethod) ? Catalogue.MessageBusStore : null;

        /// <summary>Whether a keyed store is the message bus (its writes are messages, its reads a message of one type).</summary>
        public bool IsMessageBus(ISymbol store) => SymbolEqualityComparer.Default.Equals(store, Catalogue.MessageBusStore);

        private INamedTypeSymbol? KeyedCacheOf(IInvocationOperation invocation)
        {
            var receiver = RouteConventions.ReceiverOf(invocation);
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            return Catalogue.KeyedCacheOf(receiver?.Type);
        }

        private bool IsKeyedCache(ISymbol symbol) =>
            symbol is INamedTypeSymbol type && (KnownApis.KeyedCacheTypes.Contains(type.FullName()) || IsMessageBus(type) || type.FullName() == KnownApis.FileStoreType || Catalogue.IsObjectStore(type));

        /// <summary>The methods that store into a keyed cache of this type: the write calls, found by name and bound once per type.</summary>
        private ImmutableArray<IMethodSymbol> KeyedCacheWriters(INamedTypeSymbol cache, CancellationToken cancellationToken)
        {
            var writers = new List<IMethodSymbol>();
            var isFileStore = cache.FullName() == KnownApis.FileStoreType;
            var names = IsMessageBus(cache) ? KnownApis.MessageBusSends.Select(s => s.Member).Distinct()
                : isFileStore ? KnownApis.FileWrites.SelectMany(r => r.Methods).Distinct()
                : KnownApis.KeyedCacheWrites;
            foreach (var name in names)
            {
                foreach (var call in Syntax.CallsNamed(name, cancellationToken))
                {
                    var model = Models.GetModel(call.SyntaxTree);
                    if (model?.GetOperation(call, cancellationToken) is IInvocationOperation invocation &&
                        (isFileStore ? !PublicFiles.StoredContentOf(invocation, cancellationToken).IsDefault : SymbolEqualityComparer.Default.Equals(KeyedCacheWrite(invocation), cache)) &&
                        EnclosingMethod(model, call.SpanStart, cancellationToken) is { } method && !writers.Contains(method, SymbolEqualityComparer.Default))
                    {
                        writers.Add(method);
                    }
                }
            }

            return writers.ToImmutableArray();
        }

        /// <summary>A child component's [Parameter] is written by the renders of the components that pass it content.</summary>
        private ImmutableArray<IMethodSymbol> ComponentParameterWriters(ISymbol member, CancellationToken cancellationToken) =>
            member is IPropertySymbol && member.GetAttributes().Any(a => a.AttributeClass?.FullName() == KnownApis.ComponentParameterAttribute)
                ? ComponentParametersOf(cancellationToken).WritersOf(member)
                : ImmutableArray<IMethodSymbol>.Empty;

        private ImmutableArray<IMethodSymbol> FindWriters(ISymbol member, CancellationToken cancellationToken)
        {
            if (member.DeclaredAccessibility != Accessibility.Private)
            {
                // Every assignment to this name is bound once and filed by the member it writes, for all members of the
                // name: many types share member names (Summary, Text, Content), and binding each assignment again for
                // each of them made a wide entity model quadratic.
                return WritersByName(member.Name, cancellationToken).TryGetValue(member, out var found) ? found : ImmutableArray<IMethodSymbol>.Empty;
            }

            // A private member is written only inside its type's declarations: the assignments to its name in those trees,
            // bound once per tree and name for every member of the name (many components in one file share "prompt").
            var writers = ImmutableArray<IMethodSymbol>.Empty;
            foreach (var tree in member.ContainingType?.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct() ?? Enumerable.Empty<SyntaxTree>())
            {
                if (WritersByName(member.Name, tree, cancellationToken).TryGetValue(member, out var found))
                {
                    writers = writers.AddRange(found.Where(w => !writers.Contains(w, SymbolEqualityComparer.Default)));
                }
            }

            return writers;
        }

        private Dictionary<ISymbol, ImmutableArray<IMethodSymbol>> WritersByName(string name, CancellationToken cancellationToken) =>
            // Not a Lazy: a cancelled computation must not be cached (a race computes it twice, which is harmless).
            _writersByName.GetOrAdd(name, n => FileByMember(Syntax.AssignmentsTo(n, cancellationToken), cancellationToken));

        private Dictionary<ISymbol, ImmutableArray<IMethodSymbol>> WritersByName(string name, SyntaxTree tree, CancellationToken cancellationToken) =>
            _writersByNameInTree.GetOrAdd((tree, name), key => FileByMember(SyntaxIndex.For(key.Tree, cancellationToken).AssignmentsTo(key.Name), cancellationToken));

        private readonly ConcurrentDictionary<(SyntaxTree Tree, string Name), Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>> _writersByNameInTree =
            new ConcurrentDictionary<(SyntaxTree, string), Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>>();

        private Dictionary<ISymbol, ImmutableArray<IMethodSymbol>> FileByMember(IEnumerable<AssignmentExpressionSyntax> assignments, CancellationToken cancellationToken)
        {
            var byMember = new Dictionary<ISymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var assignment in assignments)
            {
                if (WriterOf(assignment, cancellationToken) is not { } write)
                {
                    continue;
                }

                if (!byMember.TryGetValue(write.Member, out var writers))
                {
                    byMember[write.Member] = writers = new List<IMethodSymbol>();
                }

                if (!writers.Contains(write.Method, SymbolEqualityComparer.Default))
                {
                    writers.Add(write.Method);
                }
            }

            var frozen = new Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>(byMember.Count, SymbolEqualityComparer.Default);
            foreach (var pair in byMember)
            {
                frozen[pair.Key] = pair.Value.ToImmutableArray();
            }

            return frozen;
        }

        private readonly ConcurrentDictionary<string, Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>> _writersByName =
            new ConcurrentDictionary<string, Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>>(StringComparer.Ordinal);

        /// <summary>The member an assignment writes (its definition) and the method it is in (lambdas and local functions count as their method).</summary>
        private (ISymbol Member, IMethodSymbol Method)? WriterOf(AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
        {
            var model = Models.GetModel(assignment.SyntaxTree);
            var written = assignment.Left is ElementAccessExpressionSyntax element
                // "_drafts[key] = draft": the container member the receiver chain holds, not the indexer.
                ? StoreMemberOf(model?.GetOperation(element.Expression, cancellationToken))
                : model?.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
            return written != null && EnclosingMethod(model!, assignment.SpanStart, cancellationToken) is { } method ? (written.OriginalDefinition, method) : null;
        }

        /// <summary>
        /// A member that holds a container content is added to (<c>List&lt;string&gt; _history</c>, a
        /// <c>Channel&lt;string&gt;</c>, a queue), declared here: what is added through it anywhere is what it holds.
        /// </summary>
        public bool IsContainerStore(ISymbol member) =>
            _containerStores.GetOrAdd(member.OriginalDefinition, m =>
                IsHere(m) && m.ContainingType is { TypeKind: TypeKind.Class or TypeKind.Struct } &&
                (m is IPropertySymbol { IsIndexer: false } property ? Catalogue.IsContainer(property.Type) :
                 m is IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field && Catalogue.IsContainer(field.Type)));

        private readonly ConcurrentDictionary<ISymbol, bool> _containerStores = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>
        /// The member a mutator call's receiver stores into: the innermost member declared here along the receiver chain
        /// that holds a container (<c>_feed</c> in <c>_feed.Writer</c>, <c>Items</c> in <c>_store.Items</c>); null for a
        /// local or parameter container, whose content the method's own state and summary carry.
        /// </summary>
        public ISymbol? StoreMemberOf(IOperation? receiver)
        {
            for (var operation = receiver; operation != null;)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } reference:
                        if (IsContainerStore(reference.Member))
                        {
                            return reference.Member.OriginalDefinition;
                        }

                        operation = reference.Instance;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// What objects of the entity types a value of <paramref name="type"/> holds (the type itself, or its type
        /// arguments and element types, three levels: <c>Task&lt;List&lt;Message&gt;&gt;</c>) may hold when read back from a
        /// store: for each storable member that some method stores generated content into, that content, marked as held in
        /// that member (<see cref="Origin.StoredIn"/>). Cached per entity type and depth.
        /// </summary>
        public ContentValue ReadBackOf(ITypeSymbol type, int depth, CancellationToken cancellationToken, out bool exact)
        {
            exact = true;
            var value = ContentValue.Empty;
            foreach (var entity in StoredEntitiesIn(type, cancellationToken))
            {
                var read = _readBacks.GetOrAdd((entity, depth), key =>
                {
                    var held = ContentValue.Empty;
                    var complete = true;
                    foreach (var member in StorableMembers(key.Entity))
                    {
                        if (MayBeStoredWithGeneratedContent(member, cancellationToken))
                        {
                            var stored = ReadStoredMember(member, key.Depth, cancellationToken, out var memberExact);
                            complete &= memberExact;
                            held = held.Combine(stored.Map(p => ContentValue.Of(new Piece(p.Origin.StoredIn(member.Name), p.Facts))));
                        }
                    }

                    return (held, complete);
                });
                exact &= read.Exact;
                value = value.Combine(read.Value);
            }

            return value;
        }

        /// <summary>
        /// The entity types in a value of <paramref name="type"/> with some storable member that, by syntax, may hold
        /// generated content: empty for nearly every call's result type, and asked for every call the interpreter cannot
        /// summarise, so the answer is kept per type.
        /// </summary>
        public ImmutableArray<INamedTypeSymbol> StoredEntitiesIn(ITypeSymbol type, CancellationToken cancellationToken) =>
            _storedEntities.GetOrAdd(type, t => EntityTypesIn(t, 0).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
                .Where(entity => StorableMembers(entity).Any(m => MayBeStoredWithGeneratedContent(m, cancellationToken))).ToImmutableArray());

        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>> _storedEntities =
            new ConcurrentDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<(INamedTypeSymbol Entity, int Depth), (ContentValue Value, bool Exact)> _readBacks =
            new ConcurrentDictionary<(INamedTypeSymbol, int), (ContentValue, bool)>();

        private IEnumerable<INamedTypeSymbol> EntityTypesIn(ITypeSymbol type, int depth)
        {
            switch (type)
            {
                case IArrayTypeSymbol array when depth < 3:
                    foreach (var entity in EntityTypesIn(array.ElementType, depth + 1))
                    {
                        yield return entity;
                    }

                    break;
                case INamedTypeSymbol named:
                    if (named.TypeKind is TypeKind.Class or TypeKind.Struct && IsHere(named.OriginalDefinition))
                    {
                        yield return (INamedTypeSymbol)named.OriginalDefinition;
                    }

                    if (depth < 3)
                    {
                        foreach (var argument in named.TypeArguments)
                        {
                            foreach (var entity in EntityTypesIn(argument, depth + 1))
                            {
                                yield return entity;
                            }
                        }
                    }

                    break;
            }
        }

        private IEnumerable<ISymbol> StorableMembers(INamedTypeSymbol entity)
        {
            for (var type = entity; type != null && IsHere(type); type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if ((member is IPropertySymbol || member is IFieldSymbol) && IsStorable(member))
                    {
                        yield return member;
                    }
                }
            }
        }

        /// <summary>Methods whose mutator calls add to the container this member holds.</summary>
        private ImmutableArray<IMethodSymbol> FindMutators(ISymbol member, CancellationToken cancellationToken)
        {
            if (!IsContainerStore(member))
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var found = MutatorsByName(member.Name, cancellationToken).TryGetValue(member, out var direct) ? direct : ImmutableArray<IMethodSymbol>.Empty;

            // Adds through a local a wrapper of the store returned ("var history = sessions.GetOrStart(id, ...)"), filed by
            // the syntax index under the wrapper call's key.
            foreach (var wrapper in WrappersOf(member, cancellationToken))
            {
                if (MutatorsByName(StoreAliasNames.WrapperCallKey(wrapper), cancellationToken).TryGetValue(member, out var through))
                {
                    found = found.AddRange(through.Where(m => !found.Contains(m, SymbolEqualityComparer.Default)));
                }
            }

            return found;
        }

        /// <summary>The names of the methods of the member's type whose returns take an element of it (by the syntax pass).</summary>
        private IEnumerable<string> WrappersOf(ISymbol member, CancellationToken cancellationToken)
        {
            foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var body in DeclaredBodies.For(reference.SyntaxTree, cancellationToken))
                {
                    if (body.Name != null && body.ReturnsElementOf.Contains(member.Name) && reference.Span.Contains(body.Declaration.Span))
                    {
                        yield return body.Name;
                    }
                }
            }
        }

        /// <summary>
        /// The mutator calls on receivers of this name (<c>messages.Add(x)</c>), each bound once and filed by the container
        /// member it stores into, for all members of the name: many types share a container's name (messages, history),
        /// and binding every call again for each of them was quadratic.
        /// </summary>
        private Dictionary<ISymbol, ImmutableArray<IMethodSymbol>> MutatorsByName(string name, CancellationToken cancellationToken) =>
            _mutatorsByName.GetOrAdd(name, n =>
            {
                var byMember = new Dictionary<ISymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
                foreach (var call in Syntax.MutatorCallsOn(n, cancellationToken))
                {
                    var model = Models.GetModel(call.SyntaxTree);
                    if (model?.GetOperation(call, cancellationToken) is not IInvocationOperation invocation ||
                        (StoreMemberOf(RouteConventions.ReceiverOf(invocation)) ?? StoreAliasOf(RouteConventions.ReceiverOf(invocation), cancellationToken)) is not { } store ||
                        EnclosingMethod(model, call.SpanStart, cancellationToken) is not { } method)
                    {
                        continue;
                    }

                    if (!byMember.TryGetValue(store, out var methods))
                    {
                        byMember[store] = methods = new List<IMethodSymbol>();
                    }

                    if (!methods.Contains(method, SymbolEqualityComparer.Default))
                    {
                        methods.Add(method);
                    }
                }

                return byMember.ToDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray(), SymbolEqualityComparer.Default);
            });

        private readonly ConcurrentDictionary<string, Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>> _mutatorsByName =
            new ConcurrentDictionary<string, Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>>(StringComparer.Ordinal);

        /// <summary>Adds, level by level, the callers of writers that may store what they are given (they take content-holding parameters).</summary>
        private ImmutableArray<IMethodSymbol> WithCallersOf(ImmutableArray<IMethodSymbol> writers, CancellationToken cancellationToken)
        {
            var all = new HashSet<IMethodSymbol>(writers, SymbolEqualityComparer.Default);
            var level = writers;
            for (var depth = 0; depth < MaxStoreCallerLevels && !level.IsEmpty; depth++)
            {
                var next = ImmutableArray.CreateBuilder<IMethodSymbol>();
                foreach (var writer in level)
                {
                    if (writer.MethodKind == MethodKind.Constructor || !writer.Parameters.Any(p => TypeFilter.CanHoldContent(p.Type)))
                    {
                        continue;
                    }

                    var calls = Syntax.CallsNamed(writer.Name, cancellationToken);
                    if (calls.Length > MaxStoreCallers)
                    {
                        continue;
                    }

                    foreach (var call in calls)
                    {
                        var model = Models.GetModel(call.SyntaxTree);
                        if (model?.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol target &&
                            (SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, writer) || RunsImplementation(target, writer, cancellationToken)) &&
                            EnclosingMethod(model, call.SpanStart, cancellationToken) is { } caller && all.Add(caller))
                        {
                            next.Add(caller);
                        }
                    }
                }

                level = next.ToImmutable();
            }

            return all.Count == writers.Length ? writers : all.ToImmutableArray();
        }

        /// <summary>
        /// Whether a call of <paramref name="target"/> through an interface or a virtual method runs <paramref name="writer"/>
        /// ("store.SaveDraft(draft)" through <c>IStore</c>): the implementations the call's summary joins.
        /// </summary>
        private bool RunsImplementation(IMethodSymbol target, IMethodSymbol writer, CancellationToken cancellationToken) =>
            (target.ContainingType?.TypeKind == TypeKind.Interface || target.IsAbstract || target.IsVirtual || target.IsOverride) &&
            Implementations.Find(target, cancellationToken).Contains(writer, SymbolEqualityComparer.Default);

        /// <summary>The method code at a position belongs to (lambdas and local functions count as their method; top-level statements as the entry point).</summary>
        internal static IMethodSymbol? EnclosingMethod(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            var container = model.GetEnclosingSymbol(position, cancellationToken);
            while (container is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                container = container.ContainingSymbol;
            }

            return (container as IMethodSymbol)?.OriginalDefinition;
        }
    }
}
