using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// The engine for one compilation: resolves the catalogue once, computes method summaries on demand and
    /// caches them (per call-depth budget, so results never depend on analysis order), and runs top-level
    /// analyses of method bodies. Thread-safe.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly ImmutableArray<string> _configuredPolicies;
        private readonly ConcurrentDictionary<SyntaxTree, FlowOptions> _treeOptions = new ConcurrentDictionary<SyntaxTree, FlowOptions>();
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), SummaryBox> _summaries = new ConcurrentDictionary<(IMethodSymbol, int), SummaryBox>();
        private readonly ConcurrentDictionary<IMethodSymbol, SummaryBox> _exactSummaries = new ConcurrentDictionary<IMethodSymbol, SummaryBox>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(ISymbol Member, int Depth), (ContentValue Value, bool Exact)> _storedMembers = new ConcurrentDictionary<(ISymbol, int), (ContentValue, bool)>();
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IMethodSymbol>> _writers = new ConcurrentDictionary<ISymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new ConcurrentDictionary<IMethodSymbol, MethodFacts>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _sharedState = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _storedRelevance = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        private readonly IExternalSummaryProvider? _external;

        public FlowEngine(Compilation compilation, ApiCatalogue catalogue, AnalyzerOptions options, DeepSynthConfiguration configuration, IExternalSummaryProvider? external = null)
        {
            _compilation = compilation;
            _external = external;
            _options = options;
            _configuredPolicies = configuration.Catalogue.IdentityPolicies;
            Roles = new Rules.RoleDuties(configuration);
            ChecksPublishedInput = Rules.DutyTable.FlowDuties.Any(d => d.Point == Rules.DutyPoint.Publish && d.CheckedOrigins == OriginKind.UserInput && Roles.AppliesTo(d.RuleId));
            Catalogue = catalogue;
            Models = new SemanticModelCache(compilation);
            Syntax = new ProjectSyntax(compilation);
            Implementations = new ImplementationIndex(Syntax, Models);
            var statements = new StatementOperations(Models);
            var gates = new IdentityGates(statements, catalogue);
            Conventions = new RouteConventions(statements, catalogue, gates, OptionsFor);
            Endpoints = new EndpointIndex(Syntax, statements, catalogue, Conventions, gates);
            EntryPoints = new EntryPoints(catalogue, Endpoints, Conventions, OptionsFor, ComponentParametersOf);
            HttpModels = new ModelHttpCalls(Models, catalogue);
            PublicFiles = new PublicFileWrites(Models);
            ModelFunctions = new ModelFunctions(Syntax, Models, catalogue);
        }

        /// <summary>
        /// Some duty that applies to the project's roles checks user input reaching people (a platform's uploads): then every
        /// entry point is analysed, not only those that generated content can reach.
        /// </summary>
        public bool ChecksPublishedInput { get; }

        /// <summary>Which flow rules apply to the project's roles: every host reports only those (DSYN012 is a platform's).</summary>
        public Rules.RoleDuties Roles { get; }

        /// <summary>An engine for a compilation as the analyzer would build it (for hosts that analyse several projects).</summary>
        public static FlowEngine Create(Compilation compilation, AnalyzerOptions options, IExternalSummaryProvider? external, CancellationToken cancellationToken)
        {
            var configuration = DeepSynthConfiguration.Load(options.AdditionalFiles, cancellationToken);
            var catalogue = ApiCatalogue.Create(compilation, configuration, out _);
            return new FlowEngine(compilation, catalogue, options, configuration, external);
        }

        public ApiCatalogue Catalogue { get; }

        /// <summary>The facts the duties need, by scope (the engine handles each by its scope alone).</summary>
        public FactCatalog Facts => Rules.DutyTable.Facts;

        public SemanticModelCache Models { get; }

        public ProjectSyntax Syntax { get; }

        public ImplementationIndex Implementations { get; }

        public RouteConventions Conventions { get; }

        public EndpointIndex Endpoints { get; }

        public EntryPoints EntryPoints { get; }

        /// <summary>Model calls made over plain HTTP (their URL names a model route).</summary>
        public ModelHttpCalls HttpModels { get; }

        /// <summary>Files written under the web root, which static files serve: such a write publishes its content.</summary>
        public PublicFileWrites PublicFiles { get; }

        /// <summary>The functions the model calls (tool calling), whose arguments it writes.</summary>
        public ModelFunctions ModelFunctions { get; }

        /// <summary>The view-state keys the project's compiled views read (scanned once, when a controller first writes one).</summary>
        public ViewStateReads ViewStateReadsOf(CancellationToken cancellationToken) =>
            Once(ref _viewStateReads, () => ViewStateReads.For(_compilation, cancellationToken));

        private ViewStateReads? _viewStateReads;

        /// <summary>The component members bound to inputs (scanned once, when a member is first read).</summary>
        public BoundInputs BoundInputsOf(CancellationToken cancellationToken) =>
            Once(ref _boundInputs, () => BoundInputs.For(_compilation, Models, cancellationToken));

        private BoundInputs? _boundInputs;

        /// <summary>The child-component parameters the project's components hand content to (scanned once, on first use).</summary>
        public ComponentParameters ComponentParametersOf(CancellationToken cancellationToken) =>
            Once(ref _componentParameters, () => ComponentParameters.For(_compilation, Models, cancellationToken));

        private ComponentParameters? _componentParameters;

        /// <summary>A per-compilation scan made on first use; a race computes it twice and keeps the first (both are equal).</summary>
        private static T Once<T>(ref T? field, Func<T> create)
            where T : class
        {
            var value = Volatile.Read(ref field);
            return value ?? Interlocked.CompareExchange(ref field, create(), null) ?? field!;
        }

        public FlowOptions OptionsFor(SyntaxTree? tree)
        {
            if (tree == null)
            {
                return FlowOptions.Read(_options.AnalyzerConfigOptionsProvider.GlobalOptions, _configuredPolicies);
            }

            return _treeOptions.GetOrAdd(tree, t => FlowOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(t), _configuredPolicies));
        }

        /// <summary>Parameters of an entry point: user input gets a user-input origin, services and tokens carry nothing.</summary>
        public void SeedEntryParameters(FlowState state, IMethodSymbol method, EntryContext entry)
        {
            foreach (var parameter in method.Parameters)
            {
                var key = SlotKey.For(parameter);
                if (EntryPoints.RoleOf(parameter, entry.Kind) == ParameterRole.UserInput)
                {
                    var location = parameter.Locations.FirstOrDefault() ?? Location.None;
                    state.Set(key, ContentValue.Of(Origin.UserInput(location, parameter.Name)));
                }
                else
                {
                    state.Set(key, ContentValue.Empty);
                }
            }
        }

        /// <summary>
        /// The handlers in source a mediator call runs (<c>mediator.Send(request)</c>: the <c>Handle</c> of the request's
        /// handler); empty for any other call, or when the request's type is not known.
        /// </summary>
        public ImmutableArray<IMethodSymbol> HandlersOf(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var handlers = Catalogue.DispatchedHandlers(invocation.TargetMethod, out var handlerMethod);
            if (handlers.IsEmpty)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var request = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
            while (request is IConversionOperation { IsImplicit: true } conversion)
            {
                request = conversion.Operand;
            }

            return request?.Type is { } type
                ? Implementations.FindHandlers(handlers, handlerMethod, type, cancellationToken)
                : ImmutableArray<IMethodSymbol>.Empty;
        }

        /// <summary>True when the method has a body in this compilation, or is a member whose implementations here can be summarised.</summary>
        public bool HasBodyOrImplementations(IMethodSymbol method)
        {
            var definition = method.OriginalDefinition;
            if (definition.MethodKind == MethodKind.LocalFunction || definition.MethodKind == MethodKind.AnonymousFunction)
            {
                return false;
            }

            if (BodySyntax(definition) != null)
            {
                return true;
            }

            if (_external != null && !IsHere(definition))
            {
                return _external.Covers(definition);
            }

            return (definition.IsAbstract || definition.IsVirtual || definition.ContainingType?.TypeKind == TypeKind.Interface) &&
                   definition.ContainingType is { } type && IsHere(type);
        }

        /// <summary>
        /// The summary of a call: the callee's own, or the join over its implementations in this compilation for interface
        /// and virtual calls. <paramref name="exact"/> is false when the depth bound cut something off.
        /// </summary>
        public MethodSummary? GetCallSummary(IMethodSymbol target, int depth, CancellationToken cancellationToken, out bool exact)
        {
            exact = true;
            if (depth < 0)
            {
                exact = false;
                return null;
            }

            var definition = target.OriginalDefinition;
            var candidates = new List<IMethodSymbol>();
            if (BodySyntax(definition) != null && !definition.IsAbstract)
            {
                candidates.Add(definition);
            }

            if (definition.ContainingType?.TypeKind == TypeKind.Interface || definition.IsAbstract || (definition.IsVirtual && !definition.IsSealed) || definition.IsOverride)
            {
                foreach (var implementation in Implementations.Find(definition, cancellationToken))
                {
                    if (!candidates.Contains(implementation.OriginalDefinition, SymbolEqualityComparer.Default))
                    {
                        candidates.Add(implementation.OriginalDefinition);
                    }
                }
            }

            if (candidates.Count == 0 && _external != null && !IsHere(definition))
            {
                // A method of another project in the solution: its own project's engine summarises it.
                return _external.GetSummary(definition, depth, cancellationToken, out exact);
            }

            var summaries = new List<MethodSummary>();
            foreach (var candidate in candidates)
            {
                var summary = GetSummary(candidate, depth, cancellationToken);
                if (summary == null)
                {
                    continue;
                }

                exact &= summary.IsExact;
                summaries.Add(summary);
            }

            return MethodSummary.JoinAll(summaries);
        }

        private MethodSummary? GetSummary(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            if (_exactSummaries.TryGetValue(method, out var exactBox))
            {
                return exactBox.Summary;
            }

            var box = _summaries.GetOrAdd((method, depth), key => new SummaryBox(ComputeSummary(key.Method, key.Depth, cancellationToken)));
            if (box.Summary?.IsExact == true)
            {
                _exactSummaries.TryAdd(method, box);
            }

            return box.Summary;
        }

        private MethodSummary? ComputeSummary(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            var body = BodySyntax(method);
            var graph = body == null ? null : Models.GetGraph(body, cancellationToken);
            if (graph == null)
            {
                return null;
            }

            var entry = EntryPoints.ForMethod(method, cancellationToken);
            var initial = FlowState.Initial(FactSet.None);
            foreach (var parameter in method.Parameters)
            {
                if (TypeFilter.CanHoldContent(parameter.Type))
                {
                    initial.Set(SlotKey.For(parameter), ContentValue.Of(Origin.Parameter(parameter, parameter.Locations.FirstOrDefault() ?? Location.None)));
                }
            }

            var collector = new SummaryCollector();
            var run = new MethodRun(this, graph, method, new RunSettings(entry, false, depth, 0, null, collector, cancellationToken), initial);
            run.Run();

            var exit = run.ExitState;
            var effects = ImmutableArray.CreateBuilder<FactSet>(method.Parameters.Length);
            var contents = ImmutableArray.CreateBuilder<ContentValue>(method.Parameters.Length);
            foreach (var parameter in method.Parameters)
            {
                effects.Add(exit == null ? FactSet.None : FactsOn(exit, parameter));
                contents.Add(exit == null ? ContentValue.Empty : ContentAddedTo(exit, parameter));
            }

            return new MethodSummary(
                run.ReturnValue,
                (exit?.PathFacts ?? FactSet.None) & Facts.CallerPathFacts,
                effects.MoveToImmutable(),
                collector.Publishes.ToImmutableArray(),
                collector.Generations.ToImmutableArray(),
                WithLaterFacts(collector.FieldWrites, exit),
                !collector.Truncated,
                contents.MoveToImmutable(),
                exit != null && !method.IsStatic ? InstanceWrites(method, exit) : null)
            {
                ReturnsNormally = exit != null,
                GuardedCalls = collector.GuardedCalls.ToImmutableArray(),
            };
        }

        /// <summary>
        /// What the method stored, with the origin facts established for it by its exit that cover copies stored before
        /// (<see cref="FactCatalog.EarlierStoreFacts"/>: the audit record written once the saved entity has its id).
        /// </summary>
        private ImmutableDictionary<ISymbol, ContentValue> WithLaterFacts(Dictionary<ISymbol, ContentValue> writes, FlowState? exit)
        {
            var later = Facts.EarlierStoreFacts;
            if (exit == null || later.IsEmpty)
            {
                return writes.ToImmutableDictionary(SymbolEqualityComparer.Default);
            }

            return writes.ToImmutableDictionary(
                write => write.Key,
                write => write.Value.Map(p => ContentValue.Of(p.With(exit.OriginFactsOf(p.Origin) & later)), ~ValueMarkers.None),
                SymbolEqualityComparer.Default);
        }

        /// <summary>The instance members of the method's type as it leaves them on exit, with the origin facts that hold.</summary>
        private static ImmutableDictionary<ISymbol, ContentValue> InstanceWrites(IMethodSymbol constructor, FlowState exit)
        {
            var members = ImmutableDictionary.CreateBuilder<ISymbol, ContentValue>(SymbolEqualityComparer.Default);
            foreach (var slot in exit.Slots)
            {
                if (!slot.Key.IsMemberPath && slot.Key.Root is ISymbol { IsStatic: false } member && (member is IFieldSymbol || member is IPropertySymbol) &&
                    SymbolEqualityComparer.Default.Equals(member.ContainingType, constructor.ContainingType))
                {
                    members[member] = slot.Value.Map(p => ContentValue.Of(p.With(exit.OriginFactsOf(p.Origin))), ~ValueMarkers.None);
                }
            }

            return members.ToImmutable();
        }

        /// <summary>What holds for a parameter's content on exit: origin facts established for it, value facts applied to it in place.</summary>
        private FactSet FactsOn(FlowState exit, IParameterSymbol parameter)
        {
            var origin = Origin.Parameter(parameter, parameter.Locations.FirstOrDefault() ?? Location.None);
            var facts = FactSet.None;
            foreach (var index in Facts.OriginFacts.Indexes())
            {
                // A step on a part the method read ("review(note.Body)") counts for the parameter, as it did before parts
                // were told apart: callers do not see which part was reviewed.
                if (Facts[index] is { } fact && (exit.Covers(fact, origin) || exit.CoversPartOf(fact, origin)))
                {
                    facts |= fact.Set;
                }
            }

            foreach (var piece in exit.Get(SlotKey.For(parameter)).Pieces)
            {
                if (piece.Origin.Equals(origin))
                {
                    facts |= piece.Facts & Facts.ValueFacts;
                }
            }

            return facts;
        }

        /// <summary>
        /// Generated content added to the object a parameter refers to: the parameter still holds its own piece (it was not
        /// reassigned) plus generated pieces (it received writes, adds, appends).
        /// </summary>
        private static ContentValue ContentAddedTo(FlowState exit, IParameterSymbol parameter)
        {
            var origin = Origin.Parameter(parameter, parameter.Locations.FirstOrDefault() ?? Location.None);
            var value = exit.Get(SlotKey.For(parameter));
            if (!value.Pieces.Any(p => p.Origin.Equals(origin)))
            {
                return ContentValue.Empty;
            }

            var added = ContentValue.Empty;
            foreach (var piece in value.Pieces)
            {
                if (piece.Origin.Kind == OriginKind.Generation)
                {
                    added = added.Combine(ContentValue.Of(piece));
                }
            }

            return added;
        }

        /// <summary>A property in source whose getter computes a value (no setter): read through its getter's summary.</summary>
        public bool IsComputedProperty(IPropertySymbol property)
        {
            if (property.SetMethod != null || property.GetMethod == null || property.IsAbstract)
            {
                return false;
            }

            return BodySyntax(property.GetMethod.OriginalDefinition) != null;
        }

        /// <summary>A property whose getter computes its value from other state (a body, not an auto-property's backing field).</summary>
        public bool IsComputedMember(ISymbol member) =>
            member is IPropertySymbol { GetMethod: { } getter } && BodySyntax(getter.OriginalDefinition) != null;

        /// <summary>A record's positional constructor: every parameter is a property of the record of the same name.</summary>
        public bool IsPositionalRecordConstructor(IMethodSymbol constructor) =>
            constructor.ContainingType.BaseType?.SpecialType == SpecialType.System_Object &&
            constructor.Parameters.All(p => constructor.ContainingType.GetMembers(p.Name).Any(m => m is IPropertySymbol));

        /// <summary>A type whose implicit constructor writes nothing but its own initializers (it derives from object).</summary>
        public bool HasOnlyDefaultBase(INamedTypeSymbol type) => type.BaseType?.SpecialType == SpecialType.System_Object;

        /// <summary>
        /// A constructor whose body is all that writes the new object's members: declared here, of a class deriving from
        /// object, not chained to another constructor (whose writes its summary would not show).
        /// </summary>
        public bool IsSelfContainedConstructor(IMethodSymbol constructor) =>
            HasOnlyDefaultBase(constructor.ContainingType) &&
            BodySyntax(constructor.OriginalDefinition) is ConstructorDeclarationSyntax declaration &&
            (declaration.Initializer == null || (declaration.Initializer.ThisOrBaseKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.BaseKeyword) && declaration.Initializer.ArgumentList.Arguments.Count == 0));

        /// <summary>A member that is an SDK message's whole text (<see cref="KnownApis.WholeTextMembers"/>).</summary>
        public bool IsWholeText(ISymbol member) => KnownApis.WholeTextMembers.Any(row => row.Names(member));

        public bool IsGenerationMetadata(ISymbol member)
        {
            if (!KnownApis.GenerationMetadataMembers.Contains(member.Name))
            {
                return false;
            }

            var ns = member.ContainingType?.ContainingNamespace?.FullName() ?? string.Empty;
            return KnownApis.AiSdkNamespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));
        }

        /// <summary>Whether a member of a store's entry holds the key the app chose (<see cref="KnownApis.StoreKeyMembers"/>).</summary>
        public bool IsStoreKey(ISymbol member) =>
            member.ContainingType is { } type && KnownApis.StoreKeyMembers.TryGetValue(type.FullName(), out var keys) && keys.Contains(member.Name);

        /// <summary>The declaration whose body the engine runs for a method, or null when it has none here.</summary>
        internal SyntaxNode? BodySyntax(IMethodSymbol method)
        {
            var body = DeclaredBody(method);
            return body != null && _compilation.ContainsSyntaxTree(body.SyntaxTree) ? body : null;
        }

        /// <summary>
        /// Whether a symbol is declared in this compilation's source. A symbol of another project that a workspace hands
        /// over as source (a compilation reference) is not: its syntax cannot be bound here, so it is external.
        /// </summary>
        public bool IsHere(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource && location.SourceTree != null && _compilation.ContainsSyntaxTree(location.SourceTree))
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxNode? DeclaredBody(IMethodSymbol method)
        {
            if (method.PartialImplementationPart != null)
            {
                method = method.PartialImplementationPart;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                switch (syntax)
                {
                    case BaseMethodDeclarationSyntax declaration when declaration.Body != null || declaration.ExpressionBody != null:
                        return declaration;
                    case AccessorDeclarationSyntax accessor when accessor.Body != null || accessor.ExpressionBody != null:
                        return accessor;
                    case ArrowExpressionClauseSyntax arrow:
                        return arrow;
                    case CompilationUnitSyntax unit when method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName:
                        // Top-level statements: the synthesized entry point's body (its summary shows what the program stores).
                        return unit;
                }
            }

            return null;
        }

        /// <summary>One summary slot; a null summary (no body) is cached too.</summary>
        private sealed class SummaryBox
        {
            public SummaryBox(MethodSummary? summary) => Summary = summary;

            public MethodSummary? Summary { get; }
        }
    }
}
