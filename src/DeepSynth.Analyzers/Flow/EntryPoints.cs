using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>How an entry point's parameter is treated.</summary>
    internal enum ParameterRole
    {
        /// <summary>A service from dependency injection, a token, the HTTP context: carries no content.</summary>
        Service,
        /// <summary>Data the user sent.</summary>
        UserInput,
    }

    /// <summary>
    /// Decides which methods are entry points (MVC actions, Razor Page handlers, hub methods, middleware, bot
    /// handlers, minimal-API method groups), what their endpoint metadata guarantees, and which parameters are user input.
    /// </summary>
    internal sealed class EntryPoints
    {
        private readonly ApiCatalogue _catalogue;
        private readonly EndpointIndex _endpoints;
        private readonly RouteConventions _conventions;
        private readonly Func<SyntaxTree?, FlowOptions> _options;
        private readonly SurfaceEntryPoints _surfaces = new SurfaceEntryPoints();
        private readonly ConcurrentDictionary<IMethodSymbol, EntryContext> _cache = new ConcurrentDictionary<IMethodSymbol, EntryContext>(SymbolEqualityComparer.Default);

        private readonly Func<CancellationToken, ComponentParameters> _components;

        public EntryPoints(ApiCatalogue catalogue, EndpointIndex endpoints, RouteConventions conventions, Func<SyntaxTree?, FlowOptions> options,
            Func<CancellationToken, ComponentParameters> components)
        {
            _components = components;
            _catalogue = catalogue;
            _endpoints = endpoints;
            _conventions = conventions;
            _options = options;
        }

        public EntryContext ForMethod(IMethodSymbol method, CancellationToken cancellationToken) =>
            _cache.GetOrAdd(method.OriginalDefinition, m => Compute(m, cancellationToken));

        /// <summary>A lambda or local function registered as a handler (MapPost(..., async (...) => ...)).</summary>
        public EntryContext ForHandlerDelegate(IMethodSymbol handler, EntryKind kind, SyntaxNode registration, CancellationToken cancellationToken)
        {
            var options = _options(registration.SyntaxTree);
            var identity = IdentityMetadata.None;
            if (kind == EntryKind.MinimalApiHandler)
            {
                identity = _conventions.FromAttributes(handler, options).WithOuter(_conventions.ForRegistration(registration, cancellationToken));
            }

            return new EntryContext(kind, WithPipeline(kind, identity, cancellationToken));
        }

        public ParameterRole RoleOf(IParameterSymbol parameter, EntryKind kind)
        {
            var type = parameter.Type;
            if (_catalogue.CancellationTokenType != null && SymbolEqualityComparer.Default.Equals(type, _catalogue.CancellationTokenType))
            {
                return ParameterRole.Service;
            }

            if (kind == EntryKind.BotHandler || kind == EntryKind.Middleware)
            {
                return _catalogue.IsInputType(type) ? ParameterRole.UserInput : ParameterRole.Service;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                var name = attribute.AttributeClass?.FullName();
                if (name != null && KnownApis.ServiceParameterAttributes.Contains(name))
                {
                    return ParameterRole.Service;
                }

                if (name != null && KnownApis.InputParameterAttributes.Contains(name))
                {
                    return ParameterRole.UserInput;
                }
            }

            return IsDataType(type, 0) ? ParameterRole.UserInput : ParameterRole.Service;
        }

        /// <summary>
        /// Whether a parameter type is data a client sends rather than a service: strings, numbers, DTOs,
        /// collections of those, form files. Interfaces and framework or SDK types are services.
        /// </summary>
        private bool IsDataType(ITypeSymbol type, int depth)
        {
            if (depth > 3)
            {
                return false;
            }

            if (type is IArrayTypeSymbol array)
            {
                return IsDataType(array.ElementType, depth + 1);
            }

            if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum)
            {
                return type.SpecialType != SpecialType.System_Object;
            }

            if (_catalogue.IsInputType(type))
            {
                return true;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic && (generic.Name == "Nullable" || IsCollectionName(generic.Name)))
            {
                return generic.TypeArguments.Length > 0 && IsDataType(generic.TypeArguments[generic.TypeArguments.Length - 1], depth + 1);
            }

            if (type.TypeKind == TypeKind.Interface || type.TypeKind == TypeKind.Delegate || type.IsAbstract || type.TypeKind == TypeKind.TypeParameter)
            {
                return false;
            }

            var ns = type.ContainingNamespace?.FullName() ?? string.Empty;
            if (KnownApis.ServiceNamespaces.Any(s => ns == s || ns.StartsWith(s + ".", StringComparison.Ordinal)))
            {
                return false;
            }

            if (type.Locations.Any(l => l.IsInSource))
            {
                // An app's DbContext (only DbSet properties: data-shaped) is a service all the same: it derives from a
                // framework service type.
                return !DerivesFromServiceType(type) && IsDataShaped(type);
            }

            return ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal);
        }

        private static bool DerivesFromServiceType(ITypeSymbol type)
        {
            for (var current = type.BaseType; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                var ns = current.ContainingNamespace?.FullName() ?? string.Empty;
                if (!current.Locations.Any(l => l.IsInSource) && KnownApis.ServiceNamespaces.Any(s => ns == s || ns.StartsWith(s + ".", StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsCollectionName(string name) =>
            name == "IEnumerable" || name == "IAsyncEnumerable" || name == "List" || name == "IList" || name == "IReadOnlyList" ||
            name == "ICollection" || name == "IReadOnlyCollection" || name == "ChannelReader" || name == "Dictionary" || name == "IDictionary";

        /// <summary>A type that only carries data: no public methods of its own beyond what records and properties generate.</summary>
        private static bool IsDataShaped(ITypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false } method &&
                    !method.IsOverride && method.Name != "Deconstruct")
                {
                    return false;
                }
            }

            return true;
        }

        private EntryContext Compute(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.ContainingType == null)
            {
                return EntryContext.NotEntry;
            }

            var kind = KindOf(method, cancellationToken);
            var outer = IdentityMetadata.None;
            var options = _options(method.Locations.FirstOrDefault()?.SourceTree);
            if (kind == EntryKind.MvcAction || kind == EntryKind.RazorPageHandler)
            {
                outer = _endpoints.ControllerConventions(cancellationToken);
            }
            else if (kind == EntryKind.PageRender && _catalogue.RazorPageBaseType != null && ApiCatalogue.InheritsFrom(method.ContainingType, _catalogue.RazorPageBaseType))
            {
                // A view or page is served through MapControllers/MapRazorPages; a page also answers to its page model's attributes.
                outer = _endpoints.ControllerConventions(cancellationToken);
                if (SurfaceEntryPoints.PageModelOf(method.ContainingType, _catalogue.PageModelType) is { } model)
                {
                    outer = _conventions.FromAttributes(model, options).WithOuter(outer);
                }
            }
            else if ((kind == EntryKind.PageRender || kind == EntryKind.ComponentHandler) && !IsRoutable(method.ContainingType))
            {
                outer = ParentsIdentity(method.ContainingType, options, 0, cancellationToken);
            }
            else if (kind == EntryKind.HubMethod || kind == EntryKind.GrpcMethod)
            {
                outer = _endpoints.HubConventions(method.ContainingType, cancellationToken);
            }
            else if (kind == EntryKind.FrameworkEndpoint)
            {
                outer = _conventions.FromEndpointConfiguration(method.ContainingType, options, cancellationToken);
            }
            else if (kind == EntryKind.None && _endpoints.TryGetMethodGroupHandler(method, cancellationToken, out var conventions))
            {
                kind = EntryKind.MinimalApiHandler;
                outer = conventions;
            }

            if (kind == EntryKind.None)
            {
                return EntryContext.NotEntry;
            }

            var identity = _conventions.FromAttributes(method, options).WithOuter(outer);
            return new EntryContext(kind, WithPipeline(kind, identity, cancellationToken));
        }

        /// <summary>A component with a route (<c>@page</c>) is served on its own; any other is shown only inside its parents.</summary>
        private static bool IsRoutable(INamedTypeSymbol component) =>
            component.GetAttributes().Any(a => a.AttributeClass?.FullName() == KnownApis.ComponentRouteAttribute);

        /// <summary>
        /// What a component without a route answers for: real name is verified where it renders when every component that
        /// renders it verifies it (by its attributes, or in turn by its own parents, a few levels up).
        /// </summary>
        private IdentityMetadata ParentsIdentity(INamedTypeSymbol component, FlowOptions options, int depth, CancellationToken cancellationToken)
        {
            var parents = _components(cancellationToken).ParentsOf(component);
            if (parents.IsEmpty || depth > MaxParentLevels)
            {
                return IdentityMetadata.None;
            }

            bool verified = true, authorized = true;
            foreach (var parent in parents)
            {
                var identity = _conventions.FromAttributes(parent, options);
                if (!IsRoutable(parent) && !SymbolEqualityComparer.Default.Equals(parent, component))
                {
                    identity = identity.WithOuter(ParentsIdentity(parent, options, depth + 1, cancellationToken));
                }

                verified &= identity.IsVerified;
                authorized &= identity.IsVerified || (identity.AuthorizeOnly && !identity.AllowAnonymous);
            }

            return new IdentityMetadata(verified, authorized && !verified, allowAnonymous: false);
        }

        /// <summary>How many levels of parents are asked what a component without a route answers for.</summary>
        private const int MaxParentLevels = 4;

        /// <summary>
        /// Requests to HTTP surfaces pass the middleware pipeline first: a middleware that gates identity verifies it for
        /// them, whatever their own metadata says ([AllowAnonymous] does not bypass a middleware).
        /// </summary>
        private IdentityMetadata WithPipeline(EntryKind kind, IdentityMetadata identity, CancellationToken cancellationToken) =>
            kind is EntryKind.MvcAction or EntryKind.RazorPageHandler or EntryKind.HubMethod or EntryKind.MinimalApiHandler or
                EntryKind.PageRender or EntryKind.ComponentHandler or EntryKind.GrpcMethod or EntryKind.FrameworkEndpoint &&
            _endpoints.PipelineVerifiesIdentity(cancellationToken)
                ? new IdentityMetadata(true, identity.AuthorizeOnly, allowAnonymous: false)
                : identity;

        private EntryKind KindOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var type = method.ContainingType;
            var isPublicInstance = method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic;
            if (isPublicInstance && IsController(type) && !HasAttribute(method, KnownApis.NonActionAttribute) && !IsObjectMethod(method))
            {
                return EntryKind.MvcAction;
            }

            if (isPublicInstance && _catalogue.PageModelType != null && ApiCatalogue.InheritsFrom(type, _catalogue.PageModelType) &&
                method.Name.StartsWith(KnownApis.PageHandlerPrefix, StringComparison.Ordinal))
            {
                return EntryKind.RazorPageHandler;
            }

            if (isPublicInstance && _catalogue.HubType != null && ApiCatalogue.InheritsFrom(type, _catalogue.HubType) && !IsObjectMethod(method) && method.Name != "Dispose")
            {
                return EntryKind.HubMethod;
            }

            if (KnownApis.MiddlewareMethods.Contains(method.Name) && method.Parameters.Length > 0 &&
                _catalogue.HttpContextType != null && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _catalogue.HttpContextType))
            {
                return EntryKind.Middleware;
            }

            if (IsBotHandler(method))
            {
                return EntryKind.BotHandler;
            }

            if (_catalogue.IsFrameworkEndpoint(method))
            {
                return EntryKind.FrameworkEndpoint;
            }

            if (_catalogue.IsConfiguredEntryPoint(method))
            {
                return EntryKind.Configured;
            }

            return _surfaces.KindOf(method, cancellationToken);
        }

        private bool IsController(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || HasAttributeInHierarchy(type, KnownApis.NonControllerAttribute))
            {
                return false;
            }

            if (_catalogue.ControllerBaseType != null && ApiCatalogue.InheritsFrom(type, _catalogue.ControllerBaseType))
            {
                return true;
            }

            return KnownApis.ControllerAttributes.Any(a => HasAttributeInHierarchy(type, a));
        }

        private static bool IsBotHandler(IMethodSymbol method)
        {
            if (SurfaceEntryPoints.OverridesAny(method, KnownApis.BotHandlerMethods))
            {
                return true;
            }

            foreach (var handler in KnownApis.BotHandlerMethods)
            {
                if (method.Name != handler.Member)
                {
                    continue;
                }

                foreach (var @interface in method.ContainingType.AllInterfaces)
                {
                    if (@interface.FullName() != handler.TypeName)
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers(handler.Member))
                    {
                        if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsObjectMethod(IMethodSymbol method) =>
            method.IsOverride && (method.Name == "ToString" || method.Name == "Equals" || method.Name == "GetHashCode");

        private static bool HasAttribute(ISymbol symbol, string fullName) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.FullName() == fullName);

        private static bool HasAttributeInHierarchy(INamedTypeSymbol type, string name)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (HasAttribute(t, name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
