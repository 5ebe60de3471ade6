using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Analyzers.Manifest;
using DeepSynth.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using DeepSynth.Analyzers.Infrastructure;

namespace DeepSynth.Analyzers
{
    /// <summary>
    /// The duties a service has as a whole rather than along one flow (DSYN101-DSYN107): filing number, complaint portal,
    /// labeling section of the user agreement, security assessment, log retention, rumor refutation, minors policy. It
    /// reads them from the compliance manifest (deepsynth.json), checks what the code can show (the declared routes are
    /// mapped, face or voice synthesis is assessed, the audit log keeps 180 days), and reports manifest mistakes as
    /// DSYN902/DSYN905/DSYN906 at their line and column. A project is checked when it has a manifest, or when it generates
    /// content and is shaped like a service that publishes to people (<see cref="ServiceShape"/>): a console tool is not.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProjectDutiesAnalyzer : DiagnosticAnalyzer
    {
        private const string AuditLogOptionsType = "DeepSynth.Compliance.Audit.AuditLogOptions";
        private const string RetentionDaysProperty = "RetentionDays";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptors.ReportedBy(RuleReporter.ProjectDutiesAnalyzer);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var configuration = DeepSynthConfiguration.Load(context.Options.AdditionalFiles, context.CancellationToken);
            var manifest = ProjectManifest.Missing;
            if (configuration.File != null && configuration.Text != null)
            {
                // A broken file: DSYN901 (reported by the content-flow analyzer with its position); duties cannot be judged from it.
                if (configuration.Root is not { } rootObject)
                {
                    return;
                }

                manifest = new ProjectManifest(configuration, rootObject);
                ReportManifestIssues(context, configuration, ManifestSchema.Validate(rootObject));
            }

            var catalogue = ApiCatalogue.Create(context.Compilation, configuration, out _);
            if (!manifest.Exists && !catalogue.HasGenerationSources)
            {
                return;
            }

            var facts = new ProjectFacts();
            var servesPeople = manifest.Exists || ServiceShape.ReferencesServiceFramework(context.Compilation);
            if (!servesPeople && ServiceShape.HostedService(context.Compilation) is { } hostedService)
            {
                context.RegisterSymbolAction(
                    c =>
                    {
                        if (ServiceShape.IsWorker((INamedTypeSymbol)c.Symbol, hostedService))
                        {
                            facts.MarkHostsWorker();
                        }
                    },
                    SymbolKind.NamedType);
            }

            var biometric = new BiometricSynthesis(context.Compilation, catalogue);
            // Routes matter only to check the places a manifest names (the complaint portal, the filing page).
            var collectRoutes = manifest.Exists;
            var calls = new DutyCallNames(context.Compilation, catalogue, biometric, collectRoutes, context.CancellationToken);

            // One pass over each tree's syntax, binding only the calls, members and assignments whose names can matter:
            // operation actions on every invocation and member read cost more than the rest of this analyzer.
            context.RegisterSemanticModelAction(c => Guarded(() => Scan(c.SemanticModel, facts, biometric, catalogue, calls, c.CancellationToken), c.SemanticModel.Compilation.Assembly, Location.None, c.ReportDiagnostic));
            context.RegisterSymbolAction(
                c => Guarded(() => OnMethod((IMethodSymbol)c.Symbol, facts, catalogue, calls, collectRoutes), c.Symbol, c.Symbol.Locations.FirstOrDefault() ?? Location.None, c.ReportDiagnostic),
                SymbolKind.Method);
            context.RegisterCompilationEndAction(c => Guarded(
                () =>
                {
                    if (!manifest.Exists && !(facts.Generates && (servesPeople || facts.HostsWorker)))
                    {
                        return;
                    }

                    if (collectRoutes)
                    {
                        facts.Routes.AddRazorPages(c.Compilation.Assembly);
                    }

                    foreach (var diagnostic in new ProjectDutyChecks(manifest, facts, c.Options.AdditionalFiles, c.CancellationToken).Run())
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                },
                c.Compilation.Assembly,
                Location.None,
                c.ReportDiagnostic));
        }

        /// <summary>Never take the build down (AD0001): an unexpected failure becomes DSYN999 where it happened.</summary>
        private static void Guarded(Action action, ISymbol symbol, Location location, Action<Diagnostic> report)
        {
            try
            {
                action();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                report(Diagnostic.Create(RuleDescriptors.InternalError, location, symbol.ToDisplayString(), exception.GetType().Name + ": " + exception.Message));
            }
        }

        /// <summary>Manifest mistakes are reported on the file itself, as soon as it is read (so editors show them while typing).</summary>
        private static void ReportManifestIssues(CompilationStartAnalysisContext context, DeepSynthConfiguration configuration, ImmutableArray<ConfigurationIssue> issues)
        {
            if (issues.IsEmpty)
            {
                return;
            }

            context.RegisterAdditionalFileAction(fileContext =>
            {
                if (fileContext.AdditionalFile.Path != configuration.File?.Path)
                {
                    return;
                }

                foreach (var issue in issues)
                {
                    fileContext.ReportDiagnostic(Diagnostic.Create(issue.Descriptor, configuration.LocationOf(issue.Span), issue.Arguments));
                }
            });
        }

        private static void Scan(SemanticModel model, ProjectFacts facts, BiometricSynthesis biometric, ApiCatalogue catalogue, DutyCallNames calls, CancellationToken cancellationToken)
        {
            foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when calls.MayMatter(SyntaxIndex.CalledName(invocation), facts.Generates):
                        if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
                        {
                            OnInvocation(operation, facts, biometric, catalogue);
                        }

                        break;
                    case AssignmentExpressionSyntax assignment when SyntaxIndex.SimpleName(assignment.Left) == RetentionDaysProperty:
                        if (model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation simple)
                        {
                            OnAssignment(simple, facts);
                        }

                        break;
                    case SimpleNameSyntax name when !facts.Generates && calls.MayGenerate(name.Identifier.ValueText) && !(name.Parent is InvocationExpressionSyntax):
                        if (model.GetSymbolInfo(name, cancellationToken).Symbol is IPropertySymbol property)
                        {
                            OnGeneratedMember(property, facts, catalogue);
                        }

                        break;
                }
            }
        }

        private static void OnInvocation(IInvocationOperation invocation, ProjectFacts facts, BiometricSynthesis biometric, ApiCatalogue catalogue)
        {
            OnGeneratedMember(invocation.TargetMethod, facts, catalogue);
            facts.Routes.AddEndpoint(invocation);
            if (biometric.IsBiometric(invocation.TargetMethod))
            {
                facts.AddBiometricCall(invocation.Syntax.GetLocation(), ApiCatalogue.Describe(invocation.TargetMethod));
            }
        }

        /// <summary>A method (or property) the project declares as a generation source makes it a generative service too.</summary>
        private static void OnMethod(IMethodSymbol method, ProjectFacts facts, ApiCatalogue catalogue, DutyCallNames calls, bool collectRoutes)
        {
            if (collectRoutes)
            {
                facts.Routes.AddAction(method);
            }

            // A member by a name no generation source has is not one: its role is not computed.
            if (!facts.Generates && calls.MayGenerate(DeclaredBodies.CallName(method)))
            {
                OnGeneratedMember(method.AssociatedSymbol ?? method, facts, catalogue);
            }
        }

        private static void OnGeneratedMember(ISymbol member, ProjectFacts facts, ApiCatalogue catalogue)
        {
            if (!facts.Generates && catalogue.GetRole(member).Kind == ApiRoleKind.GenerationSource)
            {
                facts.MarkGenerates();
            }
        }

        /// <summary><c>options.RetentionDays = 90</c> or <c>new AuditLogOptions { RetentionDays = 90 }</c> on the SDK's audit log options.</summary>
        private static void OnAssignment(ISimpleAssignmentOperation assignment, ProjectFacts facts)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: RetentionDaysProperty } property } &&
                property.ContainingType?.FullName() == AuditLogOptionsType &&
                assignment.Value.ConstantValue is { HasValue: true, Value: int days } &&
                days < ManifestKeys.MinimumLogRetentionDays)
            {
                facts.AddShortRetention(assignment.Syntax.GetLocation(), days);
            }
        }
    }
}
