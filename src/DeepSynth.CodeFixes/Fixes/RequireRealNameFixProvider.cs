using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN002: requires real-name verification declaratively ([RequireRealName] on the action or hub method, or
    /// .RequireRealName() on a minimal-API route), or verifies it at the start of the handler with IRealNameGate.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireRealNameFixProvider)), Shared]
    public sealed class RequireRealNameFixProvider : ComplianceCodeFixProvider
    {
        internal static readonly FixVariant OnEndpoint = new FixVariant("DSYN002.Endpoint", "Require real-name verification on the endpoint (要求实名认证)");
        internal static readonly FixVariant AtStart = new FixVariant("DSYN002.Verify", "Verify real-name identity at the start of the handler (在处理程序开头进行实名认证)");

        public RequireRealNameFixProvider()
            : base("DSYN002", OnEndpoint, AtStart)
        {
        }

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken) =>
            variant == OnEndpoint ? RequireOnEndpoint(session) : VerifyAtStart(session, node, diagnostic);

        private static bool RequireOnEndpoint(FixSession session)
        {
            var handler = session.Scope.ServiceFunction;
            if (handler is AnonymousFunctionExpressionSyntax && handler.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax map } } &&
                session.Scope.Kind == FunctionKind.HandlerDelegate)
            {
                session.AddUsing("DeepSynth.Compliance");
                session.Replace(map, current => InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)current.WithoutTrailingTrivia(), IdentifierName("RequireRealName")))
                    .WithTrailingTrivia(current.GetTrailingTrivia()));
                return true;
            }

            if (handler is MethodDeclarationSyntax method && (session.Scope.Kind == FunctionKind.HandlerDelegate || IsEndpointMethod(session, method)))
            {
                // Two findings in one method (two sends in a hub method): Fix All reaches it twice, the attribute goes on once.
                if (!HasRequireRealName(method.AttributeLists))
                {
                    session.AddAttribute(method, "RequireRealName", "DeepSynth.Compliance");
                }

                return true;
            }

            if (handler is LocalFunctionStatementSyntax local && HasRequireRealName(local.AttributeLists) && session.Scope.Kind == FunctionKind.HandlerDelegate)
            {
                return true;
            }

            if (handler is LocalFunctionStatementSyntax && session.Scope.Kind == FunctionKind.HandlerDelegate)
            {
                // A local function mapped as a handler (app.MapPost("/x", Suggest)): endpoint metadata reads its attributes too.
                session.AddUsing("DeepSynth.Compliance");
                session.Replace(handler, current => ((LocalFunctionStatementSyntax)current).WithoutLeadingTrivia()
                    .AddAttributeLists(AttributeList(SingletonSeparatedList(Attribute(IdentifierName("RequireRealName"))))
                        .WithTrailingTrivia(ElasticCarriageReturnLineFeed))
                    .WithLeadingTrivia(current.GetLeadingTrivia()));
                return true;
            }

            return false;
        }

        private static bool HasRequireRealName(SyntaxList<AttributeListSyntax> lists) =>
            lists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "RequireRealName" or "RequireRealNameAttribute" or "DeepSynth.Compliance.RequireRealName" or "DeepSynth.Compliance.RequireRealNameAttribute");

        /// <summary>A middleware class's Invoke/InvokeAsync(HttpContext, ...): it runs for every request, like app.Use.</summary>
        private static bool IsMiddlewareMethod(SyntaxNode function) =>
            function is MethodDeclarationSyntax { Identifier.ValueText: "Invoke" or "InvokeAsync" } method &&
            method.ParameterList.Parameters.FirstOrDefault()?.Type is { } type && type.ToString() is "HttpContext" or "Microsoft.AspNetCore.Http.HttpContext";

        /// <summary>
        /// Where the published content was produced: the declaration of the local that carries it (var response = await
        /// chat.GetResponseAsync(...)), else the publish point itself.
        /// </summary>
        private static SyntaxNode GenerationPoint(FixSession session, SyntaxNode publishPoint, Diagnostic diagnostic)
        {
            foreach (var content in PublishedContent.Find(publishPoint, session.Model, diagnostic))
            {
                var root = content.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().FirstOrDefault();
                if (root != null && session.Model.GetSymbolInfo(root).Symbol is ILocalSymbol local &&
                    local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } declarator &&
                    session.Scope.StatementFunction.Span.Contains(declarator.Span))
                {
                    return declarator;
                }
            }

            return publishPoint;
        }

        private static bool IsEndpointMethod(FixSession session, MethodDeclarationSyntax method) =>
            session.Model.GetDeclaredSymbol(method) is IMethodSymbol { DeclaredAccessibility: Accessibility.Public } symbol &&
            FixScope.EndpointBase(symbol.ContainingType) != null;

        /// <summary>
        /// Verifies at the start of an endpoint's handler; in middleware, which runs for every request, just before the
        /// generation instead, so that requests the middleware passes on are not affected.
        /// </summary>
        private static bool VerifyAtStart(FixSession session, SyntaxNode publishPoint, Diagnostic diagnostic)
        {
            var scope = session.Scope;
            if (!ReferenceEquals(scope.StatementFunction, scope.ServiceFunction))
            {
                return false;
            }

            var user = session.CurrentUser();
            if (user == null)
            {
                return false;
            }

            var gate = session.Service(ComplianceService.RealNameGate);
            var token = session.CancellationToken();
            var call = token == null
                ? AddAigcLabelFixProvider.Call(gate, "EnsureVerifiedAsync", user)
                : AddAigcLabelFixProvider.Call(gate, "EnsureVerifiedAsync", user, token);
            var statement = ExpressionStatement(AwaitExpression(call));
            var body = scope.StatementFunction switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.Block,
                LocalFunctionStatementSyntax local => local.Body,
                MethodDeclarationSyntax method => method.Body,
                _ => null,
            };
            var anchor = (SyntaxNode?)body?.Statements.FirstOrDefault() ?? FunctionRewriter.ExpressionBody(scope.StatementFunction);
            if (scope.Kind == FunctionKind.Middleware || IsMiddlewareMethod(scope.StatementFunction))
            {
                anchor = GenerationPoint(session, publishPoint, diagnostic);
            }

            return anchor != null && session.InsertBefore(anchor, new[] { statement }, awaits: true);
        }
    }
}
