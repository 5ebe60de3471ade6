using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Runtime.CompilerServices;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>
    /// The catalogue resolved against one compilation: known API types looked up once, member roles computed
    /// on first use and cached. Thread-safe; one instance per compilation.
    /// </summary>
    internal sealed class ApiCatalogue
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<INamedTypeSymbol, List<SourceApi>> _sources = new Dictionary<INamedTypeSymbol, List<SourceApi>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<PublishApi>> _publishers = new Dictionary<INamedTypeSymbol, List<PublishApi>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<SourceApi>> _editors = new Dictionary<INamedTypeSymbol, List<SourceApi>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<StepApi>> _stepApis = new Dictionary<INamedTypeSymbol, List<StepApi>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, HandlerRegistration> _registrations = new Dictionary<INamedTypeSymbol, HandlerRegistration>(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _channelTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _publishingResultTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _inputTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _channelFactoryTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _mediaTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, ApiRole> _userRoles = new Dictionary<ISymbol, ApiRole>(SymbolEqualityComparer.Default);
        private readonly HashSet<IMethodSymbol> _configuredEntryPoints = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private ImmutableArray<ModelEndpoint> _modelEndpoints = KnownApis.ModelEndpoints;
        // Every call of every analysed body asks for its target's role: more lock stripes than the default (one per core) keep
        // the threads adding new symbols from queueing on each other.
        private readonly ConcurrentDictionary<ISymbol, ApiRole> _roles = new ConcurrentDictionary<ISymbol, ApiRole>(concurrencyLevel: 32, capacity: 1024, SymbolEqualityComparer.Default);
        private readonly ImmutableHashSet<string> _sourceMemberNames;
        private readonly ImmutableHashSet<string> _identityAttributes;

        private readonly TypeResolver _types;
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _attributeAssemblies = new ConcurrentDictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);

        private ApiCatalogue(Compilation compilation, DeepSynthConfiguration configuration, List<ConfigurationIssue> issues)
        {
            _compilation = compilation;
            _types = TypeResolver.For(compilation);
            foreach (var api in KnownApis.GenerationSources)
            {
                AddTo(_sources, api.TypeName, api);
            }

            foreach (var api in KnownApis.PublishPoints)
            {
                AddTo(_publishers, api.TypeName, api);
            }

            foreach (var api in KnownApis.BiometricEditors)
            {
                AddTo(_editors, api.TypeName, api);
            }

            foreach (var api in KnownApis.StepApis)
            {
                AddTo(_stepApis, api.TypeName, api);
            }

            foreach (var registration in KnownApis.HandlerRegistrations)
            {
                foreach (var type in _types.ResolveAll(registration.TypeName))
                {
                    _registrations[type] = registration;
                }
            }

            AddTypes(_channelTypes, KnownApis.ChannelTypes);
            AddTypes(_publishingResultTypes, KnownApis.PublishingResultTypes);
            AddTypes(_inputTypes, KnownApis.InputTypes);
            AddTypes(_channelFactoryTypes, KnownApis.ChannelFactoryTypes);
            AddTypes(_mediaTypes, KnownApis.MediaTypes);
            HttpResponseType = _types.Resolve("Microsoft.AspNetCore.Http.HttpResponse");
            HttpContextType = _types.Resolve("Microsoft.AspNetCore.Http.HttpContext");
            HttpRequestType = _types.Resolve("Microsoft.AspNetCore.Http.HttpRequest");
            StreamType = _types.Resolve("System.IO.Stream");
            TextWriterType = _types.Resolve("System.IO.TextWriter");
            StringBuilderType = _types.Resolve("System.Text.StringBuilder");
            EnumerableType = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
            ChannelWriterType = _types.Resolve("System.Threading.Channels.ChannelWriter`1");
            ChannelOfType = _types.Resolve("System.Threading.Channels.Channel`2");
            HubType = _types.Resolve("Microsoft.AspNetCore.SignalR.Hub");
            GenericHubType = _types.Resolve("Microsoft.AspNetCore.SignalR.Hub`1");
            ControllerBaseType = _types.Resolve("Microsoft.AspNetCore.Mvc.ControllerBase");
            PageModelType = _types.Resolve("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            RazorPageBaseType = _types.Resolve("Microsoft.AspNetCore.Mvc.Razor.RazorPageBase");
            CancellationTokenType = _types.Resolve("System.Threading.CancellationToken");

            _sourceMemberNames = KnownApis.GenerationSources.SelectMany(s => s.Members).ToImmutableHashSet();
            _identityAttributes = configuration.Catalogue.IdentityAttributes.Select(a => a.Value).ToImmutableHashSet();
            ResolveUserCatalogue(configuration, issues);
            _modelEndpoints = KnownApis.ModelEndpoints.AddRange(configuration.Catalogue.ModelEndpoints.Select(path => new ModelEndpoint(path, MediaKind.Text)));

            AddTypes(_httpSendTypes, KnownApis.HttpSends.Select(m => m.TypeName));
            AddTypes(_declaredRouteAttributes, KnownApis.DeclaredHttpRouteAttributes);
            AddTypes(_modelFunctionFactoryTypes, KnownApis.ModelFunctionFactories.Select(m => m.TypeName));
            AddTypes(_keyedCacheTypes, KnownApis.KeyedCacheTypes);
            ResolveObjectStores();
            _sqlConnectionType = _keyedCacheTypes.FirstOrDefault(t => t.FullName() == KnownApis.SqlConnectionType);
            ResolveMediatorDispatches();
            ResolveFrameworkEndpoints();
            ResolveMessageBus();
            CollectPublishedContentTypes();
            HasBiometricEditors = _editors.Count > 0 || _userRoles.Values.Any(r => r.Kind == ApiRoleKind.BiometricEditor) ||
                                  compilation.Assembly.TypeNames.Contains(ComplianceAttributes.BiometricEditor) ||
                                  _types.Resolve(ComplianceAttributes.Namespace + "." + ComplianceAttributes.BiometricEditor) != null;
            HasGenerationSources = HasBiometricEditors || _sources.Count > 0 || _userRoles.Values.Any(r => r.Kind == ApiRoleKind.GenerationSource) || MayUseSourceAttribute(compilation) ||
                                   ((_httpSendTypes.Count > 0 || _declaredRouteAttributes.Count > 0) && MayCallModelsOverHttp(compilation));
        }

        /// <summary>
        /// The simple name of every member that can have a generation-source or biometric-editor role here: the catalogue's
        /// rows (on any type: a user type deriving from a catalogue type keeps the member names), deepsynth.json's sources
        /// and editors, the HTTP sends when some text names a model route, and members of referenced assemblies marked
        /// [GeneratedContentSource] or [BiometricEditor] (declarations in this compilation are read from syntax by
        /// <see cref="Flow.SyntacticRelevance"/>). A call by any other name cannot be a generation call.
        /// </summary>
        public ImmutableHashSet<string> GenerationCallNames
        {
            get
            {
                var names = _generationCallNames;
                if (names == null)
                {
                    names = ComputeGenerationCallNames();
                    Interlocked.CompareExchange(ref _generationCallNames, names, null);
                }

                return names;
            }
        }

        private ImmutableHashSet<string>? _generationCallNames;

        private ImmutableHashSet<string> ComputeGenerationCallNames()
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            names.UnionWith(_sourceMemberNames);
            names.UnionWith(KnownApis.BiometricEditors.SelectMany(e => e.Members));
            foreach (var pair in _userRoles)
            {
                if (pair.Value.Kind == ApiRoleKind.GenerationSource || pair.Value.Kind == ApiRoleKind.BiometricEditor)
                {
                    names.Add(Flow.DeclaredBodies.SimpleMemberName(pair.Key.Name));
                }
            }

            if (_httpSendTypes.Count > 0 && MayCallModelsOverHttp(_compilation))
            {
                names.UnionWith(_httpSendNames);
            }

            if (_declaredRouteAttributes.Count > 0)
            {
                var configured = _modelEndpoints.Length > KnownApis.ModelEndpoints.Length;
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    // deepsynth.json's routes are not the same for every compilation: those trees are read again (few projects add any).
                    names.UnionWith(configured ? FindDeclaredModelClientNames(tree, _modelEndpoints) : DeclaredModelClientNames.GetValue(tree, t => FindDeclaredModelClientNames(t, KnownApis.ModelEndpoints)));
                }
            }

            foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
            {
                names.UnionWith(AttributedMemberNames.GetValue(assembly, FindAttributedMemberNames));
            }

            return names.ToImmutable();
        }

        // Per referenced assembly, and so once for every compilation that references it (the IDE makes one per keystroke).
        private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> AttributedMemberNames = new ConditionalWeakTable<IAssemblySymbol, string[]>();

        private static string[] FindAttributedMemberNames(IAssemblySymbol assembly)
        {
            if (!MayDeclareAttributedMembers(assembly))
            {
                return Array.Empty<string>();
            }

            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            AddAttributedMemberNames(assembly.GlobalNamespace, names);
            return names.ToArray();
        }

        /// <summary>
        /// An assembly that references DeepSynth.Compliance, or declares its own copy of the attributes. The SDK itself marks
        /// none of its members (its generating wrappers are catalogue rows; a test keeps it so), so it is not walked.
        /// </summary>
        private static bool MayDeclareAttributedMembers(IAssemblySymbol assembly) =>
            assembly.Name != ComplianceAttributes.SdkAssemblyName && (
            assembly.Modules.Any(m => m.ReferencedAssemblies.Any(a => a.Name == ComplianceAttributes.SdkAssemblyName)) ||
            assembly.GetTypeByMetadataName(ComplianceAttributes.Namespace + "." + ComplianceAttributes.GeneratedContentSource) != null ||
            assembly.GetTypeByMetadataName(ComplianceAttributes.Namespace + "." + ComplianceAttributes.BiometricEditor) != null);

        private static void AddAttributedMemberNames(INamespaceOrTypeSymbol container, ImmutableHashSet<string>.Builder names)
        {
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        AddAttributedMemberNames(nested, names);
                        break;
                    case IMethodSymbol _:
                    case IPropertySymbol _:
                        if (member.GetAttributes().Any(a => ComplianceAttributes.Is(a, ComplianceAttributes.GeneratedContentSource) || ComplianceAttributes.Is(a, ComplianceAttributes.BiometricEditor)))
                        {
                            names.Add(Flow.DeclaredBodies.SimpleMemberName(member.Name));
                        }

                        break;
                }
            }
        }

        /// <summary>False when the compilation cannot generate content at all: the analyzers then do nothing.</summary>
        public bool HasGenerationSources { get; }

        /// <summary>Whether the compilation can call a face or voice editor (catalogue rows, [BiometricEditor], deepsynth.json).</summary>
        public bool HasBiometricEditors { get; }

        public INamedTypeSymbol? HttpResponseType { get; }

        public INamedTypeSymbol? HttpContextType { get; }

        public INamedTypeSymbol? HttpRequestType { get; }

        public INamedTypeSymbol? StreamType { get; }

        public INamedTypeSymbol? TextWriterType { get; }

        public INamedTypeSymbol? StringBuilderType { get; }

        public INamedTypeSymbol? EnumerableType { get; }

        public INamedTypeSymbol? ChannelWriterType { get; }

        public INamedTypeSymbol? HubType { get; }

        public INamedTypeSymbol? GenericHubType { get; }

        public INamedTypeSymbol? ControllerBaseType { get; }

        public INamedTypeSymbol? PageModelType { get; }

        /// <summary>The base of every compiled Razor view and page (what the Razor generator's .cshtml classes derive from).</summary>
        public INamedTypeSymbol? RazorPageBaseType { get; }

        public INamedTypeSymbol? CancellationTokenType { get; }

        public ImmutableHashSet<string> IdentityAttributes => _identityAttributes;

        /// <summary>Rows a referenced package should define and does not (computed when first asked, at compilation end).</summary>
        public ImmutableArray<MissingRow> MissingRows()
        {
            if (_missingRows.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _missingRows, CatalogueCoverage.Find(_types));
            }

            return _missingRows;
        }

        private ImmutableArray<MissingRow> _missingRows;

        /// <summary>
        /// The catalogue of a compilation for a configuration. Both analyzers (and the CLI's engines) ask for it at the start
        /// of the same compilation; resolving it means scanning the type names of every referenced assembly, so it is built
        /// once and shared while the configuration text is the same.
        /// </summary>
        public static ApiCatalogue Create(Compilation compilation, DeepSynthConfiguration configuration, out ImmutableArray<ConfigurationIssue> issues)
        {
            var slot = PerCompilation.GetValue(compilation, _ => new SharedSlot());
            lock (slot)
            {
                if (slot.Catalogue != null && SameText(slot.ConfigurationText, configuration.Text))
                {
                    issues = slot.Issues;
                    return slot.Catalogue;
                }

                var found = new List<ConfigurationIssue>();
                var catalogue = new ApiCatalogue(compilation, configuration, found);
                issues = found.ToImmutableArray();
                slot.ConfigurationText = configuration.Text;
                slot.Issues = issues;
                slot.Catalogue = catalogue;
                return catalogue;
            }
        }

        private static readonly ConditionalWeakTable<Compilation, SharedSlot> PerCompilation = new ConditionalWeakTable<Compilation, SharedSlot>();

        private static bool SameText(SourceText? a, SourceText? b) =>
            ReferenceEquals(a, b) || (a != null && b != null && a.ContentEquals(b));

        /// <summary>The catalogue last built for a compilation, with the configuration text it was built from.</summary>
        private sealed class SharedSlot
        {
            public SourceText? ConfigurationText;
            public ImmutableArray<ConfigurationIssue> Issues;
            public ApiCatalogue? Catalogue;
        }

        /// <summary>The role of a method or property; <see cref="ApiRole.None"/> when it is not in the catalogue.</summary>
        public ApiRole GetRole(ISymbol member) => _roles.TryGetValue(member, out var role) ? role : _roles.GetOrAdd(member, ComputeRole);

        public bool IsChannelType(ITypeSymbol? type)
        {
            if (type == null || _channelTypes.Count == 0)
            {
                return false;
            }

            if (type.OriginalDefinition is INamedTypeSymbol named && _channelTypes.Contains(named))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (_channelTypes.Contains(i.OriginalDefinition))
                {
                    return true;
                }
            }

            for (var t = type.BaseType; t != null; t = t.BaseType)
            {
                if (_channelTypes.Contains(t.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A type of an imaging library whose values hold media (<see cref="KnownApis.MediaTypes"/>, or derived from one).</summary>
        public bool IsMediaType(INamedTypeSymbol type)
        {
            if (_mediaTypes.Count == 0)
            {
                return false;
            }

            for (var t = type; t != null; t = t.BaseType)
            {
                if (_mediaTypes.Contains(t.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsPublishingResultType(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
            {
                if (_publishingResultTypes.Contains(t.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsInputType(ITypeSymbol type)
        {
            if (type.OriginalDefinition is INamedTypeSymbol named && _inputTypes.Contains(named))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (_inputTypes.Contains(i.OriginalDefinition))
                {
                    return true;
                }
            }

            for (var t = type.BaseType; t != null; t = t.BaseType)
            {
                if (_inputTypes.Contains(t.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Objects that accumulate what is added to them: collections, string builders, writers, streams.</summary>
        public bool IsAccumulator(ITypeSymbol? type)
        {
            if (type == null || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (StringBuilderType != null && SymbolEqualityComparer.Default.Equals(type, StringBuilderType))
            {
                return true;
            }

            if (ChannelWriterType != null && InheritsFrom(type, ChannelWriterType))
            {
                return true;
            }

            if ((StreamType != null && InheritsFrom(type, StreamType)) || (TextWriterType != null && InheritsFrom(type, TextWriterType)))
            {
                return true;
            }

            // sb.AppendLine($"{x}") binds to a handler overload; the CFG lowers it to handler.AppendFormatted(x) calls and
            // hands the handler to AppendLine, so the handler accumulates what the builder receives.
            if (type.IsValueType && type.GetAttributes().Any(a => a.AttributeClass?.FullName() == InterpolatedStringHandlerAttribute))
            {
                return true;
            }

            return EnumerableType != null && type.AllInterfaces.Contains(EnumerableType, SymbolEqualityComparer.Default);
        }

        /// <summary>
        /// A type whose values hold content added to them over time and read elsewhere: an accumulator (collections,
        /// builders, writers) or a channel (<c>Channel&lt;T&gt;</c>, whose Writer and Reader share its queue).
        /// </summary>
        public bool IsContainer(ITypeSymbol? type) =>
            type != null && (IsAccumulator(type) || (ChannelOfType != null && InheritsFrom(type, ChannelOfType)));

        /// <summary><c>Channel&lt;TWrite, TRead&gt;</c>, the base of every channel.</summary>
        private INamedTypeSymbol? ChannelOfType { get; }

        private const string InterpolatedStringHandlerAttribute = "System.Runtime.CompilerServices.InterpolatedStringHandlerAttribute";

        public static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether values of the type are what a known publisher sends (a mail message, a bot activity): a library factory
        /// that builds one from text (SendGrid's CreateSingleEmail, MessageFactory.Text) returns that text inside it.
        /// </summary>
        public bool IsPublishedContentType(INamedTypeSymbol type)
        {
            if (_publishedContentTypes.Count == 0)
            {
                return false;
            }

            for (var t = type; t != null; t = t.BaseType)
            {
                if (_publishedContentTypes.Contains(t.OriginalDefinition))
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(i => _publishedContentTypes.Contains(i.OriginalDefinition));
        }

        /// <summary>The types of the content parameters of every publisher row the compilation resolves (once per compilation).</summary>
        private void CollectPublishedContentTypes()
        {
            foreach (var publisher in _publishers)
            {
                foreach (var api in publisher.Value)
                {
                    foreach (var member in api.Members.SelectMany(name => publisher.Key.MembersWithExtensionBlocks(name)).OfType<IMethodSymbol>())
                    {
                        foreach (var parameter in member.Parameters)
                        {
                            if (api.ContentParameters.Contains(parameter.Name) && parameter.Type is INamedTypeSymbol { SpecialType: SpecialType.None } named)
                            {
                                _publishedContentTypes.Add(named.OriginalDefinition);
                            }
                        }
                    }
                }
            }
        }

        private readonly HashSet<INamedTypeSymbol> _publishedContentTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <summary>
        /// The handler interfaces a mediator call (<c>mediator.Send(request)</c>) dispatches to, with the name of their method;
        /// empty for any other call. See <see cref="KnownApis.MediatorDispatches"/>.
        /// </summary>
        public ImmutableArray<INamedTypeSymbol> DispatchedHandlers(IMethodSymbol method, out string handlerMethod)
        {
            handlerMethod = string.Empty;
            if (_dispatches.Count == 0 || method.DeclaringType() is not { } declaring || !_dispatches.TryGetValue(declaring.OriginalDefinition, out var rows))
            {
                return ImmutableArray<INamedTypeSymbol>.Empty;
            }

            foreach (var row in rows)
            {
                if (row.Member == method.Name)
                {
                    handlerMethod = row.HandlerMethod;
                    return row.Handlers;
                }
            }

            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        /// <summary>
        /// For the syntax-only relevance pass: the names of the calls that run a handler method of each name (a body that
        /// calls <c>Send</c> reaches every <c>Handle</c>). Empty when no mediator is referenced.
        /// </summary>
        public ImmutableDictionary<string, ImmutableArray<string>> DispatchCallNames { get; private set; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

        private void ResolveMediatorDispatches()
        {
            var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var row in KnownApis.MediatorDispatches)
            {
                var handlers = row.HandlerInterfaces.SelectMany(i => _types.ResolveAll(i)).ToImmutableArray();
                if (handlers.IsEmpty)
                {
                    continue;
                }

                foreach (var type in _types.ResolveAll(row.TypeName))
                {
                    if (!_dispatches.TryGetValue(type, out var rows))
                    {
                        _dispatches[type] = rows = new List<(string, ImmutableArray<INamedTypeSymbol>, string)>();
                    }

                    rows.Add((row.Member, handlers, row.HandlerMethod));
                    if (!names.TryGetValue(row.HandlerMethod, out var members))
                    {
                        names[row.HandlerMethod] = members = new HashSet<string>(StringComparer.Ordinal);
                    }

                    members.Add(row.Member);
                }
            }

            DispatchCallNames = names.ToImmutableDictionary(p => p.Key, p => p.Value.OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        }

        private readonly Dictionary<INamedTypeSymbol, List<(string Member, ImmutableArray<INamedTypeSymbol> Handlers, string HandlerMethod)>> _dispatches =
            new Dictionary<INamedTypeSymbol, List<(string Member, ImmutableArray<INamedTypeSymbol> Handlers, string HandlerMethod)>>(SymbolEqualityComparer.Default);

        /// <summary>A method a model calls with arguments it writes (a [KernelFunction]): see <see cref="KnownApis.ModelInvokedFunctionAttributes"/>.</summary>
        public static bool IsModelInvokedFunction(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.FullName() is { } name && KnownApis.ModelInvokedFunctionAttributes.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A call that makes a delegate into a function the model calls (<c>AIFunctionFactory.Create</c>): see <see cref="KnownApis.ModelFunctionFactories"/>.</summary>
        public bool IsModelFunctionFactory(IMethodSymbol method)
        {
            if (_modelFunctionFactoryTypes.Count == 0 || !ModelFunctionFactoryNames.Contains(method.Name))
            {
                return false;
            }

            var type = (method.ReducedFrom ?? method).DeclaringType()?.OriginalDefinition;
            return type != null && _modelFunctionFactoryTypes.Contains(type) &&
                   KnownApis.ModelFunctionFactories.Any(f => f.Member == method.Name && type.FullName() == f.TypeName);
        }

        /// <summary>
        /// Whether a call, by its text alone, may be one of <see cref="KnownApis.ModelFunctionFactories"/>: the member name
        /// matches and the call is made on the factory's simple type name (<c>AIFunctionFactory.Create</c>; <c>Create</c>
        /// alone is far too common to bind), or the row is an extension method (<c>kernel.CreateFunctionFromMethod</c>).
        /// </summary>
        public static bool MayBeModelFunctionFactoryCall(string calledName, string? receiverName)
        {
            foreach (var factory in KnownApis.ModelFunctionFactories)
            {
                if (factory.Member != calledName)
                {
                    continue;
                }

                var typeName = factory.TypeName.Substring(factory.TypeName.LastIndexOf('.') + 1);
                if (typeName.EndsWith("Extensions", StringComparison.Ordinal) || typeName == receiverName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether some package here has a <see cref="KnownApis.ModelFunctionFactories"/> type.</summary>
        public bool HasModelFunctionFactories => _modelFunctionFactoryTypes.Count > 0;

        /// <summary>The keyed cache type (see <see cref="KnownApis.KeyedCacheTypes"/>) a receiver's type is or implements, or null.</summary>
        public INamedTypeSymbol? KeyedCacheOf(ITypeSymbol? receiverType)
        {
            if (_keyedCacheTypes.Count == 0 || receiverType == null)
            {
                return null;
            }

            foreach (var cache in _keyedCacheTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(receiverType.OriginalDefinition, cache) || receiverType.AllInterfaces.Contains(cache, SymbolEqualityComparer.Default))
                {
                    return cache;
                }
            }

            // An object store's clients (BlobClient derives from BlobBaseClient; a BlobContainerClient stands for it).
            for (var type = receiverType as INamedTypeSymbol; type != null && _objectStoreClients.Count > 0; type = type.BaseType)
            {
                if (_objectStoreClients.TryGetValue(type.OriginalDefinition, out var store))
                {
                    return store;
                }
            }

            return null;
        }

        /// <summary>Whether a keyed store is object storage (<see cref="KnownApis.ObjectStores"/>): its writes store every argument but names.</summary>
        public bool IsObjectStore(ISymbol store) => store is INamedTypeSymbol type && _objectStoreClients.ContainsKey(type);

        private void ResolveObjectStores()
        {
            foreach (var (storeName, clients) in KnownApis.ObjectStores)
            {
                if (_types.Resolve(storeName) is not { } store)
                {
                    continue;
                }

                _keyedCacheTypes.Add(store);
                _objectStoreClients[store] = store;
                foreach (var client in clients)
                {
                    if (_types.Resolve(client) is { } clientType)
                    {
                        _objectStoreClients[clientType] = store;
                    }
                }
            }
        }

        private readonly HashSet<INamedTypeSymbol> _keyedCacheTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, INamedTypeSymbol> _objectStoreClients = new Dictionary<INamedTypeSymbol, INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <summary>The keyed store that is a SQL database (Dapper's connection): its reads return columns, see <see cref="Flow.FlowEngine.SqlRowsOf"/>.</summary>
        public bool IsSqlConnection(ISymbol store) => _sqlConnectionType != null && SymbolEqualityComparer.Default.Equals(store, _sqlConnectionType);

        private INamedTypeSymbol? _sqlConnectionType;

        private static readonly ImmutableHashSet<string> ModelFunctionFactoryNames = KnownApis.ModelFunctionFactories.Select(f => f.Member).ToImmutableHashSet(StringComparer.Ordinal);

        private readonly HashSet<INamedTypeSymbol> _modelFunctionFactoryTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <summary>An HTTP client call that sends a request (its URL decides whether it calls a model).</summary>
        public bool IsHttpSend(IMethodSymbol method)
        {
            if (_httpSendTypes.Count == 0 || method.DeclaringType() is not { } declaring || !_httpSendNames.Contains(method.Name))
            {
                return false;
            }

            return _httpSendTypes.Contains(declaring.OriginalDefinition) ||
                   (method.ReducedFrom?.ContainingType is { } extensions && _httpSendTypes.Contains(extensions.OriginalDefinition));
        }

        /// <summary>
        /// Whether any source text names a model route, so plain HTTP calls may generate. Asked once per compilation; the
        /// answer per tree is kept with the tree, which the next compilation (the next keystroke) shares for every unchanged
        /// file, so only edited files are read again.
        /// </summary>
        private bool MayCallModelsOverHttp(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (NamesModelRoute.GetValue(tree, t => new StrongBox<bool>(TextNamesModelRoute(t))).Value || NamesConfiguredRoute(tree))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> NamesModelRoute = new ConditionalWeakTable<SyntaxTree, StrongBox<bool>>();

        /// <summary>The built-in model routes and those deepsynth.json adds (catalogue.modelEndpoints).</summary>
        public ImmutableArray<ModelEndpoint> ModelEndpoints => _modelEndpoints;

        /// <summary>
        /// A method deepsynth.json names as an entry point (catalogue.entryPoints), or one that implements or overrides such
        /// a method: the framework calls it for a user, so its data parameters are user input and what it returns is published.
        /// </summary>
        public bool IsConfiguredEntryPoint(IMethodSymbol method) => OverridesOrImplementsAny(method, _configuredEntryPoints);

        /// <summary>An override of a known framework's HTTP endpoint method (<see cref="KnownApis.FrameworkEndpointMethods"/>).</summary>
        public bool IsFrameworkEndpoint(IMethodSymbol method) => OverridesOrImplementsAny(method, _frameworkEndpoints);

        private readonly HashSet<IMethodSymbol> _frameworkEndpoints = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        private void ResolveFrameworkEndpoints()
        {
            foreach (var row in KnownApis.FrameworkEndpointMethods)
            {
                foreach (var type in _types.ResolveAll(row.TypeName))
                {
                    _frameworkEndpoints.UnionWith(type.MembersWithExtensionBlocks(row.Member).OfType<IMethodSymbol>().Select(m => m.OriginalDefinition));
                }
            }
        }

        /// <summary>
        /// The one store every message bus send writes and every received message reads (the first send row's type that
        /// resolves), or null when no bus package is referenced (see <see cref="KnownApis.MessageBusSends"/>).
        /// </summary>
        public INamedTypeSymbol? MessageBusStore { get; private set; }

        /// <summary>Whether a call hands its message to the bus (<c>Publish</c>, <c>Send</c>, <c>RespondAsync</c>, <c>GetResponse</c>).</summary>
        public bool IsMessageBusSend(IMethodSymbol method) =>
            _busSends.Count > 0 && _busSends.Contains((method.ReducedFrom ?? method).OriginalDefinition);

        /// <summary>The message type a read hands over (<c>context.Message</c> of a <c>ConsumeContext&lt;T&gt;</c>: T), or null.</summary>
        public ITypeSymbol? MessageBusMessageType(IPropertySymbol property) =>
            _busMessages.Count > 0 && _busMessages.Contains(property.OriginalDefinition) ? property.Type : null;

        private readonly HashSet<IMethodSymbol> _busSends = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<IPropertySymbol> _busMessages = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);

        private void ResolveMessageBus()
        {
            foreach (var row in KnownApis.MessageBusSends)
            {
                foreach (var type in _types.ResolveAll(row.TypeName))
                {
                    if (MessageBusStore == null)
                    {
                        // The syntax pass counts bus sends as stores only where a bus package is referenced (its flag).
                        MessageBusStore = type;
                        DispatchCallNames = DispatchCallNames.SetItem(KnownApis.MessageBusName, ImmutableArray<string>.Empty);
                    }

                    _busSends.UnionWith(type.MembersWithExtensionBlocks(row.Member).OfType<IMethodSymbol>().Select(m => m.OriginalDefinition));
                }
            }

            foreach (var row in KnownApis.MessageBusMessages)
            {
                foreach (var type in _types.ResolveAll(row.TypeName))
                {
                    _busMessages.UnionWith(type.MembersWithExtensionBlocks(row.Member).OfType<IPropertySymbol>().Select(m => m.OriginalDefinition));
                }
            }
        }

        private static bool OverridesOrImplementsAny(IMethodSymbol method, HashSet<IMethodSymbol> methods)
        {
            if (methods.Count == 0)
            {
                return false;
            }

            for (var m = method.OriginalDefinition; m != null; m = m.OverriddenMethod?.OriginalDefinition)
            {
                if (methods.Contains(m))
                {
                    return true;
                }
            }

            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    if (methods.Contains(member.OriginalDefinition) &&
                        SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The same text test for the configured routes (not cached: few projects configure any).</summary>
        private bool NamesConfiguredRoute(SyntaxTree tree)
        {
            if (_modelEndpoints.Length == KnownApis.ModelEndpoints.Length)
            {
                return false;
            }

            var text = tree.GetText().ToString();
            return _modelEndpoints.Skip(KnownApis.ModelEndpoints.Length).Any(e => text.IndexOf(e.Path.TrimStart('/'), StringComparison.OrdinalIgnoreCase) >= 0);
        }

        private static bool TextNamesModelRoute(SyntaxTree tree)
        {
            var text = tree.GetText().ToString();
            foreach (var endpoint in KnownApis.ModelEndpoints)
            {
                if (text.IndexOf(endpoint.Path.TrimStart('/'), StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private readonly HashSet<INamedTypeSymbol> _declaredRouteAttributes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        // Per tree, shared by the next compilation for every unchanged file (as NamesModelRoute).
        private static readonly ConditionalWeakTable<SyntaxTree, string[]> DeclaredModelClientNames = new ConditionalWeakTable<SyntaxTree, string[]>();

        /// <summary>
        /// The names of interface methods declared in a tree with an attribute whose text names a model route (Refit's
        /// <c>[Post("/chat/completions")]</c>): read from syntax, so a call of one passes the relevance pre-filter; the
        /// attribute's type is checked when the call is bound (<see cref="DeclaredModelRoute"/>).
        /// </summary>
        private string[] FindDeclaredModelClientNames(SyntaxTree tree, ImmutableArray<ModelEndpoint> endpoints)
        {
            if (!NamesModelRoute.GetValue(tree, t => new StrongBox<bool>(TextNamesModelRoute(t))).Value && !NamesConfiguredRoute(tree))
            {
                return Array.Empty<string>();
            }

            var names = new List<string>();
            foreach (var method in tree.GetRoot().DescendantNodes(n => n is not MethodDeclarationSyntax && n is not BlockSyntax).OfType<MethodDeclarationSyntax>())
            {
                if (method.Parent is InterfaceDeclarationSyntax && method.AttributeLists.SelectMany(l => l.Attributes)
                        .SelectMany(a => a.ArgumentList?.Arguments ?? default)
                        .Any(a => a.Expression is LiteralExpressionSyntax literal && literal.Token.Value is string path &&
                            MatchRoute(endpoints, path, ((InterfaceDeclarationSyntax)method.Parent).Identifier.ValueText) != null))
                {
                    names.Add(method.Identifier.ValueText);
                }
            }

            return names.ToArray();
        }

        /// <summary>The route a declared path calls; <paramref name="client"/> is the interface that declares it.</summary>
        private static ModelEndpoint? MatchRoute(ImmutableArray<ModelEndpoint> endpoints, string path, string client)
        {
            var url = "/" + path.ToLowerInvariant();
            var context = client.ToLowerInvariant();
            return endpoints.FirstOrDefault(e => e.Matches(url, context));
        }

        /// <summary>The model route an interface method is declared on (<see cref="KnownApis.DeclaredHttpRouteAttributes"/>), or null.</summary>
        private ModelEndpoint? DeclaredModelRoute(IMethodSymbol method)
        {
            if (_declaredRouteAttributes.Count == 0 || method.ContainingType?.TypeKind != TypeKind.Interface)
            {
                return null;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass != null && _declaredRouteAttributes.Any(a => InheritsFrom(attribute.AttributeClass, a)) &&
                    attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Scalar() is string path)
                {
                    return MatchRoute(_modelEndpoints, path, method.ContainingType.Name);
                }
            }

            return null;
        }

        /// <summary>
        /// A method of a model API's client interface (Refit) declared on a route that is not itself a model route, while
        /// another method of the interface is (DashScope's <c>[Get("/api/v1/tasks/{taskId}")]</c> next to its
        /// <c>image-synthesis</c> route): handed a generation's result (the task id of an image or video job), it returns
        /// that generation's output.
        /// </summary>
        public bool IsModelApiFollowUp(IMethodSymbol method) =>
            _declaredRouteAttributes.Count > 0 && method.ContainingType is { TypeKind: TypeKind.Interface } client &&
            DeclaredModelRoute(method) == null && HasDeclaredRoute(method) &&
            _modelApiClients.GetOrAdd(client.OriginalDefinition, c => c.GetMembers().OfType<IMethodSymbol>().Any(m => DeclaredModelRoute(m) != null));

        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _modelApiClients = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        private bool HasDeclaredRoute(IMethodSymbol method) =>
            method.GetAttributes().Any(a => a.AttributeClass != null && _declaredRouteAttributes.Any(r => InheritsFrom(a.AttributeClass, r)));

        private readonly HashSet<INamedTypeSymbol> _httpSendTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        private readonly ImmutableHashSet<string> _httpSendNames = KnownApis.HttpSends.Select(m => m.Member).ToImmutableHashSet();

        /// <summary>A type of an AI SDK (its values wrap what a model was given or produced: messages, contents, updates).</summary>
        public bool IsAiSdkType(INamedTypeSymbol type) =>
            _aiSdkNamespaces.GetOrAdd(type.ContainingNamespace, ns =>
            {
                var name = ns?.FullName() ?? string.Empty;
                return KnownApis.AiSdkNamespaces.Any(n => name == n || name.StartsWith(n + ".", StringComparison.Ordinal));
            });

        private readonly ConcurrentDictionary<INamespaceSymbol, bool> _aiSdkNamespaces = new ConcurrentDictionary<INamespaceSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>True when the name could be a generation call; a cheap filter before symbol work.</summary>
        public bool IsPossibleSourceName(string name) => _sourceMemberNames.Contains(name);

        private ApiRole ComputeRole(ISymbol member)
        {
            var definition = member.OriginalDefinition;
            if (_userRoles.TryGetValue(definition, out var userRole))
            {
                return userRole;
            }

            var fromAttributes = RoleFromAttributes(member);
            if (!fromAttributes.IsNone)
            {
                return fromAttributes;
            }

            if (member is IMethodSymbol { Parameters.Length: > 0 } withParameters && PublishedParameters(withParameters) is { IsEmpty: false } published)
            {
                return new ApiRole(ApiRoleKind.Publisher, MediaKind.Text, published, EntryKind.None, Describe(withParameters));
            }

            if (member is IMethodSymbol method)
            {
                return RoleOfMethod(method);
            }

            if (member is IPropertySymbol property)
            {
                return RoleOfProperty(property);
            }

            return ApiRole.None;
        }

        private ApiRole RoleOfMethod(IMethodSymbol method)
        {
            var type = method.DeclaringType()?.OriginalDefinition;
            if (type == null)
            {
                return ApiRole.None;
            }

            if (_channelFactoryTypes.Contains(type))
            {
                return new ApiRole(ApiRoleKind.Channel, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, Describe(type, method.Name));
            }

            if (DeclaredModelRoute(method) is { } route)
            {
                return new ApiRole(ApiRoleKind.GenerationSource, route.Media, ImmutableArray<int>.Empty, EntryKind.None, Describe(method));
            }

            foreach (var candidate in SelfAndAncestors(type))
            {
                if (_sources.TryGetValue(candidate, out var sourceApis))
                {
                    foreach (var api in sourceApis)
                    {
                        if (api.Members.Contains(method.Name))
                        {
                            return new ApiRole(ApiRoleKind.GenerationSource, api.Media, ImmutableArray<int>.Empty, EntryKind.None, Describe(method));
                        }
                    }
                }

                if (_editors.TryGetValue(candidate, out var editorApis))
                {
                    foreach (var api in editorApis)
                    {
                        if (api.Members.Contains(method.Name))
                        {
                            return new ApiRole(ApiRoleKind.BiometricEditor, api.Media, ImmutableArray<int>.Empty, EntryKind.None, Describe(method));
                        }
                    }
                }

                if (_publishers.TryGetValue(candidate, out var publishApis))
                {
                    foreach (var api in publishApis)
                    {
                        if (api.Members.Contains(method.Name))
                        {
                            var ordinals = method.Parameters.Where(p => api.ContentParameters.Contains(p.Name)).Select(p => p.Ordinal).ToImmutableArray();
                            if (!ordinals.IsEmpty || api.PublishesViewState)
                            {
                                // A view without a model still publishes: an empty ordinal list with view state means "no argument".
                                ordinals = ordinals.IsEmpty ? ImmutableArray.Create(-1) : ordinals;
                                return new ApiRole(ApiRoleKind.Publisher, MediaKind.Text, ordinals, EntryKind.None, Describe(method), api.PublishesViewState);
                            }
                        }
                    }
                }

                if (_stepApis.TryGetValue(candidate, out var stepApis))
                {
                    foreach (var api in stepApis)
                    {
                        if (api.Members.Contains(method.Name))
                        {
                            var role = ApiRole.ForStep(api.Kind, Describe(method));
                            if (!role.IsNone)
                            {
                                return role;
                            }
                        }
                    }
                }

                if (_registrations.TryGetValue(candidate, out var registration) && registration.Members.Contains(method.Name))
                {
                    return new ApiRole(ApiRoleKind.HandlerRegistration, MediaKind.Text, ImmutableArray<int>.Empty, registration.Kind, Describe(candidate, method.Name));
                }
            }

            return ApiRole.None;
        }

        private ApiRole RoleOfProperty(IPropertySymbol property)
        {
            var type = property.DeclaringType()?.OriginalDefinition;
            if (type == null)
            {
                return ApiRole.None;
            }

            if (UnlabeledRequestRole(property.Name, property.Type) is { } request)
            {
                return request;
            }

            if (_channelFactoryTypes.Contains(type))
            {
                return new ApiRole(ApiRoleKind.Channel, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, Describe(type, property.Name));
            }

            foreach (var member in KnownApis.ChannelMembers)
            {
                if (member.Member == property.Name && IsOrDerivesFrom(type, member.TypeName))
                {
                    return new ApiRole(ApiRoleKind.Channel, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, Describe(type, property.Name));
                }
            }

            foreach (var member in KnownApis.UserInputMembers)
            {
                if (member.Member == property.Name && IsOrDerivesFrom(type, member.TypeName))
                {
                    return new ApiRole(ApiRoleKind.UserInput, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None,
                        member.TypeName.StartsWith(KnownApis.AspNetCoreNamespace, StringComparison.Ordinal) ? "HTTP request" : Describe(type, property.Name));
                }
            }

            if (IsBoundFromRequest(property))
            {
                return new ApiRole(ApiRoleKind.UserInput, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, property.Name,
                    inputLocation: property.OriginalDefinition.Locations.FirstOrDefault());
            }

            return ApiRole.None;
        }

        /// <summary>
        /// A boolean named as a request for output without the explicit label (<see cref="KnownApis.UnlabeledRequestNames"/>,
        /// or <see cref="KnownApis.LabelRequestNames"/> when false means "no label"): a check for the unlabeled-output path.
        /// </summary>
        public static ApiRole? UnlabeledRequestRole(string name, ITypeSymbol type)
        {
            if (type.SpecialType != SpecialType.System_Boolean)
            {
                return null;
            }

            var kind = KnownApis.UnlabeledRequestNames.Contains(name) ? StepKind.UnlabeledRequest
                : KnownApis.LabelRequestNames.Contains(name) ? StepKind.UnlabeledRequestWhenFalse
                : (StepKind?)null;
            return kind is { } known && ApiRole.ForStep(known, name) is { IsNone: false } role ? role : null;
        }

        /// <summary>A property model binding fills from the request ([BindProperty], [BindProperties] on its type, [SupplyParameterFromForm]).</summary>
        private static bool IsBoundFromRequest(IPropertySymbol property) =>
            property.SetMethod != null &&
            property.GetAttributes().Concat(property.ContainingType.GetAttributes())
                .Any(a => a.AttributeClass != null && KnownApis.InputPropertyAttributes.Contains(a.AttributeClass.FullName()));

        private ApiRole RoleFromAttributes(ISymbol member)
        {
            foreach (var candidate in SelfAndImplemented(member))
            {
                foreach (var attribute in candidate.GetAttributes())
                {
                    var role = RoleFromAttribute(member, attribute);
                    if (!role.IsNone)
                    {
                        return role;
                    }
                }
            }

            return ApiRole.None;
        }

        /// <summary>Parameters marked [ContentPublisher] (on the method or on what it implements or overrides).</summary>
        private ImmutableArray<int> PublishedParameters(IMethodSymbol method)
        {
            var ordinals = ImmutableArray.CreateBuilder<int>();
            foreach (var candidate in SelfAndImplemented(method).OfType<IMethodSymbol>())
            {
                foreach (var parameter in candidate.Parameters)
                {
                    if (parameter.GetAttributes().Any(a => ComplianceAttributes.Is(a, ComplianceAttributes.ContentPublisher)) && !ordinals.Contains(parameter.Ordinal))
                    {
                        ordinals.Add(parameter.Ordinal);
                    }
                }
            }

            return ordinals.ToImmutable();
        }

        private static ApiRole RoleFromAttribute(ISymbol member, AttributeData attribute)
        {
            var type = attribute.AttributeClass;
            if (type == null || !ComplianceAttributes.IsComplianceNamespace(type.ContainingNamespace))
            {
                return ApiRole.None;
            }

            var description = Describe(member.ContainingType, member.Name);
            switch (type.Name)
            {
                case ComplianceAttributes.GeneratedContentSource:
                    return new ApiRole(ApiRoleKind.GenerationSource, MediaOf(attribute), ImmutableArray<int>.Empty, EntryKind.None, description);
                case ComplianceAttributes.ContentPublisher:
                    return new ApiRole(ApiRoleKind.Publisher, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, description);
                case ComplianceAttributes.AigcLabeler:
                    return ApiRole.ForStep(StepKind.Labeler, description);
                case ComplianceAttributes.ContentReviewer:
                    return ApiRole.ForStep(StepKind.Reviewer, description);
                case ComplianceAttributes.IdentityVerifier:
                    return ApiRole.ForStep(StepKind.IdentityVerifier, description);
                case ComplianceAttributes.SynthesisAuditor:
                    return ApiRole.ForStep(StepKind.Auditor, description);
                case ComplianceAttributes.BiometricEditor:
                    return new ApiRole(ApiRoleKind.BiometricEditor, EditedMedia(member, attribute), ImmutableArray<int>.Empty, EntryKind.None, description);
                case ComplianceAttributes.ConsentVerifier:
                    return ApiRole.ForStep(StepKind.ConsentVerifier, description);
                default:
                    return ApiRole.None;
            }
        }

        /// <summary>True for bool, Task&lt;bool&gt; and ValueTask&lt;bool&gt;.</summary>
        public static bool ReturnsBoolean(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_Boolean)
            {
                return true;
            }

            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named &&
                   (named.Name == "Task" || named.Name == "ValueTask") &&
                   named.TypeArguments[0].SpecialType == SpecialType.System_Boolean;
        }

        /// <summary>
        /// What a [BiometricEditor] edits: its Kind (BiometricKind.Face = 1, Voice = 2), else a voice when the member's name
        /// says so (Voice, Speech, Audio, Tts, Sing), else a face.
        /// </summary>
        private static MediaKind EditedMedia(ISymbol member, AttributeData attribute)
        {
            foreach (var argument in attribute.NamedArguments.Select(a => a.Value).Concat(attribute.ConstructorArguments))
            {
                if (argument.Scalar() is int kind && (kind == 1 || kind == 2))
                {
                    return kind == 2 ? MediaKind.Audio : MediaKind.Image;
                }
            }

            var name = member.Name;
            return new[] { "Voice", "Speech", "Audio", "Tts", "Sing" }.Any(word => name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                ? MediaKind.Audio
                : MediaKind.Image;
        }

        private static MediaKind MediaOf(AttributeData attribute)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Kind" && argument.Value.Scalar() is int kind && kind >= 0 && kind <= 3)
                {
                    return (MediaKind)kind;
                }
            }

            return MediaKind.Text;
        }

        /// <summary>The member, the members it overrides and the interface members it implements (attributes are inherited from them).</summary>
        /// <summary>
        /// The member and what it overrides or implements, limited to symbols that can carry our attributes: declared in
        /// this project, in DeepSynth.Compliance, or in an assembly that references it or declares its own copies. Reading
        /// the attributes of every framework member a project calls (and searching their interfaces) is what made role
        /// lookups expensive, and no framework member can carry them.
        /// </summary>
        private IEnumerable<ISymbol> SelfAndImplemented(ISymbol member)
        {
            if (MayCarryComplianceAttributes(member))
            {
                yield return member;
                if (!SymbolEqualityComparer.Default.Equals(member, member.OriginalDefinition))
                {
                    yield return member.OriginalDefinition;
                }
            }

            if (member is IMethodSymbol method)
            {
                for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
                {
                    if (MayCarryComplianceAttributes(overridden))
                    {
                        yield return overridden;
                    }
                }
            }

            var type = member.ContainingType;
            if (type == null || member.IsStatic)
            {
                yield break;
            }

            foreach (var implemented in ImplementedInterfaceMembers(member, type))
            {
                yield return implemented;
            }
        }

        private IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member, INamedTypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Interface)
            {
                yield break;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (!MayCarryComplianceAttributes(@interface))
                {
                    continue;
                }

                foreach (var candidate in @interface.GetMembers(member.Name))
                {
                    var implementation = type.FindImplementationForInterfaceMember(candidate);
                    if (implementation != null && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, member.OriginalDefinition))
                    {
                        yield return candidate;
                    }
                }
            }
        }

        private bool MayCarryComplianceAttributes(ISymbol symbol)
        {
            var assembly = symbol.ContainingAssembly;
            return assembly == null || _attributeAssemblies.GetOrAdd(assembly, a =>
                SymbolEqualityComparer.Default.Equals(a, _compilation.Assembly) ||
                a.Name == ComplianceAttributes.Namespace ||
                a.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == ComplianceAttributes.Namespace)) ||
                a.GlobalNamespace.GetNamespaceMembers().Any(n => n.Name == "DeepSynth" && n.GetNamespaceMembers().Any(c => c.Name == "Compliance")));
        }

        private static IEnumerable<INamedTypeSymbol> SelfAndAncestors(INamedTypeSymbol type)
        {
            yield return type;
            if (type.IsStatic)
            {
                yield break;
            }

            for (var t = type.BaseType; t != null; t = t.BaseType)
            {
                yield return t.OriginalDefinition;
            }

            foreach (var i in type.AllInterfaces)
            {
                yield return i.OriginalDefinition;
            }
        }

        private static bool IsOrDerivesFrom(INamedTypeSymbol type, string metadataName)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (FullName(t) == metadataName)
                {
                    return true;
                }
            }

            return false;
        }

        private static string FullName(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            var name = type.MetadataName;
            return ns == null || ns.IsGlobalNamespace ? name : ns.FullName() + "." + name;
        }

        /// <summary>"IChatClient.GetResponseAsync": extension methods are named after the type they extend.</summary>
        public static string Describe(IMethodSymbol method) =>
            method.IsExtensionMethod && method.Parameters.Length > 0 && method.Parameters[0].Type is INamedTypeSymbol extended
                ? Describe(extended, method.Name)
                : method.ContainingType.ExtendedType() is INamedTypeSymbol blockExtends
                    ? Describe(blockExtends, method.Name)
                    : Describe(method.ContainingType, method.Name);

        public static string Describe(INamedTypeSymbol? type, string member) =>
            type == null ? member : (type.IsGenericType ? type.Name : type.Name) + "." + member;

        private void AddTo<T>(Dictionary<INamedTypeSymbol, List<T>> map, string typeName, T api)
        {
            foreach (var type in _types.ResolveAll(typeName))
            {
                if (!map.TryGetValue(type, out var list))
                {
                    map[type] = list = new List<T>();
                }

                list.Add(api);
            }
        }

        private void AddTypes(HashSet<INamedTypeSymbol> set, IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                set.UnionWith(_types.ResolveAll(name));
            }
        }

        /// <summary>
        /// Resolves the user's entries. A member listed in two sections is a contradiction (DSYN907): the first role is kept,
        /// so the result does not depend on which section happens to be read last.
        /// </summary>
        private void ResolveUserCatalogue(DeepSynthConfiguration configuration, List<ConfigurationIssue> issues)
        {
            var firstEntries = new Dictionary<ISymbol, (string Section, MemberEntry Entry)>(SymbolEqualityComparer.Default);
            foreach (var (section, entry) in DeepSynthConfiguration.MemberSections
                .SelectMany(section => configuration.Catalogue.Get(section).Select(entry => (section, entry)))
                .OrderBy(e => e.entry.Span.Start))
            {
                var members = ResolveMembers(entry.Name);
                if (members.IsEmpty)
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.UnresolvedConfigurationMember, entry.Span, entry.Name, Message("Config_KindMember")));
                    continue;
                }

                if (section == DeepSynthConfiguration.Publishers)
                {
                    AddUnknownParameters(entry, members, issues);
                }

                if (section == DeepSynthConfiguration.EntryPoints)
                {
                    // Methods the framework calls (a queue consumer, a job, a custom bot loop): not a role of a call.
                    _configuredEntryPoints.UnionWith(members.OfType<IMethodSymbol>().Select(m => m.OriginalDefinition));
                    continue;
                }

                foreach (var member in members.Select(m => m.OriginalDefinition))
                {
                    if (firstEntries.TryGetValue(member, out var first))
                    {
                        if (first.Section != section && configuration.Text != null)
                        {
                            issues.Add(new ConfigurationIssue(RuleDescriptors.ContradictoryConfiguration, entry.Span, Message(
                                "Config_ConflictingRole", entry.Name, "catalogue." + first.Section, DeepSynthConfiguration.LineOf(configuration.Text, first.Entry.Span.Start))));
                            break;
                        }

                        continue;
                    }

                    firstEntries.Add(member, (section, entry));
                    _userRoles[member] = UserRole(section, entry, member);
                }
            }

            foreach (var attribute in configuration.Catalogue.IdentityAttributes)
            {
                if (ResolveAttribute(attribute.Value) == null)
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.UnresolvedConfigurationMember, attribute.Span, attribute.Value, Message("Config_KindAttribute")));
                }
            }
        }

        /// <summary>A parameter name no overload of a publisher has would silently make no argument carry content (DSYN905).</summary>
        private static void AddUnknownParameters(MemberEntry entry, ImmutableArray<ISymbol> members, List<ConfigurationIssue> issues)
        {
            foreach (var parameter in entry.Parameters)
            {
                if (!members.OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Name == parameter.Value)))
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidManifestValue, parameter.Span, Message("Config_UnknownParameter", parameter.Value, entry.Name)));
                }
            }
        }

        /// <summary>An attribute type by metadata name, or with its last '.' read as the nested-type '+' (how it is matched).</summary>
        private INamedTypeSymbol? ResolveAttribute(string name)
        {
            var dot = name.LastIndexOf('.');
            return _types.Resolve(name) ?? (dot > 0 ? _types.Resolve(name.Substring(0, dot) + "+" + name.Substring(dot + 1)) : null);
        }

        private static LocalizableString Message(string name, params string[] arguments) => Resources.DiagnosticMessages.Get(name, arguments);

        private static ApiRole UserRole(string section, MemberEntry entry, ISymbol member)
        {
            var description = Describe(member.ContainingType, member.Name);
            switch (section)
            {
                case DeepSynthConfiguration.Sources:
                    return new ApiRole(ApiRoleKind.GenerationSource, entry.Media, ImmutableArray<int>.Empty, EntryKind.None, description);
                case DeepSynthConfiguration.Publishers:
                    var ordinals = member is IMethodSymbol method && !entry.Parameters.IsEmpty
                        ? method.Parameters.Where(p => entry.Parameters.Any(name => name.Value == p.Name)).Select(p => p.Ordinal).ToImmutableArray()
                        : ImmutableArray<int>.Empty;
                    return new ApiRole(ApiRoleKind.Publisher, MediaKind.Text, ordinals, EntryKind.None, description);
                case DeepSynthConfiguration.Inputs:
                    return new ApiRole(ApiRoleKind.UserInput, MediaKind.Text, ImmutableArray<int>.Empty, EntryKind.None, description);
                case DeepSynthConfiguration.Labelers:
                    return ApiRole.ForStep(StepKind.Labeler, description);
                case DeepSynthConfiguration.Reviewers:
                    return ApiRole.ForStep(StepKind.Reviewer, description);
                case DeepSynthConfiguration.IdentityVerifiers:
                    return ApiRole.ForStep(StepKind.IdentityVerifier, description);
                case DeepSynthConfiguration.BiometricEditors:
                    // An entry without "media" edits a face; "audio" a voice.
                    return new ApiRole(ApiRoleKind.BiometricEditor, entry.Media == MediaKind.Text ? MediaKind.Image : entry.Media, ImmutableArray<int>.Empty, EntryKind.None, description);
                case DeepSynthConfiguration.ConsentVerifiers:
                    return ApiRole.ForStep(StepKind.ConsentVerifier, description);
                default:
                    return ApiRole.ForStep(StepKind.Auditor, description);
            }
        }

        /// <summary>Resolves "M:Ns.Type.Method(System.String)" (documentation ID) or "Ns.Type.Member" (every overload).</summary>
        private ImmutableArray<ISymbol> ResolveMembers(string name)
        {
            if (name.Length > 2 && name[1] == ':')
            {
                // Roslyn reads "M:T.M(System.String" as if it were closed; a malformed ID is a mistake, not a match.
                if (name.Count(c => c == '(') != name.Count(c => c == ')'))
                {
                    return ImmutableArray<ISymbol>.Empty;
                }

                return DocumentationCommentId.GetSymbolsForDeclarationId(name, _compilation)
                    .Where(s => s is IMethodSymbol || s is IPropertySymbol)
                    .ToImmutableArray();
            }

            var dot = name.LastIndexOf('.');
            if (dot <= 0 || dot == name.Length - 1)
            {
                return ImmutableArray<ISymbol>.Empty;
            }

            var type = _types.Resolve(name.Substring(0, dot));
            if (type == null)
            {
                return ImmutableArray<ISymbol>.Empty;
            }

            return type.MembersWithExtensionBlocks(name.Substring(dot + 1)).Where(s => s is IMethodSymbol || s is IPropertySymbol).ToImmutableArray();
        }

        private bool MayUseSourceAttribute(Compilation compilation)
        {
            if (_types.Resolve(ComplianceAttributes.Namespace + "." + ComplianceAttributes.GeneratedContentSource) != null)
            {
                return true;
            }

            // A copy declared in the project is found even when another copy makes the metadata name ambiguous.
            return compilation.Assembly.TypeNames.Contains(ComplianceAttributes.GeneratedContentSource) ||
                   compilation.ReferencedAssemblyNames.Any(a => a.Name == "DeepSynth.Compliance");
        }
    }
}
