using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers
{
    /// <summary>
    /// DSYN908: an application injects the SDK's services (constructor, primary-constructor and handler-lambda parameters,
    /// GetRequiredService&lt;T&gt;()) but never calls AddDeepSynthCompliance, nor registers that service itself: the app
    /// starts, then throws on the first request that needs the service. Reported at every injection site, in applications
    /// only (a library leaves registration to the app that uses it).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ComplianceRegistrationAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The registration method the SDK offers (ComplianceServiceCollectionExtensions).</summary>
        public const string RegistrationMethod = "AddDeepSynthCompliance";

        private const string ExtensionsType = "Microsoft.Extensions.DependencyInjection.ComplianceServiceCollectionExtensions";

        /// <summary>What AddDeepSynthCompliance registers, that the code fixes and hand-written code inject.</summary>
        private static readonly ImmutableArray<string> SdkServices = ImmutableArray.Create(
            "DeepSynth.Compliance.Labeling.IAigcTextLabeler",
            "DeepSynth.Compliance.Labeling.IAigcFileLabeler",
            "DeepSynth.Compliance.Imaging.IVisibleImageLabeler",
            "DeepSynth.Compliance.Audio.IAudioLabeler",
            "DeepSynth.Compliance.Propagation.IPropagationInspector",
            "DeepSynth.Compliance.Audit.ISynthesisAuditLog",
            "DeepSynth.Compliance.Review.IContentReviewer",
            "DeepSynth.Compliance.RealName.IRealNameGate",
            "DeepSynth.Compliance.Consent.IBiometricConsentVerifier",
            "DeepSynth.Compliance.Export.IUnlabeledExportGate");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptors.ReportedBy(RuleReporter.ComplianceRegistrationAnalyzer);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            if (compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary || compilation.Options.OutputKind == OutputKind.NetModule ||
                TypeResolver.For(compilation).Resolve(ExtensionsType) is not { } extensions)
            {
                return;
            }

            var services = SdkServices.Select(TypeResolver.For(compilation).Resolve).Where(t => t != null).Cast<INamedTypeSymbol>()
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var run = new Run(extensions, services);
            context.RegisterOperationAction(run.OnInvocation, OperationKind.Invocation);
            context.RegisterSyntaxNodeAction(run.OnParameter, SyntaxKind.Parameter);
            context.RegisterCompilationEndAction(run.OnCompilationEnd);
        }

        /// <summary>What one compilation registers and injects.</summary>
        private sealed class Run
        {
            private readonly INamedTypeSymbol _extensions;
            private readonly ImmutableHashSet<INamedTypeSymbol> _services;
            private readonly ConcurrentBag<(Location Location, INamedTypeSymbol Service)> _injections = new ConcurrentBag<(Location, INamedTypeSymbol)>();
            private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _registeredByHand = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
            private volatile bool _registered;

            public Run(INamedTypeSymbol extensions, ImmutableHashSet<INamedTypeSymbol> services)
            {
                _extensions = extensions;
                _services = services;
            }

            public void OnInvocation(OperationAnalysisContext context)
            {
                var method = ((IInvocationOperation)context.Operation).TargetMethod;
                if (method.Name == RegistrationMethod && SymbolEqualityComparer.Default.Equals(method.ContainingType, _extensions))
                {
                    _registered = true;
                    return;
                }

                if (method.TypeArguments.Length == 0)
                {
                    return;
                }

                // services.AddSingleton<IAigcTextLabeler, MyLabeler>(): the app registers that service itself.
                if (method.Name.StartsWith("Add", System.StringComparison.Ordinal) || method.Name.StartsWith("TryAdd", System.StringComparison.Ordinal))
                {
                    if (method.TypeArguments[0] is INamedTypeSymbol registered && _services.Contains(registered))
                    {
                        _registeredByHand[registered] = true;
                    }

                    return;
                }

                if ((method.Name == "GetRequiredService" || method.Name == "GetService") && method.TypeArguments[0] is INamedTypeSymbol resolved && _services.Contains(resolved))
                {
                    _injections.Add((context.Operation.Syntax.GetLocation(), resolved));
                }
            }

            /// <summary>Parameters the framework fills from the container: constructors (also primary ones) and handler lambdas.</summary>
            public void OnParameter(SyntaxNodeAnalysisContext context)
            {
                var parameter = (ParameterSyntax)context.Node;
                if (parameter.Type == null || !IsInjected(parameter) ||
                    context.SemanticModel.GetDeclaredSymbol(parameter, context.CancellationToken) is not { Type: INamedTypeSymbol type } ||
                    !_services.Contains(type))
                {
                    return;
                }

                _injections.Add((parameter.GetLocation(), type));
            }

            private static bool IsInjected(ParameterSyntax parameter) =>
                parameter.Parent?.Parent is ConstructorDeclarationSyntax || parameter.Parent?.Parent is TypeDeclarationSyntax ||
                parameter.Parent?.Parent is ParenthesizedLambdaExpressionSyntax ||
                parameter.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "FromServices" or "FromServicesAttribute");

            public void OnCompilationEnd(CompilationAnalysisContext context)
            {
                if (_registered)
                {
                    return;
                }

                foreach (var (location, service) in _injections.OrderBy(i => i.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(i => i.Location.SourceSpan.Start))
                {
                    if (_registeredByHand.ContainsKey(service))
                    {
                        continue;
                    }

                    var properties = ImmutableDictionary<string, string?>.Empty.Add(RegistrationDescriptor.ServiceProperty, service.Name);
                    context.ReportDiagnostic(Diagnostic.Create(RegistrationDescriptor.ComplianceNotRegistered, location, properties, service.Name));
                }
            }
        }
    }
}
