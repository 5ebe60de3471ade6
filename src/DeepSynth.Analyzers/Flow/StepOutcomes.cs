using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Whether the result of a compliance step call is used (DSYN008). Read from the syntax around the call, which the
    /// control-flow graph rewrites: a result is ignored when its statement discards it, it goes to the discard <c>_</c>, it
    /// lands in a local that is never read, or it is only written to a log or the console. Anything else (a condition, a
    /// pattern, a return, an argument, a field) counts as used: a rule about ignored results must not guess at use.
    /// </summary>
    internal static class StepOutcomes
    {
        /// <summary>Locals read through other locals (var ok = check; var go = ok;) are followed this deep.</summary>
        private const int MaxLocalHops = 3;

        public static bool IsIgnored(SyntaxNode call, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (model == null || !(call is ExpressionSyntax expression))
            {
                return false;
            }

            try
            {
                return !IsUsed(expression, model, MaxLocalHops, cancellationToken);
            }
            catch (ArgumentException)
            {
                // A node of another tree than the model's (never expected): assume the result is used.
                return false;
            }
        }

        private static bool IsUsed(ExpressionSyntax value, SemanticModel model, int hops, CancellationToken cancellationToken)
        {
            SyntaxNode node = value;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parent = node.Parent;
                switch (parent)
                {
                    case null:
                        return true;
                    case ParenthesizedExpressionSyntax _:
                    case AwaitExpressionSyntax _:
                    case CastExpressionSyntax _:
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                        node = parent;
                        continue;
                    case MemberAccessExpressionSyntax member when member.Expression == node:
                        // task.ConfigureAwait(false), result.Value, verdict.IsAllowed: the chain goes on from the member.
                        node = member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member ? invocation : (SyntaxNode)member;
                        continue;
                    case ConditionalAccessExpressionSyntax conditional when conditional.Expression == node:
                        node = conditional;
                        continue;
                    case InterpolationSyntax interpolation when interpolation.Parent is InterpolatedStringExpressionSyntax text:
                        node = text;
                        continue;
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation when model.GetTypeInfo(concatenation, cancellationToken).Type?.SpecialType == SpecialType.System_String:
                        node = concatenation;
                        continue;
                    case ExpressionStatementSyntax _:
                        return false;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                        return model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local
                            ? IsRead(local, declarator, model, hops, cancellationToken)
                            : true;
                    case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when assignment.Right == node:
                        var target = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                        if (target is IDiscardSymbol || (target == null && assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "_" }))
                        {
                            return false;
                        }

                        return target is ILocalSymbol assigned ? IsRead(assigned, assignment, model, hops, cancellationToken) : true;
                    case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax logging } }:
                        return !IsLogging(model.GetSymbolInfo(logging, cancellationToken).Symbol as IMethodSymbol);
                    default:
                        return true;
                }
            }
        }

        /// <summary>Whether the local is read (not only written) somewhere in the body that declares it, in a way that uses it.</summary>
        private static bool IsRead(ILocalSymbol local, SyntaxNode declaration, SemanticModel model, int hops, CancellationToken cancellationToken)
        {
            if (hops <= 0)
            {
                return true;
            }

            var scope = declaration.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax ||
                                                                     a is AnonymousFunctionExpressionSyntax || a is AccessorDeclarationSyntax ||
                                                                     a is GlobalStatementSyntax)
                        ?? declaration.SyntaxTree.GetRoot(cancellationToken);
            if (scope is GlobalStatementSyntax)
            {
                scope = scope.Parent ?? scope;
            }

            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != local.Name || name.SpanStart == declaration.SpanStart)
                {
                    continue;
                }

                if (name.Parent is AssignmentExpressionSyntax written && written.Left == name)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local) &&
                    IsUsed(name, model, hops - 1, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>ILogger and its extensions, the console, Debug and Trace: writing a result down is not acting on it.</summary>
        private static bool IsLogging(IMethodSymbol? method)
        {
            var type = (method?.ReducedFrom ?? method)?.DeclaringType();
            if (type == null)
            {
                return false;
            }

            var ns = type.ContainingNamespace?.FullName() ?? string.Empty;
            return ns == "Microsoft.Extensions.Logging" || ns.StartsWith("Microsoft.Extensions.Logging.", StringComparison.Ordinal) ||
                   (ns == "System" && type.Name == "Console") ||
                   (ns == "System.Diagnostics" && (type.Name == "Debug" || type.Name == "Trace"));
        }
    }
}
