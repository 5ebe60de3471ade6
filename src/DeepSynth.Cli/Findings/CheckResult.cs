using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Findings
{
    /// <summary>A project the check analysed.</summary>
    internal sealed record AnalysedProject(string Name, string FilePath)
    {
        public string Directory => System.IO.Path.GetDirectoryName(FilePath) ?? string.Empty;
    }

    /// <summary>Everything a check found, for the reports and the exit code.</summary>
    internal sealed class CheckResult
    {
        public CheckResult(string targetPath, string rootDirectory, IReadOnlyList<AnalysedProject> projects, IReadOnlyList<Finding> findings, IReadOnlyList<LoadProblem> problems, TimeSpan loadTime, TimeSpan analysisTime)
        {
            TargetPath = targetPath;
            RootDirectory = rootDirectory;
            Projects = projects;
            Findings = findings;
            Problems = problems;
            LoadTime = loadTime;
            AnalysisTime = analysisTime;
        }

        public string TargetPath { get; }

        /// <summary>The directory finding paths and fingerprints are relative to.</summary>
        public string RootDirectory { get; }

        public IReadOnlyList<AnalysedProject> Projects { get; }

        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Projects that could not be restored, loaded or compiled completely: reported, never fatal.</summary>
        public IReadOnlyList<LoadProblem> Problems { get; }

        public TimeSpan LoadTime { get; }

        public TimeSpan AnalysisTime { get; }

        public IEnumerable<Finding> New => Findings.Where(f => !f.Baselined);

        public IEnumerable<Finding> Baselined => Findings.Where(f => f.Baselined);

        /// <summary>Whether a new finding is at or above <paramref name="threshold"/> (null: nothing fails).</summary>
        public bool Fails(DiagnosticSeverity? threshold) => threshold != null && New.Any(f => f.Severity >= threshold.Value);

        public CheckResult WithFindings(IReadOnlyList<Finding> findings) =>
            new CheckResult(TargetPath, RootDirectory, Projects, findings, Problems, LoadTime, AnalysisTime);
    }
}
