using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>The cheap facts about a body that decide whether it is worth running the engine on it.</summary>
    internal sealed class MethodFacts
    {
        public static readonly MethodFacts None = new MethodFacts(false, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ISymbol>.Empty);

        public MethodFacts(bool generates, ImmutableArray<IMethodSymbol> callees, ImmutableArray<ISymbol> readMembers)
        {
            Generates = generates;
            Callees = callees;
            ReadMembers = readMembers;
        }

        /// <summary>The body calls or reads a generation source (a model call, a [GeneratedContentSource] member).</summary>
        public bool Generates { get; }

        /// <summary>Methods in this compilation it calls (with implementations of interface calls).</summary>
        public ImmutableArray<IMethodSymbol> Callees { get; }

        /// <summary>Fields and properties declared in this compilation that it reads and that could hold content.</summary>
        public ImmutableArray<ISymbol> ReadMembers { get; }
    }

    internal sealed partial class FlowEngine
    {
        /// <summary>Whether a method of this compilation can produce generated content within the budget (for other projects' engines).</summary>
        public bool ReachesGeneration(IMethodSymbol method, int depth, CancellationToken cancellationToken) =>
            ReachesGeneration(FactsOf(method.OriginalDefinition, cancellationToken), depth, followMembers: true, cancellationToken);

        /// <summary>The summary of a method of this compilation, for another project's engine (see <see cref="IExternalSummaryProvider"/>).</summary>
        public MethodSummary? SummaryFor(IMethodSymbol method, int depth, CancellationToken cancellationToken, out bool exact) =>
            GetCallSummary(method, depth, cancellationToken, out exact);

        /// <summary>
        /// Runs the engine over one body the analyzer driver hands us (a method, accessor, constructor or top-level
        /// statements) when it is an entry point or can reach the catalogue, and returns what it found.
        /// </summary>
        public void AnalyzeBody(IMethodSymbol method, IOperation body, ControlFlowGraph graph, IFlowEventSink sink, CancellationToken cancellationToken) =>
            AnalyzeBody(method, body, () => graph, sink, cancellationToken);

        /// <summary>As above, building the control-flow graph only for a body that turns out to be relevant (most are not).</summary>
        public void AnalyzeBody(IMethodSymbol method, IOperation body, Func<ControlFlowGraph> graph, IFlowEventSink sink, CancellationToken cancellationToken)
        {
            Models.Offer(body.SemanticModel);

            // Relevance first: it is local to the body's neighbourhood, while entry-point facts may read registrations project-wide.
            // A function the model calls receives generated content in its arguments: it is always relevant, and so is a
            // body that makes a lambda into one (the lambda runs where it is created).
            var modelInvoked = ModelFunctions.IsModelInvoked(method, cancellationToken);
            var relevant = modelInvoked || ModelFunctions.CreatesLambdaFunctionsIn(body.Syntax, cancellationToken) || IsRelevant(body, cancellationToken);
            if (!relevant && !ChecksPublishedInput)
            {
                return;
            }

            var entry = EntryPoints.ForMethod(method, cancellationToken);
            if (!relevant && !entry.IsEntry)
            {
                return;
            }

            var options = OptionsFor(body.Syntax.SyntaxTree);
            var initial = FlowState.Initial(entry.EstablishedFacts);
            if (entry.IsEntry)
            {
                SeedEntryParameters(initial, method, entry);
            }
            else
            {
                foreach (var parameter in method.Parameters)
                {
                    if (TypeFilter.CanHoldContent(parameter.Type))
                    {
                        var location = parameter.Locations.FirstOrDefault() ?? Location.None;
                        initial.Set(SlotKey.For(parameter), modelInvoked && ModelWrittenArgument(parameter) is { } written
                            ? written
                            : ContentValue.Of(Origin.Parameter(parameter, location)));
                    }
                }
            }

            var settings = new RunSettings(entry, entry.IsEntry, options.MaxCallDepth, 0, sink, new SummaryCollector(), cancellationToken);
            new MethodRun(this, graph(), method, settings, initial).Run();
        }

        /// <summary>
        /// What a parameter of a function the model calls holds: the model writes its data arguments (text, DTOs); services,
        /// the kernel and the cancellation token are not data. Null for those.
        /// </summary>
        internal ContentValue? ModelWrittenArgument(IParameterSymbol parameter)
        {
            if (!TypeFilter.CanHoldContent(parameter.Type) || EntryPoints.RoleOf(parameter, EntryKind.MinimalApiHandler) != ParameterRole.UserInput)
            {
                return null;
            }

            var location = parameter.Locations.FirstOrDefault() ?? Location.None;
            var function = parameter.ContainingSymbol is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } method ? ApiCatalogue.Describe(method) : "lambda";
            return ContentValue.Of(Origin.Generation(location, "model-called function " + function + "(" + parameter.Name + ")", MediaKind.Text));
        }

        /// <summary>
        /// A body is worth analysing only when generated content can reach it: it generates, calls (within the depth bound)
        /// code that generates, or reads a member that such code stores into. Without generated content no rule can fire.
        /// </summary>
        private bool IsRelevant(IOperation body, CancellationToken cancellationToken)
        {
            if (SyntaxRelevance(cancellationToken) is { } syntax && !syntax.MayReach(body.Syntax, cancellationToken))
            {
                return false;
            }

            var facts = ComputeFacts(body, cancellationToken);
            var depth = OptionsFor(body.Syntax.SyntaxTree).MaxCallDepth;
            return ReachesGeneration(facts, depth, followMembers: true, cancellationToken);
        }

        private bool ReachesGeneration(MethodFacts start, int depth, bool followMembers, CancellationToken cancellationToken)
        {
            var syntax = SyntaxRelevance(cancellationToken);
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var level = new List<MethodFacts> { start };
            for (var distance = 0; distance <= depth && level.Count > 0; distance++)
            {
                var next = new List<MethodFacts>();
                foreach (var facts in level)
                {
                    if (facts.Generates)
                    {
                        return true;
                    }

                    if (followMembers && facts.ReadMembers.Any(m => IsStoredWithGeneratedContent(m, cancellationToken)))
                    {
                        return true;
                    }

                    foreach (var callee in facts.Callees)
                    {
                        // A callee no relevant name calls cannot reach generation: its body is not bound.
                        if (visited.Add(callee) && (syntax == null || syntax.MayReach(callee)))
                        {
                            next.Add(FactsOf(callee, cancellationToken));
                        }
                    }
                }

                level = next;
            }

            return false;
        }

        /// <summary>The syntax-only answer to <see cref="IsStoredWithGeneratedContent(ISymbol, CancellationToken)"/>: false when no body that may generate content writes a member of this name.</summary>
        public bool MayBeStoredWithGeneratedContent(ISymbol member, CancellationToken cancellationToken) =>
            SyntaxRelevance(cancellationToken) is not { } syntax ||
            (member is INamedTypeSymbol ? syntax.MayBeStoredWithGeneratedContent(IsMessageBus(member) ? KnownApis.MessageBusName : KnownApis.KeyedCacheName) : syntax.MayBeStoredWithGeneratedContent(member));

        /// <summary>Whether some method that writes this member can produce generated content (then reading it may yield some).</summary>
        /// <remarks>
        /// A writer may only pass on what it read from another store: a child component's parameter written by its parents'
        /// renders from their own state (Chat -> MessageList -> MessageItem), a requester caching what the bus answered. For
        /// those, the members the writer reads are asked in turn, each member once per question, so a cycle (a requester is
        /// itself a bus writer) ends; only the first question's answer is kept, since an inner "no" may be a cut cycle.
        /// </remarks>
        private bool IsStoredWithGeneratedContent(ISymbol member, CancellationToken cancellationToken) =>
            _storedRelevance.GetOrAdd(member, m => IsStoredWithGeneratedContent(m, new HashSet<ISymbol>(SymbolEqualityComparer.Default), cancellationToken));

        private bool IsStoredWithGeneratedContent(ISymbol member, HashSet<ISymbol> visited, CancellationToken cancellationToken)
        {
            if (_storedRelevance.TryGetValue(member, out var known))
            {
                return known;
            }

            if (!visited.Add(member) || !MayBeStoredWithGeneratedContent(member, cancellationToken))
            {
                return false;
            }

            var depth = OptionsFor(member.Locations.FirstOrDefault()?.SourceTree).MaxCallDepth;
            var writers = WritersOf(member, cancellationToken);
            var facts = writers.Select(writer => FactsOf(writer, cancellationToken)).ToList();
            if (facts.Any(f => ReachesGeneration(f, depth, followMembers: false, cancellationToken)))
            {
                return true;
            }

            return facts.Any(f => f.ReadMembers.Any(read => IsStoredWithGeneratedContent(read, visited, cancellationToken)));
        }

        /// <summary>
        /// The syntax-only first pass of the relevance test (built on first use, once per compilation). Null when another
        /// project's engine answers for some callees: their bodies are not in this compilation's syntax.
        /// </summary>
        private SyntacticRelevance? SyntaxRelevance(CancellationToken cancellationToken)
        {
            if (_external != null)
            {
                return null;
            }

            if (_syntaxRelevance != null)
            {
                return _syntaxRelevance;
            }

            // One thread builds it while the others wait: on two cores, building it twice costs more than waiting.
            lock (_syntaxRelevanceGate)
            {
                return _syntaxRelevance ??= SyntacticRelevance.Build(_compilation, Catalogue.GenerationCallNames, Catalogue.DispatchCallNames, cancellationToken);
            }
        }

        private readonly object _syntaxRelevanceGate = new object();
        private volatile SyntacticRelevance? _syntaxRelevance;

        private MethodFacts FactsOf(IMethodSymbol method, CancellationToken cancellationToken) =>
            _facts.GetOrAdd(method, m =>
            {
                if (_external != null && !IsHere(m))
                {
                    var depth = OptionsFor(null).MaxCallDepth;
                    return new MethodFacts(_external.ReachesGeneration(m, depth, cancellationToken), ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ISymbol>.Empty);
                }

                var body = BodySyntax(m);
                var model = body == null ? null : Models.GetModel(body.SyntaxTree);
                var operation = model?.GetOperation(body!, cancellationToken);
                return operation == null ? MethodFacts.None : ComputeFacts(operation, cancellationToken);
            });

        private MethodFacts ComputeFacts(IOperation body, CancellationToken cancellationToken)
        {
            var callees = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var members = ImmutableArray.CreateBuilder<ISymbol>();
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        var role = Catalogue.GetRole(invocation.TargetMethod);
                        if (role.Kind == ApiRoleKind.GenerationSource || role.Kind == ApiRoleKind.BiometricEditor || HttpModels.EndpointOf(invocation, cancellationToken) != null)
                        {
                            return new MethodFacts(true, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ISymbol>.Empty);
                        }

                        foreach (var handler in HandlersOf(invocation, cancellationToken))
                        {
                            AddCallee(callees, handler, cancellationToken);
                        }

                        AddCallee(callees, invocation.TargetMethod, cancellationToken);
                        if (KeyedCacheRead(invocation, cancellationToken) is { } cache)
                        {
                            // cache.GetString(key): reads what any method stored in a cache of this type.
                            members.Add(cache);
                            if (Catalogue.IsSqlConnection(cache))
                            {
                                // db.QueryAsync<Row>(...): the columns are whatever members of their names were saved.
                                members.AddRange(SqlColumnMembers(invocation, cancellationToken).Where(m => !members.Contains(m, SymbolEqualityComparer.Default)));
                            }
                        }
                        else if (!IsHere(invocation.TargetMethod.OriginalDefinition) && invocation.Type is { } readType)
                        {
                            // db.Drafts.Where(...).ToListAsync(): the entities a library query returns hold what was stored
                            // in their members (the read-backs the interpreter follows), even when no member is named here.
                            foreach (var entity in StoredEntitiesIn(readType, cancellationToken))
                            {
                                foreach (var member in StorableMembers(entity))
                                {
                                    if (!members.Contains(member, SymbolEqualityComparer.Default))
                                    {
                                        members.Add(member);
                                    }
                                }
                            }
                        }

                        break;
                    case IMethodReferenceOperation reference:
                        // drafts.Select(ToDto): the method group runs here.
                        AddCallee(callees, reference.Method, cancellationToken);
                        break;
                    case IPropertyReferenceOperation property:
                        if (Catalogue.GetRole(property.Property).Kind == ApiRoleKind.GenerationSource)
                        {
                            return new MethodFacts(true, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ISymbol>.Empty);
                        }

                        if (Catalogue.MessageBusMessageType(property.Property) != null && Catalogue.MessageBusStore is { } bus && !members.Contains(bus, SymbolEqualityComparer.Default))
                        {
                            // context.Message: reads what any method handed the bus.
                            members.Add(bus);
                        }

                        if (IsComputedProperty(property.Property) && property.Property.GetMethod is { } getter)
                        {
                            AddCallee(callees, getter, cancellationToken);
                        }
                        else
                        {
                            AddStoredMember(members, property.Property, property.Type);
                        }

                        break;
                    case IFieldReferenceOperation field:
                        AddStoredMember(members, field.Field, field.Type);
                        break;
                }
            }

            return new MethodFacts(false, callees.ToImmutable(), members.ToImmutable());
        }

        private void AddStoredMember(ImmutableArray<ISymbol>.Builder members, ISymbol member, ITypeSymbol? type)
        {
            var definition = member.OriginalDefinition;
            if (type != null && TypeFilter.CanHoldContent(type) && !(member is IFieldSymbol { IsConst: true }) &&
                IsHere(definition) && (IsSharedState(definition) || IsStorable(definition) || IsContainerStore(definition)) && !members.Contains(definition, SymbolEqualityComparer.Default))
            {
                members.Add(definition);
            }
        }

        private void AddCallee(ImmutableArray<IMethodSymbol>.Builder callees, IMethodSymbol target, CancellationToken cancellationToken)
        {
            var definition = target.OriginalDefinition;
            if (_external != null && !IsHere(definition) && Catalogue.GetRole(definition).IsNone && _external.Covers(definition))
            {
                callees.Add(definition);
                return;
            }

            if (definition.MethodKind == MethodKind.LocalFunction || (!IsHere(definition) && !(definition.ContainingType is { } type && IsHere(type))))
            {
                return;
            }

            if (BodySyntax(definition) != null)
            {
                callees.Add(definition);
            }

            if (definition.ContainingType?.TypeKind == TypeKind.Interface || definition.IsAbstract || definition.IsVirtual)
            {
                callees.AddRange(Implementations.Find(definition, cancellationToken));
            }
        }
    }
}
