using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using DeepSynth.Analyzers;
using DeepSynth.Cli.Findings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>
    /// Hands the whole-solution findings of one project to the analyzer driver, so the driver decides what is suppressed
    /// (#pragma, [SuppressMessage]), at what severity (.editorconfig, .globalconfig) and what is in generated code, exactly
    /// as for the analyzer's own findings in a build. Locations in other projects would be rejected by the driver; they are
    /// left out of the relayed copy and restored from the original afterwards.
    /// </summary>
#pragma warning disable RS1001, RS1036, RS1038, RS1041 // Hosted by the CLI only, never loaded by a compiler.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class FindingRelay : DiagnosticAnalyzer
#pragma warning restore RS1001, RS1036, RS1038, RS1041
    {
        private const string IndexProperty = "DeepSynth.Cli.Finding";

        private readonly IReadOnlyList<Diagnostic> _findings;
        private readonly ILookup<SyntaxTree, Diagnostic> _relayed;

        public FindingRelay(IReadOnlyList<Diagnostic> findings, Compilation compilation)
        {
            _findings = findings;
            _relayed = findings
                .Select((finding, index) => Relayed(finding, index, compilation))
                .Where(d => d.Location.SourceTree != null)
                .ToLookup(d => d.Location.SourceTree!);
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = new ContentFlowAnalyzer().SupportedDiagnostics;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(treeContext =>
            {
                foreach (var diagnostic in _relayed[treeContext.Tree])
                {
                    treeContext.ReportDiagnostic(diagnostic);
                }
            });
        }

        /// <summary>The original finding of a diagnostic the driver let through, at the severity the driver gave it.</summary>
        public AnalyzerFinding Original(Diagnostic relayed)
        {
            var index = int.Parse(relayed.Properties[IndexProperty]!, CultureInfo.InvariantCulture);
            return new AnalyzerFinding(_findings[index], relayed.Severity);
        }

        private static Diagnostic Relayed(Diagnostic finding, int index, Compilation compilation)
        {
            var descriptor = finding.Descriptor;
            return Diagnostic.Create(
                finding.Id,
                descriptor.Category,
                finding.GetMessage(CultureInfo.InvariantCulture),
                finding.Severity,
                finding.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                finding.WarningLevel,
                descriptor.Title,
                descriptor.Description,
                descriptor.HelpLinkUri,
                finding.Location,
                finding.AdditionalLocations.Where(l => !l.IsInSource || compilation.ContainsSyntaxTree(l.SourceTree!)),
                descriptor.CustomTags,
                finding.Properties.SetItem(IndexProperty, index.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
