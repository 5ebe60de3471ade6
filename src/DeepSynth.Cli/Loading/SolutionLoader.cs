using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Progress;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace DeepSynth.Cli.Loading
{
    /// <summary>
    /// Restores and loads a check target with MSBuildWorkspace. A project that cannot be loaded is reported and skipped; the
    /// target as a whole fails (<see cref="LoadException"/>) only when nothing at all could be loaded.
    /// </summary>
    internal static class SolutionLoader
    {
        public static async Task<LoadedSolution> LoadAsync(CheckTarget target, bool restore, IStepProgress progress, CancellationToken cancellationToken)
        {
            MSBuildHost.EnsureRegistered();
            var problems = new List<LoadProblem>();
            if (restore)
            {
                problems.AddRange(await PackageRestore.RestoreAsync(target, progress, cancellationToken).ConfigureAwait(false));
            }

            var workspace = MSBuildWorkspace.Create();
            try
            {
                var failures = new List<string>();
                using var failureHandler = workspace.RegisterWorkspaceFailedHandler(e =>
                {
                    if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                    {
                        lock (failures)
                        {
                            failures.Add(e.Diagnostic.Message);
                        }
                    }
                });

                IReadOnlyList<string> expected;
                var count = target.Kind == CheckTargetKind.Solution ? SolutionProjects.List(target.Path).Count : target.Projects.Length;
                using (var step = progress.Start($"Loading {Path.GetFileName(target.Path)}", count))
                {
                    expected = await OpenAsync(workspace, target, new LoadProgress(step), failures, cancellationToken).ConfigureAwait(false);
                }

                var targets = MatchTargets(workspace.CurrentSolution, expected, failures);
                problems.AddRange(LoadProblems(workspace.CurrentSolution, expected, targets, failures));
                if (targets.IsEmpty)
                {
                    throw new LoadException($"no project of {target.Path} could be loaded:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
                }

                return new LoadedSolution(workspace, target, targets, problems);
            }
            catch
            {
                workspace.Dispose();
                throw;
            }
        }

        /// <summary>Opens the target; returns the project files it stands for.</summary>
        private static async Task<IReadOnlyList<string>> OpenAsync(MSBuildWorkspace workspace, CheckTarget target, IProgress<ProjectLoadProgress> progress, List<string> failures, CancellationToken cancellationToken)
        {
            if (target.Kind == CheckTargetKind.Solution)
            {
                try
                {
                    await workspace.OpenSolutionAsync(target.Path, progress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new LoadException($"{target.Path} could not be opened: {e.Message}", e);
                }

                return SolutionProjects.List(target.Path);
            }

            foreach (var project in target.Projects)
            {
                // A project another one references is loaded with it already.
                if (workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, project)))
                {
                    continue;
                }

                try
                {
                    await workspace.OpenProjectAsync(project, progress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    lock (failures)
                    {
                        failures.Add($"'{project}' could not be loaded: {e.Message}");
                    }
                }
            }

            return target.Projects;
        }

        /// <summary>
        /// One loaded C# project per expected project file (the first target framework of a multi-targeting project). A
        /// project MSBuild failed on stays in the workspace as an empty shell; it was not loaded.
        /// </summary>
        private static ImmutableArray<ProjectId> MatchTargets(Solution solution, IReadOnlyList<string> expected, List<string> failures)
        {
            var targets = ImmutableArray.CreateBuilder<ProjectId>();
            foreach (var path in expected)
            {
                var project = solution.Projects.FirstOrDefault(p => p.Language == LanguageNames.CSharp && SamePath(p.FilePath, path));
                var failed = failures.Any(f => f.Contains(path, StringComparison.Ordinal));
                if (project != null && !(failed && !project.DocumentIds.Any()))
                {
                    targets.Add(project.Id);
                }
            }

            return targets.ToImmutable();
        }

        /// <summary>Every failure MSBuild reported (with the project it names), and the expected projects that are missing without one.</summary>
        private static IEnumerable<LoadProblem> LoadProblems(Solution solution, IReadOnlyList<string> expected, ImmutableArray<ProjectId> targets, List<string> failures)
        {
            foreach (var failure in failures.Distinct())
            {
                yield return new LoadProblem("load", expected.FirstOrDefault(p => failure.Contains(p, StringComparison.Ordinal)), failure);
            }

            foreach (var path in expected)
            {
                if (!failures.Any(f => f.Contains(path, StringComparison.Ordinal)) && !targets.Any(t => SamePath(solution.GetProject(t)!.FilePath, path)))
                {
                    yield return new LoadProblem("load", path, "the project could not be loaded; it was not analysed.");
                }
            }
        }

        internal static bool SamePath(string? a, string b) =>
            a != null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        /// <summary>One item of the load step per project as MSBuild finishes it, so a long load shows where it is.</summary>
        private sealed class LoadProgress : IProgress<ProjectLoadProgress>
        {
            private readonly ProgressStep _step;

            public LoadProgress(ProgressStep step) => _step = step;

            public void Report(ProjectLoadProgress value)
            {
                if (value.Operation == ProjectLoadOperation.Resolve)
                {
                    var framework = value.TargetFramework == null ? string.Empty : $" ({value.TargetFramework})";
                    _step.Advance($"Loaded {Path.GetFileName(value.FilePath)}{framework} in {value.ElapsedTime.TotalSeconds:0.0} s");
                }
                else
                {
                    _step.Describe($"Loading {Path.GetFileName(value.FilePath)}: {value.Operation.ToString().ToLowerInvariant()}");
                }
            }
        }
    }
}
