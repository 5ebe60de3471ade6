using System;
using System.Collections.Generic;
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
    /// Component state the user types into: the members a Razor component binds to its inputs. The generator writes
    /// <c>@bind="Prompt"</c> as <c>EventCallback.Factory.CreateBinder(this, __value => Prompt = __value, Prompt)</c>,
    /// <c>@bind-Value="model.Prompt"</c> as a callback lambda nested in <c>EventCallback.Factory.Create&lt;string&gt;(...)</c>,
    /// and <c>@oninput="e => Prompt = e.Value?.ToString()"</c> as a lambda taking the event's value. A member assigned
    /// from such a lambda's parameter is user input wherever the component reads it: the component counterpart of a
    /// Razor Page's <c>[BindProperty]</c>. The factories are catalogue rows (<see cref="KnownApis.BoundValueCallbackFactories"/>);
    /// one syntax scan of the Razor output per compilation, on first use, binding only the assignments found.
    /// </summary>
    internal sealed class BoundInputs
    {
        private readonly Dictionary<ISymbol, Location> _members = new Dictionary<ISymbol, Location>(SymbolEqualityComparer.Default);

        private BoundInputs(Compilation compilation, SemanticModelCache models, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!RazorGeneratedCode.IsRazorOutput(tree))
                {
                    continue;
                }

                foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (SurfaceEntryPoints.IsEventCallbackFactoryCall(call) && models.GetModel(tree) is { } model && IsBoundValueFactory(model, call, cancellationToken))
                    {
                        AddAssignedFromLambdaParameters(model, call, cancellationToken);
                    }
                }
            }
        }

        public static BoundInputs For(Compilation compilation, SemanticModelCache models, CancellationToken cancellationToken) =>
            new BoundInputs(compilation, models, cancellationToken);

        public bool IsEmpty => _members.Count == 0;

        /// <summary>Where the component binds this member to an input (mapped to the .razor file), or null when it does not.</summary>
        public Location? BindingOf(ISymbol member) => _members.TryGetValue(member.OriginalDefinition, out var location) ? location : null;

        private static bool IsBoundValueFactory(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            var symbol = model.GetSymbolInfo(call, cancellationToken);
            var method = symbol.Symbol as IMethodSymbol ?? symbol.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault();
            var type = (method?.ReducedFrom ?? method)?.DeclaringType()?.FullName();
            return type != null && KnownApis.BoundValueCallbackFactories.Contains(type);
        }

        private void AddAssignedFromLambdaParameters(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            foreach (var lambda in call.ArgumentList.DescendantNodes().OfType<LambdaExpressionSyntax>())
            {
                var parameters = ParameterNames(lambda);
                if (parameters.Count == 0)
                {
                    continue;   // () => Ask(item): a click, not a value the user entered
                }

                foreach (var assignment in lambda.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && Mentions(assignment.Right, parameters) &&
                        model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is { Kind: SymbolKind.Field or SymbolKind.Property } member &&
                        !_members.ContainsKey(member.OriginalDefinition))
                    {
                        _members.Add(member.OriginalDefinition, assignment.GetLocation());
                    }
                }
            }
        }

        private static HashSet<string> ParameterNames(LambdaExpressionSyntax lambda)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            switch (lambda)
            {
                case SimpleLambdaExpressionSyntax simple:
                    names.Add(simple.Parameter.Identifier.ValueText);
                    break;
                case ParenthesizedLambdaExpressionSyntax parenthesized:
                    foreach (var parameter in parenthesized.ParameterList.Parameters)
                    {
                        names.Add(parameter.Identifier.ValueText);
                    }

                    break;
            }

            return names;
        }

        private static bool Mentions(ExpressionSyntax expression, HashSet<string> names) =>
            expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => names.Contains(i.Identifier.ValueText));
    }
}
