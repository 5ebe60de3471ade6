using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Findings;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Manifest;
using DeepSynth.Cli.Loading;
using DeepSynth.Cli.Progress;
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
        public static async Task<SolutionCheckRun> RunAsync(LoadedSolution loaded, TimeSpan loadTime, IStepProgress progress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var problems = loaded.Problems.ToList();
            var compilations = await SolutionCompilations.CreateAsync(loaded.Solution, loaded.Targets, problems, cancellationToken).ConfigureAwait(false);
            var summaries = new SolutionSummaries(compilations, cancellationToken);
            var targets = compilations.Where(c => loaded.Targets.Contains(c.Project.Id)).ToList();

            var diagnostics = new List<ProjectFinding>();
            var byProject = new Dictionary<ProjectId, IReadOnlyList<AnalyzerFinding>>();
            var errorFiles = new Dictionary<ProjectId, int>();
            using var step = progress.Start($"Analysing {targets.Count} project(s)", targets.Count);
            for (var i = 0; i < targets.Count; i++)
            {
                var project = targets[i];
                var mode = project.ReferencesSolutionProjects ? ", with whole-solution summaries" : string.Empty;
                step.Describe($"Analysing {project.Project.Name} ({i + 1}/{targets.Count}{mode})");
                var (found, failures) = await ProjectCheck.RunAsync(project, summaries, cancellationToken).ConfigureAwait(false);
                byProject[project.Project.Id] = found;
                diagnostics.AddRange(found.Select(d => new ProjectFinding(d, project.Project, project.Compilation)));
                problems.AddRange(failures.Select(f => new LoadProblem("analyse", project.Project.FilePath, f)));
                var errors = project.Compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                errorFiles[project.Project.Id] = errors.Select(d => d.Location.SourceTree?.FilePath ?? string.Empty).Distinct(StringComparer.Ordinal).Count();
                problems.AddRange(CompileProblems(project, errors, errorFiles[project.Project.Id]));
                step.Advance($"Analysed {i + 1} project(s), {diagnostics.Count} finding(s)");
            }

            var findings = FindingFactory.Create(diagnostics, loaded.Target.RootDirectory);
            var result = new CheckResult(loaded.Target.Path, loaded.Target.RootDirectory, targets.Select(t => Describe(t, errorFiles[t.Project.Id], cancellationToken)).ToList(), findings, problems, loadTime, clock.Elapsed);
            return new SolutionCheckRun(result, byProject);
        }

        /// <summary>The project with what its duties depend on: its manifest (read as the analyzers read it) and its compile errors.</summary>
        private static AnalysedProject Describe(ProjectCompilation project, int filesWithErrors, CancellationToken cancellationToken)
        {
            var configuration = DeepSynthConfiguration.Load(project.Options.AdditionalFiles, cancellationToken);
            var described = new AnalysedProject(project.Project.Name, project.Project.FilePath ?? project.Project.Name)
            {
                HasManifest = configuration.File != null,
                FilesWithCompileErrors = filesWithErrors,
            };
            if (configuration.Text == null)
            {
                return described;
            }

            try
            {
                // A file that is not JSON is DSYN901: its duties are judged "not verified" from that finding.
                if (JsonReader.Parse(configuration.Text.ToString()) is JsonObject root)
                {
                    var manifest = new ProjectManifest(configuration, root);
                    return described with { Roles = manifest.Roles, AppliesInChina = manifest.AppliesInChina };
                }
            }
            catch (JsonSyntaxException)
            {
            }

            return described;
        }

        /// <summary>
        /// Errors anywhere in the code (typically unresolved references of a project that did not restore, or code being
        /// edited): the project is still analysed, but flows through code that does not bind can be missed, so say so.
        /// </summary>
        private static IEnumerable<LoadProblem> CompileProblems(ProjectCompilation project, IReadOnlyList<Diagnostic> errors, int files)
        {
            if (errors.Count > 0)
            {
                yield return new LoadProblem("compile", project.Project.FilePath, $"{files} file(s) could not be fully analysed: {errors.Count} compile error(s), first: {errors[0]}. Findings in code that does not compile may be missing.");
            }
        }
    }
}
