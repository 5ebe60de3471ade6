using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Content a component hands to a child component declared here: <c>&lt;MessageList Messages="@messages" /&gt;</c> is
    /// written by the generator as <c>__builder.OpenComponent&lt;MessageList&gt;(1); __builder.AddComponentParameter(2,
    /// nameof(MessageList.Messages), messages)</c> (<c>AddAttribute(2, "Messages", ...)</c> before .NET 8). That is not a
    /// publish: the child renders it. The call stores the value into the child's <c>[Parameter]</c> property, and the
    /// parent's render is a writer of that property, so the child's render reads what every parent passes (one abstract
    /// object per property, like any store). Which components render a child also decides who answers for real name at
    /// the child's render: a component without a route is shown only inside its parents.
    /// One syntax scan of the Razor output per compilation, on first use, binding only these calls.
    /// </summary>
    internal sealed class ComponentParameters
    {
        private readonly Dictionary<SyntaxNode, IPropertySymbol> _targets = new Dictionary<SyntaxNode, IPropertySymbol>();
        private readonly Dictionary<ISymbol, ImmutableArray<IMethodSymbol>> _writers = new Dictionary<ISymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> _parents = new Dictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);

        private ComponentParameters(Compilation compilation, SemanticModelCache models, CancellationToken cancellationToken)
        {
            var writers = new Dictionary<ISymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            var parents = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!RazorGeneratedCode.IsRazorOutput(tree) || models.GetModel(tree) is not { } model)
                {
                    continue;
                }

                foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (OpenedComponent(model, call, cancellationToken) is { } child && FlowEngine.EnclosingMethod(model, call.SpanStart, cancellationToken) is { ContainingType: { } parent })
                    {
                        Add(parents, child.OriginalDefinition, parent.OriginalDefinition);
                        continue;
                    }

                    if (ParameterSet(model, call, cancellationToken) is { } parameter && FlowEngine.EnclosingMethod(model, call.SpanStart, cancellationToken) is { } writer)
                    {
                        _targets[call] = parameter;
                        Add(writers, parameter, writer);
                    }
                }
            }

            foreach (var pair in writers)
            {
                _writers[pair.Key] = pair.Value.ToImmutableArray();
            }

            foreach (var pair in parents)
            {
                _parents[pair.Key] = pair.Value.ToImmutableArray();
            }
        }

        public static ComponentParameters For(Compilation compilation, SemanticModelCache models, CancellationToken cancellationToken) =>
            new ComponentParameters(compilation, models, cancellationToken);

        /// <summary>The child's parameter this render-tree call sets with content, or null when it publishes (a library component, an element).</summary>
        public IPropertySymbol? TargetOf(SyntaxNode call) => _targets.TryGetValue(call, out var parameter) ? parameter : null;

        /// <summary>The renders that hand content to this parameter.</summary>
        public ImmutableArray<IMethodSymbol> WritersOf(ISymbol member) =>
            _writers.TryGetValue(member.OriginalDefinition, out var writers) ? writers : ImmutableArray<IMethodSymbol>.Empty;

        /// <summary>The components whose render opens this one (empty when no compiled component does).</summary>
        public ImmutableArray<INamedTypeSymbol> ParentsOf(INamedTypeSymbol component) =>
            _parents.TryGetValue(component.OriginalDefinition, out var found) ? found : ImmutableArray<INamedTypeSymbol>.Empty;

        private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<TValue>();
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        /// <summary><c>__builder.OpenComponent&lt;T&gt;(n)</c> of a component declared here: T.</summary>
        private static INamedTypeSymbol? OpenedComponent(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: KnownApis.OpenComponentMethod } generic } ||
                generic.TypeArgumentList.Arguments.Count != 1)
            {
                return null;
            }

            return model.GetTypeInfo(generic.TypeArgumentList.Arguments[0], cancellationToken).Type is INamedTypeSymbol type && IsDeclaredComponent(type) ? type : null;
        }

        /// <summary>
        /// <c>AddComponentParameter(n, nameof(Child.P), value)</c> or <c>AddAttribute(n, "P", value)</c> after
        /// <c>OpenComponent&lt;Child&gt;</c>: P, when it is a content-carrying <c>[Parameter]</c> of a component declared here.
        /// </summary>
        private static IPropertySymbol? ParameterSet(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax { Identifier.ValueText: var method } } ||
                !KnownApis.ComponentParameterMethods.Contains(method) || call.ArgumentList.Arguments.Count != 3)
            {
                return null;
            }

            var name = call.ArgumentList.Arguments[1].Expression;
            IPropertySymbol? parameter = null;
            if (name is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } nameofArguments })
            {
                var info = model.GetSymbolInfo(nameofArguments[0].Expression, cancellationToken);
                parameter = (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) as IPropertySymbol;
            }
            else if (name is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
                     PrecedingComponent(model, call, cancellationToken) is { } component)
            {
                parameter = component.GetMembers(literal.Token.ValueText).OfType<IPropertySymbol>().FirstOrDefault();
            }

            return parameter != null && IsDeclaredComponent(parameter.ContainingType) && TypeFilter.CanHoldContent(parameter.Type) &&
                   !IsCallbackOrFragment(parameter.Type) &&
                   parameter.GetAttributes().Any(a => a.AttributeClass?.FullName() == KnownApis.ComponentParameterAttribute)
                ? (IPropertySymbol)parameter.OriginalDefinition
                : null;
        }

        /// <summary>The component the nearest <c>OpenComponent&lt;T&gt;</c> before this call in its block opens (the generator writes them in sequence).</summary>
        private static INamedTypeSymbol? PrecedingComponent(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            if (call.Parent is not ExpressionStatementSyntax statement || statement.Parent is not BlockSyntax block)
            {
                return null;
            }

            for (var i = block.Statements.IndexOf(statement) - 1; i >= 0; i--)
            {
                if (block.Statements[i] is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax previous })
                {
                    if (OpenedComponent(model, previous, cancellationToken) is { } component)
                    {
                        return component;
                    }

                    if (previous.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } &&
                        (name.StartsWith("Open", StringComparison.Ordinal) || name.StartsWith("Close", StringComparison.Ordinal)))
                    {
                        return null;
                    }
                }
            }

            return null;
        }

        private static bool IsDeclaredComponent(INamedTypeSymbol? type) =>
            type != null && type.Locations.Any(l => l.IsInSource) && SurfaceEntryPoints.DerivesFrom(type, KnownApis.ComponentBaseType);

        /// <summary>Event callbacks and render fragments are code, not content: their lambdas run in the parent's render.</summary>
        private static bool IsCallbackOrFragment(ITypeSymbol type) =>
            type.TypeKind == TypeKind.Delegate ||
            (type.ContainingNamespace?.FullName() == "Microsoft.AspNetCore.Components" && type.Name.StartsWith("EventCallback", StringComparison.Ordinal));
    }
}
