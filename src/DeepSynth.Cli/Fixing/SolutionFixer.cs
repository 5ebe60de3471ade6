using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.Cli.Analysis;
using DeepSynth.Cli.Findings;
using DeepSynth.Cli.Loading;
using DeepSynth.Cli.Progress;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSynth.Cli.Fixing
{
    /// <summary>What fixing one rule did.</summary>
    /// <summary>
    /// What fixing one rule did: findings before and after, the findings left (with where they are), and the fixes undone
    /// because they broke the build.
    /// </summary>
    internal sealed record RuleFixOutcome(string RuleId, int Before, int After, IReadOnlyList<Finding> Left, IReadOnlyList<BrokenBuild> Undone)
    {
        public RuleFixOutcome(string ruleId)
            : this(ruleId, 0, 0, Array.Empty<Finding>(), Array.Empty<BrokenBuild>())
        {
        }

        /// <summary>Findings that went away; never negative (a fix in one place can make another finding appear).</summary>
        public int Fixed => Before - Math.Min(Before, After);
    }

    /// <summary>
    /// Applies the code fixes to a loaded solution, one rule at a time in <see cref="ComplianceFixes.Order"/>: Fix All over
    /// every project with findings of the rule, the changed files written, then the solution analysed again, so the next
    /// rule's fixes start from the code the previous ones produced.
    /// </summary>
    internal static class SolutionFixer
    {
        public static async Task<IReadOnlyList<RuleFixOutcome>> FixAsync(LoadedSolution loaded, SolutionCheckRun firstRun, IReadOnlyCollection<string> rules, IStepProgress progress, CancellationToken cancellationToken)
        {
            var outcomes = new List<RuleFixOutcome>();
            var run = firstRun;
            var toFix = ComplianceFixes.Order.Count(r => rules.Contains(r) && firstRun.Result.Findings.Any(f => f.RuleId == r));
            using var step = progress.Start($"Fixing {toFix} rule(s)", toFix);
            foreach (var rule in ComplianceFixes.Order.Where(rules.Contains))
            {
                var before = run.Result.Findings.Count(f => f.RuleId == rule);
                if (before == 0)
                {
                    outcomes.Add(new RuleFixOutcome(rule));
                    continue;
                }

                step.Describe($"Fixing {before} {rule} finding(s)");
                var solution = loaded.Solution;
                foreach (var (projectId, findings) in run.ByProject)
                {
                    var diagnostics = findings.Where(f => f.Diagnostic.Id == rule).Select(f => f.Diagnostic).ToImmutableArray();
                    if (!diagnostics.IsEmpty)
                    {
                        solution = await FixAllAsync(solution.GetProject(projectId)!, rule, diagnostics, cancellationToken).ConfigureAwait(false);
                    }
                }

                // Nothing is written that does not compile: fixes that break the build are undone and reported.
                var (compiling, undone) = await CompileGate.KeepCompilingAsync(loaded.Solution, solution, cancellationToken).ConfigureAwait(false);
                if (!loaded.Workspace.TryApplyChanges(compiling))
                {
                    throw new IOException($"the {rule} fixes could not be written to the files.");
                }

                run = await SolutionCheck.RunAsync(loaded, TimeSpan.Zero, StepProgress.Silent, cancellationToken).ConfigureAwait(false);
                var left = run.Result.Findings.Where(f => f.RuleId == rule).ToList();
                outcomes.Add(new RuleFixOutcome(rule, before, left.Count, left, undone));
                step.Advance($"Fixed {rule}: {before - Math.Min(before, left.Count)} of {before}");
            }

            return outcomes;
        }

        /// <summary>Fix All for one rule in one project, the way the IDE's "Fix all occurrences in project" does.</summary>
        private static async Task<Solution> FixAllAsync(Project project, string rule, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var provider = ComplianceFixes.For(rule)!;
            var document = project.GetDocument(diagnostics[0].Location.SourceTree!);
            var fixAll = provider.GetFixAllProvider();
            if (document == null)
            {
                return project.Solution;
            }

            var context = new FixAllContext(document, provider, FixAllScope.Project, ComplianceFixes.EquivalenceKey(provider), new[] { rule }, new KnownDiagnostics(diagnostics), cancellationToken);
            var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
            if (action == null)
            {
                return project.Solution;
            }

            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    return apply.ChangedSolution;
                }
            }

            return project.Solution;
        }

        /// <summary>The findings of the check, handed to Fix All (it would otherwise run the analyzers itself, without whole-solution summaries).</summary>
        private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
        }
    }
}
