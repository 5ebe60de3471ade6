using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Entry points the framework calls through a base class or an event binding rather than a route: Razor component and
    /// page rendering, component lifecycle and event handlers, gRPC service methods. The rows are in
    /// <see cref="KnownApis"/>; this decides which methods match them.
    /// </summary>
    internal sealed class SurfaceEntryPoints
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableHashSet<string>> _boundHandlers =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableHashSet<string>>(SymbolEqualityComparer.Default);

        public EntryKind KindOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsStatic)
            {
                return EntryKind.None;
            }

            if (OverridesAny(method, KnownApis.RenderMethods))
            {
                // An MVC view renders inside the action that returned it: that action is the entry point and answers for
                // real name on its path, so the view's writes are publish points of a helper, not of an entry.
                return DerivesFrom(method.ContainingType, KnownApis.RazorViewBaseType) && !DerivesFrom(method.ContainingType, KnownApis.RazorPageType)
                    ? EntryKind.None
                    : EntryKind.PageRender;
            }

            if (DerivesFrom(method.ContainingType, KnownApis.ComponentBaseType) &&
                (OverridesAny(method, KnownApis.ComponentLifecycleMethods) || BoundHandlers(method.ContainingType, cancellationToken).Contains(method.Name)))
            {
                return EntryKind.ComponentHandler;
            }

            return IsBoundServiceMethod(method) || ImplementsServiceContract(method) ? EntryKind.GrpcMethod : EntryKind.None;
        }

        /// <summary>A public method implementing a method of a code-first gRPC contract (<see cref="KnownApis.ServiceContractAttributes"/>).</summary>
        private static bool ImplementsServiceContract(IMethodSymbol method)
        {
            if (method.DeclaredAccessibility != Accessibility.Public || method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                if (!@interface.GetAttributes().Any(a => a.AttributeClass != null && KnownApis.ServiceContractAttributes.Contains(a.AttributeClass.FullName())))
                {
                    continue;
                }

                foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The page model a Razor page renders (<c>@model IndexModel</c>): its attributes guard the page too.</summary>
        public static INamedTypeSymbol? PageModelOf(INamedTypeSymbol page, INamedTypeSymbol? pageModelType)
        {
            if (pageModelType == null)
            {
                return null;
            }

            foreach (var property in page.GetMembers("Model").OfType<IPropertySymbol>())
            {
                if (property.Type is INamedTypeSymbol model && ApiCatalogue.InheritsFrom(model, pageModelType))
                {
                    return model;
                }
            }

            return null;
        }

        /// <summary>True when the method overrides one of the rows' base methods (directly or through intermediate classes).</summary>
        public static bool OverridesAny(IMethodSymbol method, ImmutableArray<MemberRef> rows)
        {
            if (!method.IsOverride)
            {
                return false;
            }

            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                var typeName = overridden.ContainingType?.FullName();
                if (rows.Any(r => r.Member == overridden.Name && r.TypeName == typeName))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An override of a virtual method of a generated service base class bound by [BindServiceMethod] (gRPC).</summary>
        private static bool IsBoundServiceMethod(IMethodSymbol method)
        {
            if (!method.IsOverride || method.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                if (overridden.ContainingType is { } type &&
                    type.GetAttributes().Any(a => a.AttributeClass != null && KnownApis.ServiceBindingAttributes.Contains(a.AttributeClass.FullName())))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool DerivesFrom(INamedTypeSymbol? type, string metadataName)
        {
            for (var t = type?.BaseType; t != null; t = t.BaseType)
            {
                if (t.FullName() == metadataName)
                {
                    return true;
                }
            }

            return false;
        }

        private ImmutableHashSet<string> BoundHandlers(INamedTypeSymbol component, CancellationToken cancellationToken) =>
            _boundHandlers.GetOrAdd(component.OriginalDefinition, type => FindBoundHandlers(type, cancellationToken));

        /// <summary>
        /// Names of methods the component binds to events: what the Razor generator writes for <c>@onclick="Ask"</c> or
        /// <c>@onclick="() => Ask(item)"</c> is <c>EventCallback.Factory.Create(this, Ask)</c> (or a lambda calling it),
        /// in the component's own declarations. Matching by name is enough: the method must be a member of the component.
        /// </summary>
        private static ImmutableHashSet<string> FindBoundHandlers(INamedTypeSymbol component, CancellationToken cancellationToken)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var reference in component.DeclaringSyntaxReferences)
            {
                foreach (var call in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (IsEventCallbackFactoryCall(call))
                    {
                        foreach (var argument in call.ArgumentList.Arguments)
                        {
                            AddHandlerNames(argument.Expression, names);
                        }
                    }
                }
            }

            return names.ToImmutable();
        }

        /// <summary><c>EventCallback.Factory.Create*(...)</c> by syntax: what the generator writes for every event and bind attribute.</summary>
        internal static bool IsEventCallbackFactoryCall(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax { Name: var name, Expression: var factory } &&
            name.Identifier.ValueText.StartsWith("Create", StringComparison.Ordinal) && LastName(factory) == "Factory";

        private static void AddHandlerNames(ExpressionSyntax expression, ImmutableHashSet<string>.Builder names)
        {
            if (LastName(expression) is { } group)
            {
                names.Add(group);
                return;
            }

            if (expression is LambdaExpressionSyntax lambda)
            {
                foreach (var call in lambda.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (call.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
                    {
                        names.Add(LastName(call.Expression)!);
                    }
                }
            }
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
