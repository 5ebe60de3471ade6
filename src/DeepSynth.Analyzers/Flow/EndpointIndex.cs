using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Endpoint registrations that live away from the code they register: method groups passed to MapPost
    /// (<c>app.MapPost("/chat", ChatEndpoints.Ask)</c>), and route conventions on MapHub&lt;T&gt; and
    /// MapControllers. Built on first use by one pass over the syntax trees; only candidate calls are bound.
    /// </summary>
    internal sealed class EndpointIndex
    {
        private static readonly ImmutableHashSet<string> HandlerMapNames = ImmutableHashSet.Create(
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback");

        private static readonly ImmutableHashSet<string> ControllerMapNames = ImmutableHashSet.Create(
            "MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "MapRazorPages");

        private readonly Compilation _compilation;
        private readonly SemanticModelCache _models;
        private readonly ApiCatalogue _catalogue;
        private readonly RouteConventions _conventions;
        private readonly object _gate = new object();
        private Index? _index;

        public EndpointIndex(Compilation compilation, SemanticModelCache models, ApiCatalogue catalogue, RouteConventions conventions)
        {
            _compilation = compilation;
            _models = models;
            _catalogue = catalogue;
            _conventions = conventions;
        }

        /// <summary>True when <paramref name="method"/> is registered as a minimal-API handler by method group.</summary>
        public bool TryGetMethodGroupHandler(IMethodSymbol method, CancellationToken cancellationToken, out IdentityMetadata conventions)
        {
            var index = Get(cancellationToken);
            return index.Handlers.TryGetValue(method.OriginalDefinition, out conventions);
        }

        public IdentityMetadata HubConventions(INamedTypeSymbol hub, CancellationToken cancellationToken) =>
            Get(cancellationToken).Hubs.TryGetValue(hub.OriginalDefinition, out var metadata) ? metadata : IdentityMetadata.None;

        public IdentityMetadata ControllerConventions(CancellationToken cancellationToken) => Get(cancellationToken).Controllers;

        private Index Get(CancellationToken cancellationToken)
        {
            if (_index != null)
            {
                return _index;
            }

            lock (_gate)
            {
                return _index ??= Build(cancellationToken);
            }
        }

        private Index Build(CancellationToken cancellationToken)
        {
            var handlers = new Dictionary<IMethodSymbol, IdentityMetadata>(SymbolEqualityComparer.Default);
            var hubs = new Dictionary<INamedTypeSymbol, IdentityMetadata>(SymbolEqualityComparer.Default);
            var controllers = IdentityMetadata.None;
            var controllersMapped = false;
            foreach (var tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = NameOf(call.Expression);
                    if (name == null)
                    {
                        continue;
                    }

                    var isHandlerMap = HandlerMapNames.Contains(name) && call.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax || a.Expression is MemberAccessExpressionSyntax);
                    var isHubMap = name == "MapHub";
                    var isControllerMap = ControllerMapNames.Contains(name);
                    if (!isHandlerMap && !isHubMap && !isControllerMap)
                    {
                        continue;
                    }

                    if (_models.GetModel(tree)?.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    var metadata = _conventions.ForRegistration(call, cancellationToken);
                    if (isHandlerMap && _catalogue.GetRole(invocation.TargetMethod).Kind == ApiRoleKind.HandlerRegistration)
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            var value = argument.Value;
                            while (value is IConversionOperation conversion)
                            {
                                value = conversion.Operand;
                            }

                            if (value is IDelegateCreationOperation { Target: IMethodReferenceOperation reference })
                            {
                                var method = reference.Method.OriginalDefinition;
                                handlers[method] = handlers.TryGetValue(method, out var existing) ? Intersect(existing, metadata) : metadata;
                            }
                        }
                    }
                    else if (isHubMap && invocation.TargetMethod.TypeArguments.Length == 1 && invocation.TargetMethod.TypeArguments[0] is INamedTypeSymbol hub)
                    {
                        var key = hub.OriginalDefinition;
                        hubs[key] = hubs.TryGetValue(key, out var existing) ? Intersect(existing, metadata) : metadata;
                    }
                    else if (isControllerMap)
                    {
                        controllers = controllersMapped ? Intersect(controllers, metadata) : metadata;
                        controllersMapped = true;
                    }
                }
            }

            return new Index(handlers, hubs, controllers);
        }

        /// <summary>An endpoint mapped twice is verified only if every mapping requires it.</summary>
        private static IdentityMetadata Intersect(IdentityMetadata a, IdentityMetadata b) =>
            new IdentityMetadata(a.IsVerified && b.IsVerified, a.AuthorizeOnly || b.AuthorizeOnly, false);

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

        private sealed class Index
        {
            public Index(Dictionary<IMethodSymbol, IdentityMetadata> handlers, Dictionary<INamedTypeSymbol, IdentityMetadata> hubs, IdentityMetadata controllers)
            {
                Handlers = handlers;
                Hubs = hubs;
                Controllers = controllers;
            }

            public Dictionary<IMethodSymbol, IdentityMetadata> Handlers { get; }

            public Dictionary<INamedTypeSymbol, IdentityMetadata> Hubs { get; }

            public IdentityMetadata Controllers { get; }
        }
    }
}
