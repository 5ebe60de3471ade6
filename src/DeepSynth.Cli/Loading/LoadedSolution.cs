using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace DeepSynth.Cli.Loading
{
    /// <summary>A loaded solution: every project MSBuild could load (with the projects they reference), and which of them to report on.</summary>
    internal sealed class LoadedSolution : IDisposable
    {
        public LoadedSolution(MSBuildWorkspace workspace, CheckTarget target, ImmutableArray<ProjectId> targets, IReadOnlyList<LoadProblem> problems)
        {
            Workspace = workspace;
            Target = target;
            Targets = targets;
            Problems = problems;
        }

        public MSBuildWorkspace Workspace { get; }

        public Solution Solution => Workspace.CurrentSolution;

        public CheckTarget Target { get; }

        /// <summary>The projects whose findings are reported (one per project file); referenced projects outside them only supply summaries.</summary>
        public ImmutableArray<ProjectId> Targets { get; }

        public IReadOnlyList<LoadProblem> Problems { get; }

        public void Dispose() => Workspace.Dispose();
    }
}
