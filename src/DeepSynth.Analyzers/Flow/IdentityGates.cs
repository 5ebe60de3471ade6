using System.Collections.Concurrent;
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
    /// Code that runs in front of endpoints and verifies real identity for them: a middleware or filter body (a lambda,
    /// or a method of a middleware or filter type) whose top-level statements call an identity gate (a step that throws
    /// unless the user is verified: a non-boolean [IdentityVerifier] method such as <c>IRealNameGate.EnsureVerifiedAsync</c>)
    /// before any statement that calls the next delegate. A gate inside a branch, after <c>next</c>, or a boolean check
    /// is not counted: the analysis cannot see that the request stops when it fails.
    /// </summary>
    internal sealed class IdentityGates
    {
        private readonly StatementOperations _statements;
        private readonly ApiCatalogue _catalogue;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _filterTypes = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        public IdentityGates(StatementOperations statements, ApiCatalogue catalogue)
        {
            _statements = statements;
            _catalogue = catalogue;
        }

        /// <summary>Whether a filter type declared here (or a source base of it) gates identity in one of <see cref="KnownApis.FilterGateMethods"/>.</summary>
        public bool FilterGates(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            _filterTypes.GetOrAdd(type.OriginalDefinition, t => TypeGates(t, KnownApis.FilterGateMethods, cancellationToken));

        /// <summary>Whether a method of <paramref name="type"/> named in <paramref name="methods"/> has a body that gates identity first.</summary>
        public bool TypeGates(INamedTypeSymbol type, ImmutableHashSet<string> methods, CancellationToken cancellationToken)
        {
            for (var t = type; t != null && t.DeclaringSyntaxReferences.Length > 0; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IMethodSymbol method && methods.Contains(method.Name) &&
                        method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is BaseMethodDeclarationSyntax { Body: { } body } &&
                        _statements.OperationOf(body, cancellationToken) is IBlockOperation block && GatesBeforeNext(block))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a delegate argument (<c>app.Use(async (context, next) => ...)</c>) is a lambda whose body gates identity first.</summary>
        public bool DelegateGates(IOperation value)
        {
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            return value is IAnonymousFunctionOperation { Body: { } body } && GatesBeforeNext(body);
        }

        private bool GatesBeforeNext(IBlockOperation body)
        {
            foreach (var statement in body.Operations)
            {
                if (statement.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i => i.TargetMethod.MethodKind == MethodKind.DelegateInvoke))
                {
                    return false;
                }

                var operation = statement is IExpressionStatementOperation expression ? expression.Operation : null;
                if (operation is IAwaitOperation awaited)
                {
                    operation = awaited.Operation;
                }

                if (operation is IInvocationOperation gate && _catalogue.GetRole(gate.TargetMethod).Step is { } step &&
                    Rules.DutyTable.RealNameEndpointFacts.Has(step.Fact) && !ApiCatalogue.ReturnsBoolean(gate.TargetMethod.ReturnType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
