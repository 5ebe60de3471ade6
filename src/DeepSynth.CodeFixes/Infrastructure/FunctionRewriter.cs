using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>Rewrites of a lambda, local function or method: make it async, turn an expression body into a block, add parameters.</summary>
    internal static class FunctionRewriter
    {
        public static bool IsAsync(SyntaxNode function) => function switch
        {
            AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            _ => false,
        };

        public static TypeSyntax? ReturnType(SyntaxNode function) => function switch
        {
            LocalFunctionStatementSyntax local => local.ReturnType,
            MethodDeclarationSyntax method => method.ReturnType,
            _ => null,
        };

        /// <summary>The declared type of a function, a lambda's explicit return type included.</summary>
        private static TypeSyntax? DeclaredReturnType(SyntaxNode function) =>
            function is ParenthesizedLambdaExpressionSyntax lambda ? lambda.ReturnType : ReturnType(function);

        public static ExpressionSyntax? ExpressionBody(SyntaxNode function) => function switch
        {
            AnonymousFunctionExpressionSyntax lambda => lambda.ExpressionBody,
            LocalFunctionStatementSyntax local => local.ExpressionBody?.Expression,
            MethodDeclarationSyntax method => method.ExpressionBody?.Expression,
            _ => null,
        };

        public static bool IsTaskLike(ITypeSymbol type) =>
            (type.Name == "Task" || type.Name == "ValueTask") && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        /// <summary>
        /// Applies body insertions (statements before an expression body, which becomes a block) and, when asked, makes the
        /// function async: T becomes Task&lt;T&gt;, void becomes Task; a non-async task-returning expression body is awaited.
        /// Guarded insertions go into the true branch of a conditional body that declares what they name (see FixSession):
        /// the body becomes "if (condition) { ...; return whenTrue; } else { return whenFalse; }".
        /// </summary>
        public static SyntaxNode Rewrite(SyntaxNode current, IReadOnlyList<StatementSyntax> bodyInsertions, bool makeAsync, SemanticModel model, SyntaxNode original, bool bodyAlreadyAwaited = false,
            IReadOnlyList<StatementSyntax>? guardedInsertions = null)
        {
            var returnsValue = ReturnsValue(original, model, out var returnsTaskItself);
            var wasAsync = IsAsync(current);
            var awaitBody = makeAsync && !wasAsync && returnsTaskItself && !bodyAlreadyAwaited;
            returnsValue |= bodyAlreadyAwaited && returnsTaskItself && HasResult(original, model);
            var body = ExpressionBody(current);
            var guarded = guardedInsertions != null && guardedInsertions.Count > 0 && returnsValue && !awaitBody;
            if (body != null && (bodyInsertions.Count > 0 || awaitBody || guarded))
            {
                var expression = awaitBody ? AwaitExpression(body.WithoutTrivia().Parenthesize()) : body.WithoutTrivia();
                StatementSyntax last = guarded
                    ? FixSession.GuardedReturn(expression, guardedInsertions!)
                    : returnsValue || (awaitBody && returnsTaskItself && HasResult(original, model))
                    ? ReturnStatement(expression)
                    : ExpressionStatement(expression);
                current = WithBlockBody(current, MultilineBlock(bodyInsertions.Append(last)).WithAdditionalAnnotations(Formatter.Annotation));
            }

            if (makeAsync && !wasAsync)
            {
                current = MakeAsync(current, original, model);
            }

            return current.WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>Adds parameters: appended when <c>atEnd</c> (a helper whose callers pass them by name), else before the token and optional ones.</summary>
        public static SyntaxNode AddParameters(SyntaxNode function, IReadOnlyList<ParameterSyntax> parameters, bool atEnd = false)
        {
            ParameterListSyntax? list = function switch
            {
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
                LocalFunctionStatementSyntax local => local.ParameterList,
                MethodDeclarationSyntax method => method.ParameterList,
                _ => null,
            };
            if (list == null)
            {
                return function;
            }

            // Services go before a CancellationToken and optional parameters; a CancellationToken goes last among the required ones.
            var updated = list;
            foreach (var parameter in parameters)
            {
                var isToken = IsCancellationToken(parameter);
                var insertAt = atEnd ? updated.Parameters.Count : updated.Parameters.TakeWhile(p => p.Default == null && (isToken || !IsCancellationToken(p))).Count();
                updated = updated.WithParameters(updated.Parameters.Insert(insertAt, parameter));
            }

            return function switch
            {
                ParenthesizedLambdaExpressionSyntax lambda => lambda.WithParameterList(updated),
                LocalFunctionStatementSyntax local => local.WithParameterList(updated),
                MethodDeclarationSyntax method => method.WithParameterList(updated),
                _ => function,
            };
        }

        private static bool IsCancellationToken(ParameterSyntax parameter) =>
            parameter.Type?.ToString() is "CancellationToken" or "System.Threading.CancellationToken";

        /// <summary>A block whose statements each start on a line of their own, whatever the surrounding layout.</summary>
        public static BlockSyntax MultilineBlock(IEnumerable<StatementSyntax> statements) =>
            Block(
                Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(ElasticCarriageReturnLineFeed),
                List(statements.Select(s => s.WithLeadingTrivia(ElasticMarker).WithTrailingTrivia(ElasticCarriageReturnLineFeed))),
                Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(ElasticMarker));

        /// <summary>Whether the body's value is returned (the function has a result) and whether the function returns a task it builds itself.</summary>
        private static bool ReturnsValue(SyntaxNode function, SemanticModel model, out bool returnsTaskItself)
        {
            returnsTaskItself = false;
            ITypeSymbol? returnType = null;
            if (function is AnonymousFunctionExpressionSyntax && model.GetSymbolInfo(function).Symbol is IMethodSymbol lambda)
            {
                returnType = lambda.ReturnType;
            }
            else if (model.GetDeclaredSymbol(function) is IMethodSymbol method)
            {
                returnType = method.ReturnType;
            }

            if (returnType == null || returnType.SpecialType == SpecialType.System_Void)
            {
                return false;
            }

            if (IsTaskLike(returnType) && !IsAsync(function))
            {
                returnsTaskItself = true;
                return false;
            }

            return !(IsTaskLike(returnType) && returnType is INamedTypeSymbol { IsGenericType: false });
        }

        private static bool HasResult(SyntaxNode function, SemanticModel model)
        {
            var type = function is AnonymousFunctionExpressionSyntax
                ? (model.GetSymbolInfo(function).Symbol as IMethodSymbol)?.ReturnType
                : (model.GetDeclaredSymbol(function) as IMethodSymbol)?.ReturnType;
            return type is INamedTypeSymbol { IsGenericType: true };
        }

        private static SyntaxNode WithBlockBody(SyntaxNode function, BlockSyntax block) => function switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.WithExpressionBody(null).WithBlock(block),
            SimpleLambdaExpressionSyntax lambda => lambda.WithExpressionBody(null).WithBlock(block),
            LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            _ => function,
        };

        private static SyntaxNode MakeAsync(SyntaxNode function, SyntaxNode original, SemanticModel model)
        {
            switch (function)
            {
                case ParenthesizedLambdaExpressionSyntax { ReturnType: { } returnType } typed:
                    // "Results<Ok<T>, NotFound> (string id) => ..." keeps its declared type as a task of it (WithAsyncKeyword
                    // would drop the return type and the attributes, and the lambda would bind to RequestDelegate).
                    return typed.WithReturnType(AsyncReturnType(returnType, original, model))
                        .WithModifiers(typed.Modifiers.Insert(0, Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(Space)));
                case ParenthesizedLambdaExpressionSyntax parenthesized:
                    return parenthesized.WithModifiers(parenthesized.Modifiers.Insert(0, Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(Space)));
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(Space));
                case MethodDeclarationSyntax method:
                    return method.WithReturnType(AsyncReturnType(method.ReturnType, original, model)).AddModifiers(Token(SyntaxKind.AsyncKeyword));
                case LocalFunctionStatementSyntax local:
                    return local.WithReturnType(AsyncReturnType(local.ReturnType, original, model)).AddModifiers(Token(SyntaxKind.AsyncKeyword));
                default:
                    return function;
            }
        }

        private static TypeSyntax AsyncReturnType(TypeSyntax returnType, SyntaxNode original, SemanticModel model)
        {
            var type = model.GetTypeInfo(DeclaredReturnType(original)!).Type;
            if (type != null && IsTaskLike(type))
            {
                return returnType;
            }

            var task = returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                ? (TypeSyntax)IdentifierName("Task")
                : GenericName(Identifier("Task"), TypeArgumentList(SingletonSeparatedList(returnType.WithoutTrivia())));
            return task.WithTriviaFrom(returnType);
        }

        private static ExpressionSyntax Parenthesize(this ExpressionSyntax expression) =>
            expression is IdentifierNameSyntax || expression is InvocationExpressionSyntax || expression is MemberAccessExpressionSyntax
                ? expression
                : ParenthesizedExpression(expression);
    }
}
