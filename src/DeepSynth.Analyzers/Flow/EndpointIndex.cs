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
    /// Endpoint registrations that live away from the code they register: method groups passed to MapPost
    /// (<c>app.MapPost("/chat", ChatEndpoints.Ask)</c>), and route conventions on MapHub&lt;T&gt; and
    /// MapControllers. Each question is answered on first use from the project's <c>Map*</c> calls filed by the names
    /// they register (<see cref="ProjectSyntax"/>), so only the calls that can register the method or hub asked
    /// about are bound (binding every registration of a large app would cost more than the analysis it serves).
    /// </summary>
    internal sealed class EndpointIndex
    {
        private readonly ProjectSyntax _syntax;
        private readonly StatementOperations _statements;
        private readonly ApiCatalogue _catalogue;
        private readonly RouteConventions _conventions;
        private readonly IdentityGates _gates;
        private readonly ConcurrentDictionary<IMethodSymbol, Registration> _handlers = new ConcurrentDictionary<IMethodSymbol, Registration>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, Registration> _hubs = new ConcurrentDictionary<INamedTypeSymbol, Registration>(SymbolEqualityComparer.Default);
        private Registration? _controllers;

        public EndpointIndex(ProjectSyntax syntax, StatementOperations statements, ApiCatalogue catalogue, RouteConventions conventions, IdentityGates gates)
        {
            _gates = gates;
            _syntax = syntax;
            _statements = statements;
            _catalogue = catalogue;
            _conventions = conventions;
        }

        /// <summary>True when <paramref name="method"/> is registered as a minimal-API handler by method group.</summary>
        public bool TryGetMethodGroupHandler(IMethodSymbol method, CancellationToken cancellationToken, out IdentityMetadata conventions)
        {
            var registration = _handlers.GetOrAdd(method.OriginalDefinition, m => FindHandler(m, cancellationToken));
            conventions = registration.Conventions;
            return registration.IsRegistered;
        }

        /// <summary>What the hub's registrations and the hub filters in front of it require (once per hub, not per method).</summary>
        public IdentityMetadata HubConventions(INamedTypeSymbol hub, CancellationToken cancellationToken) =>
            _hubs.GetOrAdd(hub.OriginalDefinition, h =>
            {
                var registration = FindHub(h, cancellationToken);
                return new Registration(registration.IsRegistered, registration.Conventions.Add(HubFilters(h, cancellationToken)));
            }).Conventions;

        /// <summary>
        /// What the SignalR hub filters in front of this hub's methods require: those added for every hub
        /// (<c>AddSignalR(o => o.AddFilter&lt;T&gt;())</c>) and those added for this hub (<c>AddHubOptions&lt;THub&gt;</c>).
        /// </summary>
        private IdentityMetadata HubFilters(INamedTypeSymbol hub, CancellationToken cancellationToken)
        {
            var filters = IdentityMetadata.None;
            foreach (var add in _syntax.FilterAdds(cancellationToken))
            {
                if (NameOf(add.Expression) != KnownApis.HubFilterAddMethod ||
                    _statements.OperationOf(add, cancellationToken) is not IInvocationOperation invocation ||
                    invocation.TargetMethod.DeclaringType()?.FullName() != KnownApis.HubFilterExtensions ||
                    !CoversHub(invocation, hub))
                {
                    continue;
                }

                filters = filters.Add(_conventions.ForGlobalFilter(add, cancellationToken));
            }

            return filters;
        }

        /// <summary>A filter added inside <c>AddHubOptions&lt;THub&gt;(...)</c> covers THub only; one added elsewhere covers every hub.</summary>
        private static bool CoversHub(IInvocationOperation add, INamedTypeSymbol hub)
        {
            for (var operation = add.Parent; operation != null; operation = operation.Parent)
            {
                if (operation is IInvocationOperation { TargetMethod: { Name: KnownApis.HubOptionsForHubMethod, TypeArguments.Length: 1 } options })
                {
                    return SymbolEqualityComparer.Default.Equals(options.TypeArguments[0].OriginalDefinition, hub.OriginalDefinition);
                }
            }

            return true;
        }

        public IdentityMetadata ControllerConventions(CancellationToken cancellationToken)
        {
            var controllers = _controllers;
            if (controllers == null)
            {
                controllers = Collect(_syntax.MapCalls(cancellationToken), call => KnownApis.ControllerMapMethods.Contains(NameOf(call.Expression) ?? string.Empty), (_, _) => true, cancellationToken);

                // Global MVC filters apply to every action, however the controllers are mapped.
                var filters = IdentityMetadata.None;
                foreach (var add in _syntax.FilterAdds(cancellationToken))
                {
                    if (NameOf(add.Expression) != KnownApis.HubFilterAddMethod)
                    {
                        filters = filters.Add(_conventions.ForGlobalFilter(add, cancellationToken));
                    }
                }

                controllers = new Registration(controllers.IsRegistered, controllers.Conventions.Add(filters));
                controllers = Interlocked.CompareExchange(ref _controllers, controllers, null) ?? controllers;
            }

            return controllers.Conventions;
        }

        /// <summary>
        /// Whether a middleware verifies real identity for every request before handing it on: its body (a <c>Use</c>
        /// lambda, or the <c>Invoke</c>/<c>InvokeAsync</c> of a <c>UseMiddleware&lt;T&gt;()</c> type) gates identity first
        /// (see <see cref="IdentityGates"/>). Answered once per compilation.
        /// </summary>
        public bool PipelineVerifiesIdentity(CancellationToken cancellationToken)
        {
            var known = _pipelineVerifies;
            if (known == null)
            {
                known = _syntax.Middleware(cancellationToken).Any(call => GatesIdentity(call, cancellationToken));
                _pipelineVerifies = known;
            }

            return known.Value;
        }

        private bool? _pipelineVerifies;

        private bool GatesIdentity(InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            if (_statements.OperationOf(call, cancellationToken) is not IInvocationOperation invocation)
            {
                return false;
            }

            if (invocation.TargetMethod.TypeArguments.Length == 1 && invocation.TargetMethod.TypeArguments[0] is INamedTypeSymbol middlewareType)
            {
                return _gates.TypeGates(middlewareType, KnownApis.MiddlewareMethods, cancellationToken);
            }

            return invocation.Arguments.Any(argument => _gates.DelegateGates(argument.Value));
        }

        private Registration FindHandler(IMethodSymbol method, CancellationToken cancellationToken) =>
            Collect(
                _syntax.MapCallsRegistering(method.Name, cancellationToken),
                call => KnownApis.HandlerMapMethods.Contains(NameOf(call.Expression) ?? string.Empty) &&
                        call.ArgumentList.Arguments.Any(a => a.Expression is (IdentifierNameSyntax or MemberAccessExpressionSyntax) and var e && NameOf(e) == method.Name),
                (call, invocation) => _catalogue.GetRole(invocation.TargetMethod).Kind == ApiRoleKind.HandlerRegistration && invocation.Arguments.Any(a => Registers(a.Value, method)),
                cancellationToken);

        private Registration FindHub(INamedTypeSymbol hub, CancellationToken cancellationToken) =>
            Collect(
                _syntax.MapCallsRegistering(hub.Name, cancellationToken),
                call => call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } && KnownApis.ServiceMapMethods.Contains(generic.Identifier.ValueText) &&
                        generic.TypeArgumentList.Arguments.Count == 1 && NameOf(generic.TypeArgumentList.Arguments[0]) == hub.Name,
                (_, invocation) => invocation.TargetMethod.TypeArguments.Length == 1 &&
                                   SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.TypeArguments[0].OriginalDefinition, hub),
                cancellationToken);

        /// <summary>
        /// The conventions of every registration that passes the syntax filter and then the semantic check; a target
        /// registered twice is verified only if every registration requires it.
        /// </summary>
        private Registration Collect(ImmutableArray<InvocationExpressionSyntax> calls, Func<InvocationExpressionSyntax, bool> candidate, Func<InvocationExpressionSyntax, IInvocationOperation, bool> registers, CancellationToken cancellationToken)
        {
            var result = Registration.None;
            foreach (var call in calls)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!candidate(call) ||
                    _statements.OperationOf(call, cancellationToken) is not IInvocationOperation invocation ||
                    !registers(call, invocation))
                {
                    continue;
                }

                var metadata = _conventions.ForRegistration(call, cancellationToken);
                result = result.IsRegistered ? new Registration(true, Intersect(result.Conventions, metadata)) : new Registration(true, metadata);
            }

            return result;
        }

        private static bool Registers(IOperation value, IMethodSymbol method)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is IDelegateCreationOperation { Target: IMethodReferenceOperation reference } &&
                   SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method);
        }

        private static IdentityMetadata Intersect(IdentityMetadata a, IdentityMetadata b) =>
            new IdentityMetadata(a.IsVerified && b.IsVerified, a.AuthorizeOnly || b.AuthorizeOnly, false);

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        private sealed class Registration
        {
            public static readonly Registration None = new Registration(false, IdentityMetadata.None);

            public Registration(bool isRegistered, IdentityMetadata conventions)
            {
                IsRegistered = isRegistered;
                Conventions = conventions;
            }

            public bool IsRegistered { get; }

            public IdentityMetadata Conventions { get; }
        }
    }
}
