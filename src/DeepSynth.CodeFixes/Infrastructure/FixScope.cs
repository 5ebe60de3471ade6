using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>
    /// The surroundings of a finding: the function its statements belong to (<see cref="StatementFunction"/>), the function
    /// or class its services come from (<see cref="ServiceFunction"/>, <see cref="Type"/>), and what already exists there.
    /// </summary>
    internal sealed partial class FixScope
    {
        private static readonly ImmutableHashSet<string> HandlerMaps = ImmutableHashSet.Create(
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback");

        private FixScope(FunctionKind kind, SyntaxNode statementFunction, SyntaxNode serviceFunction, TypeDeclarationSyntax? type, string? httpContextName, bool canBecomeAsync, IReadOnlyList<HelperCall>? helperCalls = null)
        {
            HelperCalls = helperCalls ?? Array.Empty<HelperCall>();
            Kind = kind;
            StatementFunction = statementFunction;
            ServiceFunction = serviceFunction;
            Type = type;
            HttpContextName = httpContextName;
            CanBecomeAsync = canBecomeAsync;
        }

        public FunctionKind Kind { get; }

        /// <summary>The innermost lambda, local function or method around the finding: inserted statements go here.</summary>
        public SyntaxNode StatementFunction { get; }

        /// <summary>The handler whose parameters receive services (handler delegates), else the statement function.</summary>
        public SyntaxNode ServiceFunction { get; }

        /// <summary>The class whose constructor receives services (controllers, hubs, services).</summary>
        public TypeDeclarationSyntax? Type { get; }

        public string? HttpContextName { get; }

        public bool CanBecomeAsync { get; }

        public bool IsAsync => FunctionRewriter.IsAsync(StatementFunction);

        public bool HasPrimaryConstructor => Type is ClassDeclarationSyntax { ParameterList: not null } || Type is RecordDeclarationSyntax { ParameterList: not null };

        public static async Task<FixScope?> FindAsync(Document document, SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var statementFunction = node.AncestorsAndSelf().FirstOrDefault(IsFunction);
            if (statementFunction == null)
            {
                return null;
            }

            for (var function = statementFunction; function != null; function = function.Parent?.AncestorsAndSelf().FirstOrDefault(IsFunction))
            {
                var handler = HandlerRegistration(function);
                if (handler == "Map" && function is AnonymousFunctionExpressionSyntax lambda && HasTypedParameters(lambda))
                {
                    return new FixScope(FunctionKind.HandlerDelegate, statementFunction, function, null, null, AsyncAllowed(statementFunction, isEntry: true, model));
                }

                if (handler == "Use" && function is ParenthesizedLambdaExpressionSyntax middleware)
                {
                    var context = middleware.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText;
                    return new FixScope(FunctionKind.Middleware, statementFunction, function, null, context, AsyncAllowed(statementFunction, isEntry: true, model));
                }

                if (function is LocalFunctionStatementSyntax or MethodDeclarationSyntax &&
                    model.GetDeclaredSymbol(function, cancellationToken) is IMethodSymbol method &&
                    await IsMethodGroupHandlerAsync(document.Project.Solution, method, cancellationToken).ConfigureAwait(false))
                {
                    return new FixScope(FunctionKind.HandlerDelegate, statementFunction, function, null, null, AsyncAllowed(statementFunction, isEntry: true, model));
                }

                if (function is MethodDeclarationSyntax && model.GetDeclaredSymbol(function, cancellationToken) is IMethodSymbol handlerMethod &&
                    DeepSynth.Analyzers.Catalogue.KnownApis.MethodInjectedHandlers.Any(c => c.Matches(handlerMethod, model.Compilation)))
                {
                    // A message handler whose framework resolves its parameters (Wolverine's static "Handle"): services are parameters.
                    return new FixScope(FunctionKind.HandlerDelegate, statementFunction, function, null, null, AsyncAllowed(statementFunction, isEntry: true, model));
                }

                if (IsStatic(function) || (function is LocalFunctionStatementSyntax && function.Parent?.AncestorsAndSelf().FirstOrDefault(IsFunction) == null))
                {
                    // Nothing outside a static function (or a top-level local function) can be captured: services become its
                    // parameters, passed by every caller, when every caller is a handler that can take them in turn.
                    return function is LocalFunctionStatementSyntax local && HandlerCallsOf(local, model, cancellationToken) is { } calls
                        ? new FixScope(FunctionKind.HandlerHelper, statementFunction, function, null, null, AsyncAllowed(statementFunction, isEntry: false, model), calls)
                        : null;
                }

                if (function is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax type } declaration && !declaration.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    if (!await IsBuiltByDependencyInjectionAsync(document.Project.Solution, model, type, cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    var isEntry = IsControllerOrHubMethod(model, declaration, cancellationToken) || !ReferenceEquals(statementFunction, function);
                    return new FixScope(FunctionKind.InjectedClassMember, statementFunction, function, type, null, AsyncAllowed(statementFunction, isEntry, model));
                }
            }

            return null;
        }

        private static bool IsFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax || node is MethodDeclarationSyntax;

        /// <summary>"Map" for app.MapPost(..., handler), "Use" for app.Use(...)/app.Run(...), else null.</summary>
        private static string? HandlerRegistration(SyntaxNode function)
        {
            if (function.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } })
            {
                return null;
            }

            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            // Task.Run(() => ...) and Task.Factory.StartNew are not app.Run: middleware is given the request's context.
            if (name == "Run" && (function is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 0 } ||
                                  call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Task" } }))
            {
                return null;
            }

            return name == null ? null : HandlerMaps.Contains(name) ? "Map" : name == "Use" || name == "Run" ? "Use" : null;
        }

        private static bool HasTypedParameters(AnonymousFunctionExpressionSyntax lambda) =>
            lambda is ParenthesizedLambdaExpressionSyntax parenthesized && parenthesized.ParameterList.Parameters.All(p => p.Type != null);

        private static async Task<bool> IsMethodGroupHandlerAsync(Solution solution, IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    var node = (await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    // The method itself must be the argument (app.MapGet("/", Handle) or Handlers.Handle), not be called inside
                    // a lambda handler (app.MapGet("/", (...) => Tokens(...))): a helper a handler calls is not a handler.
                    var group = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
                    if (group.Parent is ArgumentSyntax argument && HandlerRegistration(argument.Expression) == "Map")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A class that nothing in the solution constructs with `new`: its constructor can take more services.</summary>
        private static async Task<bool> IsBuiltByDependencyInjectionAsync(Solution solution, SemanticModel model, TypeDeclarationSyntax type, CancellationToken cancellationToken)
        {
            if (type is not ClassDeclarationSyntax || model.GetDeclaredSymbol(type, cancellationToken) is not INamedTypeSymbol symbol || symbol.IsStatic || symbol.IsAbstract)
            {
                return false;
            }

            foreach (var constructor in symbol.InstanceConstructors)
            {
                foreach (var reference in await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false))
                {
                    if (reference.Locations.Any())
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool IsControllerOrHubMethod(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken) =>
            method.Modifiers.Any(SyntaxKind.PublicKeyword) &&
            model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol &&
            EndpointBase(symbol.ContainingType) != null;

        /// <summary>"Microsoft.AspNetCore.Mvc.ControllerBase" or "Microsoft.AspNetCore.SignalR.Hub" when the type derives from one.</summary>
        public static string? EndpointBase(INamedTypeSymbol? type)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                var name = t.OriginalDefinition.ToDisplayString();
                if (name == "Microsoft.AspNetCore.Mvc.ControllerBase" || name == "Microsoft.AspNetCore.SignalR.Hub")
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the function may become async: lambdas always; methods only when they are endpoints (their callers are the
        /// framework) and return a value or nothing, not a task they build themselves.
        /// </summary>
        private static bool AsyncAllowed(SyntaxNode function, bool isEntry, SemanticModel model)
        {
            if (FunctionRewriter.IsAsync(function) || function is AnonymousFunctionExpressionSyntax)
            {
                return true;
            }

            if (!isEntry || FunctionRewriter.ReturnType(function) is not { } returnType)
            {
                return false;
            }

            var type = model.GetTypeInfo(returnType).Type;
            if (type == null || FunctionRewriter.IsTaskLike(type))
            {
                // A task-returning method that is not async returns tasks it builds itself: only an expression body can be rewritten.
                return FunctionRewriter.ExpressionBody(function) != null && type != null;
            }

            return !function.DescendantNodes().OfType<YieldStatementSyntax>().Any();
        }

        /// <summary>The statement of the statement function that contains <paramref name="node"/>; null in an expression body.</summary>
        public StatementSyntax? StatementContaining(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                if (ReferenceEquals(ancestor, StatementFunction))
                {
                    return null;
                }

                if (ancestor is StatementSyntax statement && statement is not BlockSyntax && !(statement is LocalFunctionStatementSyntax))
                {
                    return statement;
                }
            }

            return null;
        }

        /// <summary>The name of a parameter, field or primary-constructor parameter of the service's type already in reach.</summary>
        public string? ExistingService(SemanticModel model, string metadataName)
        {
            foreach (var parameter in ParametersInReach(model))
            {
                if (parameter.Type.ToDisplayString() == metadataName)
                {
                    return parameter.Name;
                }
            }

            if (Type != null && model.GetDeclaredSymbol(Type) is INamedTypeSymbol type)
            {
                foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
                {
                    if (!field.IsImplicitlyDeclared && field.Type.ToDisplayString() == metadataName)
                    {
                        return field.Name;
                    }
                }
            }

            return null;
        }

        public ExpressionSyntax? ExistingCancellationToken(SemanticModel model)
        {
            var parameter = ParametersInReach(model).FirstOrDefault(p => p.Type.ToDisplayString() == "System.Threading.CancellationToken");
            if (parameter != null)
            {
                return IdentifierName(parameter.Name);
            }

            if (Kind == FunctionKind.Middleware && HttpContextName != null)
            {
                return ParseExpression(HttpContextName + ".RequestAborted");
            }

            return BaseTypeName(model) switch
            {
                "Microsoft.AspNetCore.Mvc.ControllerBase" => ParseExpression("HttpContext.RequestAborted"),
                "Microsoft.AspNetCore.SignalR.Hub" => ParseExpression("Context.ConnectionAborted"),
                _ => null,
            };
        }

        public ExpressionSyntax? ExistingUser(SemanticModel model)
        {
            foreach (var parameter in ParametersInReach(model))
            {
                var type = parameter.Type.ToDisplayString();
                if (type == "System.Security.Claims.ClaimsPrincipal")
                {
                    return IdentifierName(parameter.Name);
                }

                if (type == "Microsoft.AspNetCore.Http.HttpContext")
                {
                    return ParseExpression(parameter.Name + ".User");
                }
            }

            return BaseTypeName(model) switch
            {
                "Microsoft.AspNetCore.Mvc.ControllerBase" => IdentifierName("User"),
                "Microsoft.AspNetCore.SignalR.Hub" => ParseExpression("Context.User!"),
                _ => null,
            };
        }

        public IEnumerable<string> NamesInScope(SemanticModel model)
        {
            var position = StatementFunction.SpanStart;
            return model.LookupSymbols(position).Select(s => s.Name)
                .Concat(StatementFunction.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText))
                .Concat(StatementFunction.DescendantNodes().OfType<ForEachStatementSyntax>().Select(f => f.Identifier.ValueText))
                .Concat(ServiceFunction.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText))
                .Concat(ParametersInReach(model).Select(p => p.Name))
                .Concat(NamesDeclaredIn(Type));
        }

        /// <summary>
        /// Every parameter and local of the class: a service injected through its constructor is seen by all its methods, so
        /// its name must not be one a method declares ("string review" would hide the reviewer).
        /// </summary>
        private static IEnumerable<string> NamesDeclaredIn(TypeDeclarationSyntax? type) =>
            type == null
                ? Enumerable.Empty<string>()
                : type.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText)
                    .Concat(type.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText))
                    .Concat(type.DescendantNodes().OfType<ForEachStatementSyntax>().Select(f => f.Identifier.ValueText));

        private IEnumerable<IParameterSymbol> ParametersInReach(SemanticModel model)
        {
            foreach (var function in new[] { StatementFunction, ServiceFunction }.Distinct())
            {
                if (model.GetSymbolInfo(function).Symbol is IMethodSymbol lambda)
                {
                    foreach (var parameter in lambda.Parameters)
                    {
                        yield return parameter;
                    }
                }
                else if (model.GetDeclaredSymbol(function) is IMethodSymbol method)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        yield return parameter;
                    }
                }
            }

            if (Type is ClassDeclarationSyntax { ParameterList: { } primary })
            {
                foreach (var parameter in primary.Parameters)
                {
                    if (model.GetDeclaredSymbol(parameter) is IParameterSymbol symbol)
                    {
                        yield return symbol;
                    }
                }
            }
        }

        private string? BaseTypeName(SemanticModel model) =>
            Type != null && model.GetDeclaredSymbol(Type) is INamedTypeSymbol type ? EndpointBase(type.BaseType) : null;
    }
}
