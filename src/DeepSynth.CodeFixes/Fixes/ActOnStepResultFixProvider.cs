using System.Composition;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Rules;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN008: acts on the result of a compliance step. A discarded labeled copy is assigned back to what was labeled
    /// (<c>text = labeler.Label(text);</c>); after a verdict or a check whose result is ignored, an <c>if</c> leaves the
    /// handler when the result says no (<c>return Forbid();</c>, <c>return Results.UnprocessableEntity();</c>, <c>return;</c>,
    /// else <c>throw</c>), so blocked content is never published.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ActOnStepResultFixProvider)), Shared]
    public sealed class ActOnStepResultFixProvider : ComplianceCodeFixProvider
    {
        public ActOnStepResultFixProvider()
            : base(RuleIds.IgnoredStepResult, new FixVariant("DSYN008.Act", "Act on the result of the compliance step (处理合规措施的结果)"))
        {
        }

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (call == null || !diagnostic.Properties.TryGetValue(FindingCollector.OutcomeProperty, out var outcome))
            {
                return false;
            }

            // The whole expression whose value is dropped: the call, or "await call", "await call.ConfigureAwait(false)".
            ExpressionSyntax result = call;
            while (result.Parent is AwaitExpressionSyntax || result.Parent is ParenthesizedExpressionSyntax ||
                   (result.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member && member.Parent is InvocationExpressionSyntax))
            {
                result = result.Parent is MemberAccessExpressionSyntax ? (ExpressionSyntax)result.Parent.Parent! : (ExpressionSyntax)result.Parent;
            }

            return outcome == "LabeledCopyDiscarded" ? UseLabeledCopy(session, call, result, cancellationToken) : Guard(session, result, outcome == "VerdictNotActedOn", cancellationToken);
        }

        /// <summary>"labeler.Label(text);" becomes "text = labeler.Label(text);" when the copy can go where the original was.</summary>
        private static bool UseLabeledCopy(FixSession session, InvocationExpressionSyntax call, ExpressionSyntax result, CancellationToken cancellationToken)
        {
            // "labeler.Label(text);" or a copy stored in a local nobody reads ("var shown = labeler.Label(text);").
            StatementSyntax? statement = result.Parent as ExpressionStatementSyntax;
            if (result.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax unread } } })
            {
                statement = unread;
            }

            if (statement == null || call.ArgumentList.Arguments.FirstOrDefault()?.Expression is not { } original)
            {
                return false;
            }

            var target = session.Model.GetSymbolInfo(original, cancellationToken).Symbol;
            var writable = target is ILocalSymbol || target is IParameterSymbol { RefKind: RefKind.None } ||
                           target is IFieldSymbol { IsReadOnly: false, IsConst: false } || target is IPropertySymbol { SetMethod: not null };
            var copyType = session.Model.GetTypeInfo(result, cancellationToken).Type;
            var originalType = session.Model.GetTypeInfo(original, cancellationToken).Type;
            if (!writable || copyType == null || originalType == null || !session.Model.Compilation.ClassifyConversion(copyType, originalType).IsImplicit)
            {
                return false;
            }

            session.Replace(statement, ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, original.WithoutTrivia(), result.WithoutTrivia())));
            return true;
        }

        /// <summary>Leaves the handler when the verdict or check says no, right where its result is known.</summary>
        private static bool Guard(FixSession session, ExpressionSyntax result, bool verdict, CancellationToken cancellationToken)
        {
            var type = session.Model.GetTypeInfo(result, cancellationToken).Type;
            if (type == null)
            {
                return false;
            }

            if (result.Parent is ExpressionStatementSyntax dropped)
            {
                if (type.SpecialType == SpecialType.System_Boolean)
                {
                    // await gate.IsVerifiedAsync(id); -> if (!await gate.IsVerifiedAsync(id)) { leave }
                    session.Replace(dropped, Leave(session, PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, ParenthesizedIfNeeded(result.WithoutTrivia())), verdict));
                    return true;
                }

                var name = session.UniqueName(verdict ? "verdict" : "checkResult");
                var blocked = Blocked(IdentifierName(name), type);
                if (blocked == null)
                {
                    return false;
                }

                var declaration = LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"), SingletonSeparatedList(VariableDeclarator(name).WithInitializer(EqualsValueClause(result.WithoutTrivia())))));

                // Insert first: the editor finds the statement to insert after only while it is not yet replaced.
                if (!session.InsertAfter(dropped, Leave(session, blocked, verdict)))
                {
                    return false;
                }

                session.Replace(dropped, declaration);
                return true;
            }

            if (result.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } &&
                declarator.Parent?.Parent is LocalDeclarationStatementSyntax local && local.Declaration.Variables.Count == 1)
            {
                var blocked = Blocked(IdentifierName(declarator.Identifier.ValueText), type);
                return blocked != null && session.InsertAfter(local, Leave(session, blocked, verdict));
            }

            return false;
        }

        /// <summary>The condition under which the result says no: !ok, !verdict.IsAllowed, moderation.Flagged (through ClientResult.Value).</summary>
        private static ExpressionSyntax? Blocked(ExpressionSyntax value, ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Boolean)
            {
                return PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, value);
            }

            if (BooleanProperty(type, "IsAllowed") || BooleanProperty(type, "Allowed"))
            {
                var name = BooleanProperty(type, "IsAllowed") ? "IsAllowed" : "Allowed";
                return PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Member(value, name));
            }

            foreach (var flag in new[] { "Flagged", "IsBlocked", "Blocked" })
            {
                if (BooleanProperty(type, flag))
                {
                    return Member(value, flag);
                }
            }

            // OpenAI results come in a ClientResult<T>: look through Value.
            if (type.GetMembers("Value").OfType<IPropertySymbol>().FirstOrDefault() is { } inner && !(inner.Type is null))
            {
                var through = Blocked(Member(value, "Value"), inner.Type);
                return inner.Type.SpecialType == SpecialType.System_Boolean ? null : through;
            }

            return null;
        }

        private static bool BooleanProperty(ITypeSymbol type, string name)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (t.GetMembers(name).OfType<IPropertySymbol>().Any(p => p.Type.SpecialType == SpecialType.System_Boolean && !p.IsStatic))
                {
                    return true;
                }
            }

            return false;
        }

        private static ExpressionSyntax Member(ExpressionSyntax value, string name) =>
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, value, IdentifierName(name));

        private static ExpressionSyntax ParenthesizedIfNeeded(ExpressionSyntax expression) =>
            expression is InvocationExpressionSyntax || expression is AwaitExpressionSyntax || expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax ? expression : ParenthesizedExpression(expression);

        /// <summary>"if (condition) { leave; }", leaving the way the handler can: an HTTP result, a plain return, or a throw.</summary>
        private static StatementSyntax Leave(FixSession session, ExpressionSyntax condition, bool verdict)
        {
            var exit = ExitStatement(session, verdict);
            return IfStatement(condition, Block(exit));
        }

        private static StatementSyntax ExitStatement(FixSession session, bool verdict)
        {
            var function = session.Scope.StatementFunction;
            var returned = ReturnedType(session, function);
            var resultName = verdict ? "UnprocessableEntity" : "Forbid";
            if (returned == null || returned.SpecialType == SpecialType.System_Void)
            {
                return ReturnStatement();
            }

            if (Implements(returned, "Microsoft.AspNetCore.Mvc.IActionResult") || returned.OriginalDefinition.ToDisplayString() == "Microsoft.AspNetCore.Mvc.ActionResult<TValue>")
            {
                if (session.Scope.Type != null && session.Model.GetDeclaredSymbol(session.Scope.Type) is INamedTypeSymbol owner && FixScope.EndpointBase(owner) == "Microsoft.AspNetCore.Mvc.ControllerBase")
                {
                    return ReturnStatement(InvocationExpression(IdentifierName(resultName)));
                }
            }

            if (returned.ToDisplayString() == "Microsoft.AspNetCore.Http.IResult")
            {
                session.AddUsing("Microsoft.AspNetCore.Http");
                return ReturnStatement(InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName("Results"), IdentifierName(resultName))));
            }

            var message = verdict ? "Blocked by review (DSP Art. 10)." : "The compliance check did not pass.";
            return ThrowStatement(ObjectCreationExpression(ParseTypeName("System.InvalidOperationException"))
                .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(message)))))));
        }

        /// <summary>What the function returns, tasks unwrapped; null for void and plain tasks.</summary>
        private static ITypeSymbol? ReturnedType(FixSession session, SyntaxNode function)
        {
            var method = function is AnonymousFunctionExpressionSyntax
                ? session.Model.GetSymbolInfo(function).Symbol as IMethodSymbol
                : session.Model.GetDeclaredSymbol(function) as IMethodSymbol;
            var type = method?.ReturnType;
            if (type is INamedTypeSymbol { Name: "Task" or "ValueTask" } task && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
            {
                return task.TypeArguments.FirstOrDefault();
            }

            return method == null || method.ReturnsVoid ? null : type;
        }

        private static bool Implements(ITypeSymbol type, string interfaceName) =>
            type.ToDisplayString() == interfaceName || type.AllInterfaces.Any(i => i.ToDisplayString() == interfaceName);
    }
}
