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
    /// The functions the model calls (tool calling), whose data arguments the model writes: methods marked with a
    /// catalogue attribute (<c>[KernelFunction]</c>) and delegates handed to a catalogue factory
    /// (<c>AIFunctionFactory.Create(SendAsync)</c>, <c>AIFunctionFactory.Create((string text) => ...)</c>). The factory
    /// calls are found by name in the project's syntax and bound once per compilation, on first use; a project without
    /// the factories' packages never binds anything.
    /// </summary>
    internal sealed class ModelFunctions
    {
        private readonly ProjectSyntax _syntax;
        private readonly SemanticModelCache _models;
        private readonly ApiCatalogue _catalogue;
        private readonly object _gate = new object();
        private Registered? _registered;

        public ModelFunctions(ProjectSyntax syntax, SemanticModelCache models, ApiCatalogue catalogue)
        {
            _syntax = syntax;
            _models = models;
            _catalogue = catalogue;
        }

        /// <summary>Whether the model calls this method, so its data parameters hold generated content.</summary>
        public bool IsModelInvoked(IMethodSymbol method, CancellationToken cancellationToken) =>
            ApiCatalogue.IsModelInvokedFunction(method) ||
            (_catalogue.HasModelFunctionFactories && Get(cancellationToken).Methods.Contains(method.OriginalDefinition));

        /// <summary>Whether the body makes a lambda into a model-called function (it is then worth analysing, to run the lambda).</summary>
        public bool CreatesLambdaFunctionsIn(SyntaxNode body, CancellationToken cancellationToken)
        {
            if (!_catalogue.HasModelFunctionFactories)
            {
                return false;
            }

            foreach (var call in Get(cancellationToken).LambdaCalls)
            {
                if (call.SyntaxTree == body.SyntaxTree && body.Span.Contains(call.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private Registered Get(CancellationToken cancellationToken)
        {
            if (_registered != null)
            {
                return _registered;
            }

            lock (_gate)
            {
                return _registered ??= Bind(cancellationToken);
            }
        }

        private Registered Bind(CancellationToken cancellationToken)
        {
            var methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var lambdaCalls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            foreach (var call in _syntax.ModelFunctionFactoryCalls(cancellationToken))
            {
                if (_models.GetModel(call.SyntaxTree)?.GetOperation(call, cancellationToken) is not IInvocationOperation invocation ||
                    !_catalogue.IsModelFunctionFactory(invocation.TargetMethod))
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    switch (Delegate(argument.Value))
                    {
                        case IMethodReferenceOperation reference:
                            methods.Add(reference.Method.OriginalDefinition);
                            break;
                        case IAnonymousFunctionOperation:
                            lambdaCalls.Add(call);
                            break;
                    }
                }
            }

            return new Registered(methods, lambdaCalls.ToImmutable());
        }

        private static IOperation? Delegate(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is IDelegateCreationOperation creation ? creation.Target : null;
        }

        private sealed class Registered
        {
            public Registered(HashSet<IMethodSymbol> methods, ImmutableArray<InvocationExpressionSyntax> lambdaCalls)
            {
                Methods = methods;
                LambdaCalls = lambdaCalls;
            }

            /// <summary>Methods handed to a factory as method groups (their declarations are analysed as model-called).</summary>
            public HashSet<IMethodSymbol> Methods { get; }

            /// <summary>Factory calls given a lambda (run where they are created, by the interpreter).</summary>
            public ImmutableArray<InvocationExpressionSyntax> LambdaCalls { get; }
        }
    }
}
