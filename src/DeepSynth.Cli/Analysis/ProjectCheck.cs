using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Analyzers;
using DeepSynth.Cli.Findings;
using DeepSynth.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>
    /// The findings of one project. The analyzers run through the analyzer driver exactly as in a build. For a project that
    /// calls other projects of the solution, the content-flow findings (DSYN001-005, DSYN999) come instead from the engine
    /// run with whole-solution summaries (<see cref="SolutionFlowPass"/>), which sees what the build cannot: content
    /// generated in a library and published here, or a library method that already reviews what it is given. The flow
    /// analyzer's configuration findings and every other analyzer's findings always come from the driver.
    /// </summary>
    internal static class ProjectCheck
    {
        public static async Task<(IReadOnlyList<AnalyzerFinding> Findings, IReadOnlyList<string> AnalyzerFailures)> RunAsync(
            ProjectCompilation project, SolutionSummaries summaries, CancellationToken cancellationToken)
        {
            var analyzers = DeepSynthAnalyzers.Create();
            var flowAnalyzer = analyzers.OfType<ContentFlowAnalyzer>().Single();
            FindingRelay? relay = null;
            if (project.ReferencesSolutionProjects)
            {
                var findings = SolutionFlowPass.Run(summaries.EngineFor(project), project.Compilation, cancellationToken);
                relay = new FindingRelay(findings, project.Compilation);
                analyzers = analyzers.Add(relay);
            }

            var failures = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.Options,
                (exception, failed, _) => failures.Enqueue($"{failed.GetType().Name} failed on {project.Project.Name}: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var result = await project.Compilation.WithAnalyzers(analyzers, options).GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);

            var diagnostics = new List<AnalyzerFinding>();
            foreach (var analyzer in analyzers.Where(a => a != relay))
            {
                var replaced = relay != null && analyzer == flowAnalyzer;
                diagnostics.AddRange(result.GetAllDiagnostics(analyzer).Where(d => !replaced || IsConfigurationFinding(d)).Select(d => new AnalyzerFinding(d, d.Severity)));
            }

            if (relay != null)
            {
                diagnostics.AddRange(result.GetAllDiagnostics(relay).Select(relay.Original));
            }

            return (diagnostics, failures.ToList());
        }

        private static bool IsConfigurationFinding(Diagnostic diagnostic) =>
            diagnostic.Descriptor.Category == RuleDescriptors.ConfigurationCategory && diagnostic.Id != RuleIds.InternalError;
    }
}
