using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Reads real-name requirements from endpoint metadata: attributes ([RequireRealName], [Authorize(Policy=...)],
    /// [AllowAnonymous]) and route conventions (<c>.RequireRealName()</c>, <c>.RequireAuthorization("policy")</c>,
    /// <c>.WithMetadata(...)</c>, <c>.AllowAnonymous()</c>) on the route, on its group, or on the group variable.
    /// </summary>
    internal sealed class RouteConventions
    {
        private const int MaxGroupDepth = 4;
        private static readonly HashSet<string> ConventionNames = new HashSet<string>(StringComparer.Ordinal)
        {
            ComplianceAttributes.RequireRealNameConvention, KnownApis.RequireAuthorizationConvention, KnownApis.WithMetadataConvention, KnownApis.AllowAnonymousConvention,
            KnownApis.AddEndpointFilterConvention,
        };

        private readonly StatementOperations _statements;
        private readonly ConcurrentDictionary<(ILocalSymbol Local, int Depth), IdentityMetadata> _locals = new ConcurrentDictionary<(ILocalSymbol, int), IdentityMetadata>(LocalAtDepthComparer.Instance);
        private readonly ApiCatalogue _catalogue;
        private readonly Func<SyntaxTree, FlowOptions> _options;
        private readonly IdentityGates _gates;

        public RouteConventions(StatementOperations statements, ApiCatalogue catalogue, IdentityGates gates, Func<SyntaxTree, FlowOptions> options)
        {
            _gates = gates;
            _statements = statements;
            _catalogue = catalogue;
            _options = options;
        }

        /// <summary>The requirements that apply to endpoints registered by the invocation at <paramref name="registration"/>.</summary>
        public IdentityMetadata ForRegistration(SyntaxNode registration, CancellationToken cancellationToken)
        {
            if (_statements.OperationOf(registration, cancellationToken) is not IInvocationOperation invocation)
            {
                return IdentityMetadata.None;
            }

            var options = _options(registration.SyntaxTree);
            var own = Outward(invocation, options, cancellationToken);
            var group = FromReceiver(ReceiverOf(invocation), options, 0, cancellationToken);
            return own.WithOuter(group);
        }

        /// <summary>
        /// Requirements a framework endpoint declares in its configuration method (FastEndpoints' <c>Configure()</c>, see
        /// <see cref="KnownApis.FrameworkEndpointConfigurations"/>): its convention calls, also inside lambdas
        /// (<c>Options(b =&gt; b.RequireRealName())</c>), and the policies it names. The nearest declaration in source counts.
        /// </summary>
        public IdentityMetadata FromEndpointConfiguration(INamedTypeSymbol endpoint, FlowOptions options, CancellationToken cancellationToken)
        {
            for (var type = endpoint; type != null; type = type.BaseType)
            {
                foreach (var row in KnownApis.FrameworkEndpointConfigurations)
                {
                    foreach (var configure in type.GetMembers(row.Member).OfType<IMethodSymbol>())
                    {
                        if (configure.Parameters.Length == 0 && configure.IsOverride && configure.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is BaseMethodDeclarationSyntax declaration &&
                            ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } body)
                        {
                            return FromConfigurationBody(body, options, cancellationToken);
                        }
                    }
                }
            }

            return IdentityMetadata.None;
        }

        private IdentityMetadata FromConfigurationBody(SyntaxNode body, FlowOptions options, CancellationToken cancellationToken)
        {
            var metadata = IdentityMetadata.None;
            foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxIndex.CalledName(call);
                if (name == null || !(ConventionNames.Contains(name) || KnownApis.FrameworkEndpointPolicyCalls.Contains(name)) ||
                    _statements.OperationOf(call, cancellationToken) is not IInvocationOperation invocation)
                {
                    continue;
                }

                metadata = metadata.Add(KnownApis.FrameworkEndpointPolicyCalls.Contains(name) ? FromPolicies(ConstantStrings(invocation), options) : Apply(invocation, options));
            }

            return metadata;
        }

        /// <summary>Requirements declared by attributes on an action, hub method or handler and on its type.</summary>
        public IdentityMetadata FromAttributes(ISymbol symbol, FlowOptions options, CancellationToken cancellationToken = default)
        {
            var metadata = FromAttributeList(symbol.GetAttributes(), options, cancellationToken);
            if (symbol is IMethodSymbol method && method.MethodKind != MethodKind.AnonymousFunction)
            {
                var typeMetadata = IdentityMetadata.None;
                for (var type = method.ContainingType; type != null; type = type.BaseType)
                {
                    typeMetadata = typeMetadata.Add(FromAttributeList(type.GetAttributes(), options, cancellationToken));
                }

                metadata = metadata.WithOuter(typeMetadata);
            }

            return metadata;
        }

        private IdentityMetadata FromAttributeList(IEnumerable<AttributeData> attributes, FlowOptions options, CancellationToken cancellationToken)
        {
            var metadata = IdentityMetadata.None;
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass?.FullName() is { } name && KnownApis.FilterTypeAttributes.Contains(name) &&
                    attribute.ConstructorArguments.FirstOrDefault().Scalar() is INamedTypeSymbol filter && _gates.FilterGates(filter, cancellationToken))
                {
                    // [ServiceFilter(typeof(RealNameFilter))]: the filter gates identity in front of the action.
                    metadata = metadata.Add(IdentityMetadata.RealNameRequired);
                    continue;
                }

                metadata = metadata.Add(FromAttribute(attribute.AttributeClass, PolicyOf(attribute), options, cancellationToken));
            }

            return metadata;
        }

        private IdentityMetadata FromAttribute(INamedTypeSymbol? type, string? policy, FlowOptions options, CancellationToken cancellationToken)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (ComplianceAttributes.Is(t, ComplianceAttributes.RequireRealName) || _catalogue.IdentityAttributes.Contains(t.FullName()))
                {
                    return IdentityMetadata.RealNameRequired;
                }

                if (t.DeclaringSyntaxReferences.Length > 0 && _gates.FilterGates(t, cancellationToken))
                {
                    // A filter attribute or filter object declared here whose filter method gates identity first.
                    return IdentityMetadata.RealNameRequired;
                }

                var name = t.FullName();
                if (name == KnownApis.AllowAnonymousAttribute)
                {
                    return new IdentityMetadata(false, false, true);
                }

                if (name == KnownApis.AuthorizeAttribute || name == KnownApis.AuthorizeFilter)
                {
                    return FromPolicies(policy == null ? Array.Empty<string>() : new[] { policy }, options);
                }
            }

            return IdentityMetadata.None;
        }

        private static IdentityMetadata FromPolicies(IReadOnlyCollection<string> policies, FlowOptions options)
        {
            if (policies.Any(p => p == ComplianceAttributes.RealNamePolicy || options.IdentityPolicies.Contains(p)) || options.AuthorizeCountsAsIdentity)
            {
                return IdentityMetadata.RealNameRequired;
            }

            return new IdentityMetadata(false, true, false);
        }

        private static string? PolicyOf(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Policy" && named.Value.Scalar() is string policy)
                {
                    return policy;
                }
            }

            return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Scalar() is string ctorPolicy ? ctorPolicy : null;
        }

        /// <summary>Conventions chained on the registration: app.MapPost(...).RequireRealName().WithName(...).</summary>
        private IdentityMetadata Outward(IOperation start, FlowOptions options, CancellationToken cancellationToken)
        {
            var metadata = IdentityMetadata.None;
            var current = start;
            for (var steps = 0; steps < 32; steps++)
            {
                var parent = current.Parent;
                if (parent is IConversionOperation)
                {
                    current = parent;
                    continue;
                }

                IInvocationOperation? next = null;
                if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension } && extension.TargetMethod.IsExtensionMethod)
                {
                    next = extension;
                }
                else if (parent is IInvocationOperation instanceCall && instanceCall.Instance == current)
                {
                    next = instanceCall;
                }

                if (next == null)
                {
                    break;
                }

                metadata = metadata.Add(Apply(next, options));
                current = next;
            }

            if (StoredLocal(current) is { } local)
            {
                metadata = metadata.Add(StatementsOn(local, options, cancellationToken));
            }

            return metadata;
        }

        /// <summary>Conventions of the group a route is registered on (app.MapGroup("/x").RequireRealName(), or a group variable).</summary>
        private IdentityMetadata FromReceiver(IOperation? receiver, FlowOptions options, int depth, CancellationToken cancellationToken)
        {
            if (receiver == null || depth > MaxGroupDepth)
            {
                return IdentityMetadata.None;
            }

            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            switch (receiver)
            {
                case IInvocationOperation invocation:
                    var own = ConventionNames.Contains(invocation.TargetMethod.Name) ? Apply(invocation, options) : IdentityMetadata.None;
                    return own.WithOuter(FromReceiver(ReceiverOf(invocation), options, depth + 1, cancellationToken));
                case ILocalReferenceOperation localReference:
                    // Every route registered on `app` or on one group variable asks the same question: answer it once.
                    var local = _statements.Original(localReference.Local, cancellationToken);
                    return _locals.GetOrAdd((local, depth), key =>
                    {
                        var statements = StatementsOn(key.Local, options, cancellationToken);
                        var initializer = InitializerOf(key.Local, cancellationToken);
                        return statements.WithOuter(FromReceiver(initializer, options, key.Depth + 1, cancellationToken));
                    });
                default:
                    return IdentityMetadata.None;
            }
        }

        private IdentityMetadata Apply(IInvocationOperation convention, FlowOptions options)
        {
            switch (convention.TargetMethod.Name)
            {
                case ComplianceAttributes.RequireRealNameConvention:
                    return IdentityMetadata.RealNameRequired;
                case KnownApis.AllowAnonymousConvention:
                    return new IdentityMetadata(false, false, true);
                case KnownApis.RequireAuthorizationConvention:
                    return FromPolicies(ConstantStrings(convention), options);
                case KnownApis.WithMetadataConvention:
                    return FromCreations(convention, options);
                case KnownApis.AddEndpointFilterConvention:
                    return GatingFilter(convention) ? IdentityMetadata.RealNameRequired : IdentityMetadata.None;
                default:
                    return IdentityMetadata.None;
            }
        }

        /// <summary>
        /// A global MVC filter (<c>options.Filters.Add(new AuthorizeFilter("policy"))</c>): what it requires of every
        /// controller action.
        /// </summary>
        public IdentityMetadata ForGlobalFilter(InvocationExpressionSyntax add, CancellationToken cancellationToken) =>
            _statements.OperationOf(add, cancellationToken) is IInvocationOperation invocation
                ? FromCreations(invocation, _options(add.SyntaxTree)).Add(GatingFilter(invocation) ? IdentityMetadata.RealNameRequired : IdentityMetadata.None)
                : IdentityMetadata.None;

        /// <summary>
        /// Whether a filter registration (<c>Filters.Add&lt;T&gt;()</c>, <c>Filters.Add(typeof(T))</c>,
        /// <c>Filters.AddService&lt;T&gt;()</c>, <c>.AddEndpointFilter&lt;T&gt;()</c>, <c>.AddEndpointFilter(async (context, next) => ...)</c>)
        /// names a filter that gates identity first (see <see cref="IdentityGates"/>). Filter objects (<c>new T()</c>) are read as creations.
        /// </summary>
        private bool GatingFilter(IInvocationOperation registration)
        {
            foreach (var typeArgument in registration.TargetMethod.TypeArguments)
            {
                if (typeArgument is INamedTypeSymbol filter && _gates.FilterGates(filter, CancellationToken.None))
                {
                    return true;
                }
            }

            foreach (var argument in registration.Arguments)
            {
                if (argument.Value is ITypeOfOperation { TypeOperand: INamedTypeSymbol filter } && _gates.FilterGates(filter, CancellationToken.None))
                {
                    return true;
                }

                if (_gates.DelegateGates(argument.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Attributes and filters created in <paramref name="operation"/> (metadata objects), with their policy.</summary>
        private IdentityMetadata FromCreations(IOperation operation, FlowOptions options)
        {
            var metadata = IdentityMetadata.None;
            foreach (var creation in operation.Descendants().OfType<IObjectCreationOperation>())
            {
                var policy = creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                    .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "Policy" })
                    .Select(a => a.Value.ConstantValue.Value as string).FirstOrDefault()
                    ?? creation.Arguments.Select(a => a.Value.ConstantValue.Value as string).FirstOrDefault(s => s != null);
                metadata = metadata.Add(FromAttribute(creation.Type as INamedTypeSymbol, policy, options, CancellationToken.None));
            }

            return metadata;
        }

        private static List<string> ConstantStrings(IInvocationOperation invocation)
        {
            var values = new List<string>();
            foreach (var argument in invocation.Arguments.Skip(invocation.TargetMethod.IsExtensionMethod ? 1 : 0))
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is string value)
                    {
                        values.Add(value);
                    }
                }
            }

            return values;
        }

        /// <summary>Statements that apply conventions to a builder variable: <c>group.RequireRealName();</c>.</summary>
        private IdentityMetadata StatementsOn(ILocalSymbol local, FlowOptions options, CancellationToken cancellationToken)
        {
            local = _statements.Original(local, cancellationToken);
            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            var scope = declaration?.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax || a is CompilationUnitSyntax || a is AnonymousFunctionExpressionSyntax);
            if (scope == null)
            {
                return IdentityMetadata.None;
            }

            var metadata = IdentityMetadata.None;
            foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name: var name } &&
                    target.Identifier.ValueText == local.Name &&
                    ConventionNames.Contains(name.Identifier.ValueText) &&
                    _statements.OperationOf(call, cancellationToken) is IInvocationOperation invocation &&
                    ReceiverOf(invocation) is ILocalReferenceOperation reference &&
                    SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    metadata = metadata.Add(Apply(invocation, options));
                }
            }

            return metadata;
        }

        private IOperation? InitializerOf(ILocalSymbol local, CancellationToken cancellationToken)
        {
            local = _statements.Original(local, cancellationToken);
            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
            if (declaration?.Initializer?.Value is not { } value)
            {
                return null;
            }

            return _statements.OperationOf(value, cancellationToken);
        }

        private static ILocalSymbol? StoredLocal(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
                _ => null,
            };
        }

        /// <summary>The object a call is made on: the instance, or the first argument of an extension method.</summary>
        public static IOperation? ReceiverOf(IInvocationOperation invocation)
        {
            if (invocation.Instance != null)
            {
                return invocation.Instance;
            }

            return invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
                ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value
                : null;
        }

        /// <summary>Tuple keys compare symbols with the symbol comparer, not by reference.</summary>
        private sealed class LocalAtDepthComparer : IEqualityComparer<(ILocalSymbol Local, int Depth)>
        {
            public static readonly LocalAtDepthComparer Instance = new LocalAtDepthComparer();

            public bool Equals((ILocalSymbol Local, int Depth) x, (ILocalSymbol Local, int Depth) y) =>
                x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Local, y.Local);

            public int GetHashCode((ILocalSymbol Local, int Depth) key) =>
                (SymbolEqualityComparer.Default.GetHashCode(key.Local) * 31) + key.Depth;
        }
    }
}
