using System;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers
{
    /// <summary>
    /// Follows AI-generated content from the calls that produce it to the places it reaches people, and reports
    /// the compliance steps missing on the way (the flow duties of the duty table), plus configuration problems. Generated code is
    /// skipped unless <c>deepsynth.analyze_generated_code = true</c>: the driver hands every body over, and the option decides.
    /// The Razor source generator's output is always analysed: it is where .razor and .cshtml files render (<see cref="RazorGeneratedCode"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContentFlowAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptors.ReportedBy(RuleReporter.ContentFlowAnalyzer);

        public override void Initialize(AnalysisContext context)
        {
            // The option is per file and only known per compilation, so generated bodies are skipped in AnalyzeBlock, not here.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var configuration = DeepSynthConfiguration.Load(context.Options.AdditionalFiles, context.CancellationToken);
            var catalogue = ApiCatalogue.Create(context.Compilation, configuration, out var catalogueIssues);
            var issues = configuration.Issues.AddRange(catalogueIssues);
            if (!issues.IsEmpty && configuration.File != null)
            {
                context.RegisterAdditionalFileAction(fileContext =>
                {
                    if (fileContext.AdditionalFile.Path != configuration.File.Path)
                    {
                        return;
                    }

                    foreach (var issue in issues)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(issue.Descriptor, configuration.LocationOf(issue.Span), issue.Arguments));
                    }
                });
            }

            var invalidOptions = InvalidOptionSites.Find(context.Compilation, context.Options.AnalyzerConfigOptionsProvider, configuration.Catalogue.IdentityPolicies, context.CancellationToken);
            if (!invalidOptions.IsEmpty)
            {
                context.RegisterSyntaxTreeAction(treeContext =>
                {
                    if (invalidOptions.TryGetValue(treeContext.Tree, out var invalid))
                    {
                        foreach (var option in invalid)
                        {
                            treeContext.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.InvalidOption, InvalidOptionSites.LocationIn(treeContext.Tree, treeContext.CancellationToken), option.Key, option.Value, option.Problem));
                        }
                    }
                });
            }

            context.RegisterCompilationEndAction(endContext => ReportMissingRows(catalogue, endContext));
            if (!catalogue.HasGenerationSources)
            {
                return;
            }

            var engine = new FlowEngine(context.Compilation, catalogue, context.Options, configuration, ExternalSummaries.For(context.Compilation));
            context.RegisterOperationBlockAction(blockContext => AnalyzeBlock(engine, engine.Roles, blockContext));
        }

        /// <summary>DSYN909: one info per package whose referenced version lacks catalogue rows (their calls go unanalysed).</summary>
        private static void ReportMissingRows(ApiCatalogue catalogue, CompilationAnalysisContext context)
        {
            foreach (var package in catalogue.MissingRows().GroupBy(r => r.Package, SymbolEqualityComparer.Default))
            {
                var assembly = (IAssemblySymbol)package.Key!;
                context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.CatalogueRowMissing, Location.None,
                    assembly.Identity.Name, assembly.Identity.Version.ToString(), string.Join("; ", package.Select(r => r.Row))));
            }
        }

        private static void AnalyzeBlock(FlowEngine engine, RoleDuties roles, OperationBlockAnalysisContext context)
        {
            var tree = context.OperationBlocks.FirstOrDefault()?.Syntax.SyntaxTree;
            if (context.OwningSymbol is not IMethodSymbol method ||
                (context.IsGeneratedCode && !RazorGeneratedCode.IsRazorOutput(tree) && !engine.OptionsFor(tree).AnalyzeGeneratedCode))
            {
                return;
            }

            // The driver hands the body block (its parent is the method body operation, when there is one).
            var block = context.OperationBlocks.FirstOrDefault(b => b is IMethodBodyOperation || b is IConstructorBodyOperation || b is IBlockOperation);
            if (block == null)
            {
                return;
            }

            var body = block;
            while (body.Parent != null)
            {
                body = body.Parent;
            }

            try
            {
                var findings = new FindingCollector(context.Compilation);
                engine.AnalyzeBody(method, body, () => context.GetControlFlowGraph(block), findings, context.CancellationToken);
                foreach (var diagnostic in findings.ToDiagnostics())
                {
                    if (roles.AppliesTo(diagnostic.Id))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                // Never take the build down (AD0001): skip this member and say so where it is.
                var location = Location.Create(body.Syntax.SyntaxTree, new TextSpan(body.Syntax.SpanStart, 0));
                context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.InternalError, location, method.ToDisplayString(), exception.GetType().Name + ": " + exception.Message));
            }
        }
    }
}
