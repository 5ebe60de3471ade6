using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>
    /// The routes a project maps, so that a route declared in the manifest (the complaint portal, the page showing the
    /// filing number) can be checked against the code: minimal APIs (<c>MapGet("/x")</c>, also inside
    /// <c>MapGroup("/prefix")</c>), attribute-routed controllers (<c>[Route]</c>, <c>[HttpPost("x")]</c>) and Razor Pages.
    /// Conventional MVC routes are not resolved. Thread-safe: filled by concurrent analyzer actions.
    /// </summary>
    internal sealed class MappedRoutes
    {
        private const int MaxGroupDepth = 4;
        private const string RazorPageKind = "mvc.1.0.razor-page";
        private readonly ConcurrentDictionary<string, bool> _routes = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public bool Contains(string route) => _routes.ContainsKey(Normalize(route));

        /// <summary>"/Complaints/" and "complaints/{id?}" both become "/complaints" (trailing optional parameters dropped).</summary>
        public static string Normalize(string template)
        {
            var segments = template.Trim().TrimStart('~').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            while (segments.Count > 0 && segments[segments.Count - 1].StartsWith("{", StringComparison.Ordinal) && segments[segments.Count - 1].EndsWith("?}", StringComparison.Ordinal))
            {
                segments.RemoveAt(segments.Count - 1);
            }

            return "/" + string.Join("/", segments).ToLowerInvariant();
        }

        /// <summary>A minimal-API registration: <c>app.MapPost("/complaints", ...)</c>, with the prefixes of its groups.</summary>
        public void AddEndpoint(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!method.Name.StartsWith("Map", StringComparison.Ordinal) || method.Name == "MapGroup" || !IsMicrosoftNamespace(method.ContainingNamespace) ||
                PatternOf(invocation) is not { } pattern)
            {
                return;
            }

            Add(GroupPrefix(ReceiverOf(invocation), 0) + "/" + pattern);
        }

        /// <summary>An action of an attribute-routed controller: its routes joined with the controller's.</summary>
        public void AddAction(IMethodSymbol action)
        {
            var controller = action.ContainingType;
            if (action.MethodKind != MethodKind.Ordinary || action.DeclaredAccessibility != Accessibility.Public || action.IsStatic || !IsController(controller))
            {
                return;
            }

            var controllerName = controller.Name.EndsWith("Controller", StringComparison.Ordinal) ? controller.Name.Substring(0, controller.Name.Length - "Controller".Length) : controller.Name;
            var actionName = action.Name.EndsWith("Async", StringComparison.Ordinal) ? action.Name.Substring(0, action.Name.Length - "Async".Length) : action.Name;
            var prefixes = TemplatesOf(AttributesOfTypeAndBases(controller)).DefaultIfEmpty(string.Empty).ToList();
            var templates = TemplatesOf(action.GetAttributes()).ToList();
            if (templates.Count == 0 && prefixes.Any(p => p.Length > 0))
            {
                templates.Add(string.Empty);
            }

            foreach (var template in templates)
            {
                foreach (var prefix in prefixes)
                {
                    var route = template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal) ? template : prefix + "/" + template;
                    Add(route.Replace("[controller]", controllerName).Replace("[action]", actionName));
                }
            }
        }

        /// <summary>Razor Pages compiled into the assembly: their <c>@page "template"</c>, or the route of their path.</summary>
        public void AddRazorPages(IAssemblySymbol assembly)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.Name != "RazorCompiledItemAttribute" || attribute.ConstructorArguments.Length != 3 ||
                    attribute.ConstructorArguments[1].Scalar() as string != RazorPageKind || attribute.ConstructorArguments[2].Scalar() is not string path)
                {
                    continue;
                }

                var folder = path.StartsWith("/Pages/", StringComparison.OrdinalIgnoreCase) ? path.Substring("/Pages".Length) : path;
                folder = folder.Substring(0, Math.Max(0, folder.LastIndexOf('/')));
                var page = System.IO.Path.GetFileNameWithoutExtension(path);
                var template = (attribute.ConstructorArguments[0].Scalar() as INamedTypeSymbol)?.GetAttributes()
                    .Where(a => a.AttributeClass?.Name == "RazorCompiledItemMetadataAttribute" && a.ConstructorArguments.Length == 2 && a.ConstructorArguments[0].Scalar() as string == "RouteTemplate")
                    .Select(a => a.ConstructorArguments[1].Scalar() as string)
                    .FirstOrDefault();
                var pageRoute = folder + (string.Equals(page, "Index", StringComparison.OrdinalIgnoreCase) ? string.Empty : "/" + page);
                Add(template == null ? pageRoute : template.StartsWith("/", StringComparison.Ordinal) ? template : pageRoute + "/" + template);
            }
        }

        private void Add(string route) => _routes.TryAdd(Normalize(route), true);

        private static string? PatternOf(IInvocationOperation invocation) =>
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value is { ConstantValue: { HasValue: true, Value: string pattern } } ? pattern : null;

        /// <summary>The receiver of an instance or extension call (<c>group.MapGet</c> is <c>MapGet(group, ...)</c>).</summary>
        private static IOperation? ReceiverOf(IInvocationOperation invocation) =>
            invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        /// <summary>The prefix of the route groups a registration is made on: <c>app.MapGroup("/api")</c>, directly or through a local.</summary>
        private static string GroupPrefix(IOperation? receiver, int depth)
        {
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            if (depth > MaxGroupDepth)
            {
                return string.Empty;
            }

            if (receiver is IInvocationOperation { TargetMethod.Name: "MapGroup" } group)
            {
                var prefix = group.Arguments.FirstOrDefault(a => a.Parameter?.Name == "prefix")?.Value.ConstantValue is { HasValue: true, Value: string text } ? text : string.Empty;
                return GroupPrefix(ReceiverOf(group), depth + 1) + "/" + prefix;
            }

            // A group kept in a local: `var api = app.MapGroup("/api"); api.MapPost(...)`.
            if (receiver is ILocalReferenceOperation local && receiver.SemanticModel is { } model &&
                local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } &&
                initializer.SyntaxTree == model.SyntaxTree)
            {
                return GroupPrefix(model.GetOperation(initializer), depth + 1);
            }

            // Route builders stored in fields, or returned by helpers, are not followed.
            return string.Empty;
        }

        private static IEnumerable<string> TemplatesOf(IEnumerable<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is not { } type || !type.AllInterfaces.Any(i => i.Name == "IRouteTemplateProvider"))
                {
                    continue;
                }

                var template = attribute.ConstructorArguments.FirstOrDefault(a => a.Scalar() is string).Scalar() as string ??
                               attribute.NamedArguments.FirstOrDefault(a => a.Key == "Template").Value.Scalar() as string;
                yield return template ?? string.Empty;
            }
        }

        private static IEnumerable<AttributeData> AttributesOfTypeAndBases(INamedTypeSymbol type)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                foreach (var attribute in t.GetAttributes())
                {
                    yield return attribute;
                }
            }
        }

        private static bool IsController(INamedTypeSymbol type)
        {
            if (type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            for (var t = type; t != null; t = t.BaseType)
            {
                if (t.GetAttributes().Any(a => a.AttributeClass?.Name == "NonControllerAttribute"))
                {
                    return false;
                }

                if ((t.Name == "ControllerBase" && IsMicrosoftNamespace(t.ContainingNamespace)) || t.GetAttributes().Any(a => a.AttributeClass?.Name is "ApiControllerAttribute" or "ControllerAttribute"))
                {
                    return true;
                }
            }

            return type.Name.EndsWith("Controller", StringComparison.Ordinal);
        }

        private static bool IsMicrosoftNamespace(INamespaceSymbol? ns)
        {
            for (; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.ContainingNamespace is { IsGlobalNamespace: true } && ns.Name == "Microsoft")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
