using System.Collections.Concurrent;
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
    /// Code that runs in front of endpoints and verifies real identity for them: a middleware or filter body (a lambda,
    /// or a method of a middleware or filter type) whose top-level statements call an identity gate (a step that throws
    /// unless the user is verified: a non-boolean [IdentityVerifier] method such as <c>IRealNameGate.EnsureVerifiedAsync</c>)
    /// before any statement that calls the next delegate, or checks a boolean one and leaves when it fails
    /// (<c>if (!await gate.IsVerifiedAsync(id)) { ...; return; }</c>, or calls next only when it holds). A gate inside
    /// another branch, after <c>next</c>, or a boolean result not acted on is not counted.
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
            var verifiedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            for (var i = 0; i < body.Operations.Length; i++)
            {
                var statement = body.Operations[i];
                if (statement is IConditionalOperation check && IsBooleanGate(check.Condition, verifiedLocals, out var whenVerified))
                {
                    // if (!await gate.IsVerifiedAsync(id)) { context.Response.StatusCode = 403; return; } ... await next();
                    if (!whenVerified && AlwaysLeaves(check.WhenTrue))
                    {
                        return true;
                    }

                    // if (await gate.IsVerifiedAsync(id)) { await next(); }: only a verified request goes on.
                    if (whenVerified && CallsNext(check.WhenTrue) && (check.WhenFalse == null || !CallsNext(check.WhenFalse)) && !body.Operations.Skip(i + 1).Any(CallsNext))
                    {
                        return true;
                    }
                }

                if (CallsNext(statement))
                {
                    return false;
                }

                var operation = statement is IExpressionStatementOperation expression ? expression.Operation : null;
                if (operation is IAwaitOperation awaited)
                {
                    operation = awaited.Operation;
                }

                if (operation is IInvocationOperation gate && IsGate(gate) && !ApiCatalogue.ReturnsBoolean(gate.TargetMethod.ReturnType))
                {
                    return true;
                }

                // var verified = await gate.IsVerifiedAsync(id); if (!verified) { ...; return; }
                if (statement is IVariableDeclarationGroupOperation declarations)
                {
                    foreach (var declarator in declarations.Declarations.SelectMany(d => d.Declarators))
                    {
                        if (declarator.Initializer?.Value is { } value && IsBooleanGate(value, verifiedLocals, out var direct) && direct)
                        {
                            verifiedLocals.Add(declarator.Symbol);
                        }
                    }
                }
            }

            return false;
        }

        private bool IsGate(IInvocationOperation call) =>
            _catalogue.GetRole(call.TargetMethod).Step is { } step && Rules.DutyTable.RealNameEndpointFacts.Has(step.Fact);

        /// <summary>
        /// A boolean identity check (<c>await gate.IsVerifiedAsync(id)</c>, a local holding one, negated with <c>!</c> or
        /// compared with <c>false</c>); <paramref name="whenVerified"/> is the condition's value for a verified user.
        /// </summary>
        private bool IsBooleanGate(IOperation condition, HashSet<ILocalSymbol> verifiedLocals, out bool whenVerified)
        {
            whenVerified = true;
            while (true)
            {
                switch (condition)
                {
                    case IConversionOperation conversion:
                        condition = conversion.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        condition = awaited.Operation;
                        continue;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        whenVerified = !whenVerified;
                        condition = not.Operand;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                        when comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool constant }:
                        whenVerified = whenVerified == (constant == (comparison.OperatorKind == BinaryOperatorKind.Equals));
                        condition = comparison.LeftOperand;
                        continue;
                }

                break;
            }

            return condition switch
            {
                IInvocationOperation call => IsGate(call) && ApiCatalogue.ReturnsBoolean(call.TargetMethod.ReturnType),
                ILocalReferenceOperation local => verifiedLocals.Contains(local.Local),
                _ => false,
            };
        }

        private static bool CallsNext(IOperation operation) =>
            operation.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i => i.TargetMethod.MethodKind == MethodKind.DelegateInvoke);

        /// <summary>A branch that ends the request: its last statement returns or throws (and it does not call next).</summary>
        private static bool AlwaysLeaves(IOperation branch)
        {
            var last = branch is IBlockOperation block ? block.Operations.LastOrDefault() : branch;
            if (last is IExpressionStatementOperation { Operation: IThrowOperation })
            {
                return !CallsNext(branch);
            }

            return last is IReturnOperation or IThrowOperation && !CallsNext(branch);
        }
    }
}
