using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Findings;
using DeepSynth.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Analysis
{
    /// <summary>A check of a loaded solution: the findings for the reports, and the diagnostics per project for the code fixes.</summary>
    internal sealed class SolutionCheckRun
    {
        public SolutionCheckRun(CheckResult result, IReadOnlyDictionary<ProjectId, IReadOnlyList<AnalyzerFinding>> byProject)
        {
            Result = result;
            ByProject = byProject;
        }

        public CheckResult Result { get; }

        public IReadOnlyDictionary<ProjectId, IReadOnlyList<AnalyzerFinding>> ByProject { get; }
    }

    /// <summary>Analyses the target projects of a loaded solution with whole-solution summaries and collects their findings.</summary>
    internal static class SolutionCheck
    {
        public static async Task<SolutionCheckRun> RunAsync(LoadedSolution loaded, TimeSpan loadTime, TextWriter progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var problems = loaded.Problems.ToList();
            var compilations = await SolutionCompilations.CreateAsync(loaded.Solution, loaded.Targets, problems, cancellationToken).ConfigureAwait(false);
            var summaries = new SolutionSummaries(compilations, cancellationToken);
            var targets = compilations.Where(c => loaded.Targets.Contains(c.Project.Id)).ToList();

            var diagnostics = new List<ProjectFinding>();
            var byProject = new Dictionary<ProjectId, IReadOnlyList<AnalyzerFinding>>();
            for (var i = 0; i < targets.Count; i++)
            {
                var project = targets[i];
                var mode = project.ReferencesSolutionProjects ? ", with whole-solution summaries" : string.Empty;
                progress.WriteLine($"Analysing {project.Project.Name} ({i + 1}/{targets.Count}{mode}) ...");
                var (found, failures) = await ProjectCheck.RunAsync(project, summaries, cancellationToken).ConfigureAwait(false);
                byProject[project.Project.Id] = found;
                diagnostics.AddRange(found.Select(d => new ProjectFinding(d, project.Project, project.Compilation)));
                problems.AddRange(failures.Select(f => new LoadProblem("analyse", project.Project.FilePath, f)));
                problems.AddRange(CompileProblems(project));
            }

            var findings = FindingFactory.Create(diagnostics, loaded.Target.RootDirectory);
            var result = new CheckResult(loaded.Target.Path, loaded.Target.RootDirectory, targets.Select(t => new AnalysedProject(t.Project.Name, t.Project.FilePath ?? t.Project.Name)).ToList(), findings, problems, loadTime, clock.Elapsed);
            return new SolutionCheckRun(result, byProject);
        }

        /// <summary>
        /// Errors in declarations (typically unresolved references of a project that did not restore): the project is still
        /// analysed, but flows through code that does not bind can be missed, so say so.
        /// </summary>
        private static IEnumerable<LoadProblem> CompileProblems(ProjectCompilation project)
        {
            var errors = project.Compilation.GetDeclarationDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                yield return new LoadProblem("compile", project.Project.FilePath, $"{errors.Count} compile error(s) in declarations, first: {errors[0]}. Findings in code that does not compile may be missing.");
            }
        }
    }
}
