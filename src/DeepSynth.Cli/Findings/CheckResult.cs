using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Cli.Loading;
using DeepSynth.Findings;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Findings
{
    /// <summary>A project the check analysed, with what its duties depend on: its manifest and how completely it compiled.</summary>
    internal sealed record AnalysedProject(string Name, string FilePath)
    {
        public string Directory => System.IO.Path.GetDirectoryName(FilePath) ?? string.Empty;

        /// <summary>It has a deepsynth.json among its additional files (so it has project duties).</summary>
        public bool HasManifest { get; init; }

        /// <summary>The manifest's roles; a provider when none are declared.</summary>
        public IReadOnlyList<string> Roles { get; init; } = new[] { DeepSynth.Manifest.ManifestValues.Provider };

        public bool AppliesInChina { get; init; } = true;

        /// <summary>Source files with compile errors: flows through them may be missed.</summary>
        public int FilesWithCompileErrors { get; init; }
    }

    /// <summary>Everything a check found, for the reports and the exit code.</summary>
    internal sealed class CheckResult
    {
        private IReadOnlyList<ProjectDuties>? _duties;

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

        /// <summary>Each project's duties, judged the way the build report judges them.</summary>
        public IReadOnlyList<ProjectDuties> Duties => _duties ??= Projects.Select(p => ProjectDuties.Judge(p, this)).ToList();

        /// <summary>Projects that could not be loaded at all or not completely (restore, load, compile problems).</summary>
        public int IncompleteProjects => Problems.Select(p => p.ProjectPath ?? string.Empty).Distinct().Count();

        public int FilesWithCompileErrors => Projects.Sum(p => p.FilesWithCompileErrors);

        /// <summary>Not verified when a project could not be analysed completely, whatever its duties say.</summary>
        public Verdict Verdict => DeepSynth.Findings.DutyJudgement.VerdictOf(
            New.Count(),
            Baselined.Count(),
            Duties.Sum(d => d.NotVerified),
            Problems.Count > 0);

        /// <summary>Whether a new finding is at or above <paramref name="threshold"/> (null: nothing fails).</summary>
        public bool Fails(DiagnosticSeverity? threshold) => threshold != null && New.Any(f => f.Severity >= threshold.Value);

        public CheckResult WithFindings(IReadOnlyList<Finding> findings) =>
            new CheckResult(TargetPath, RootDirectory, Projects, findings, Problems, LoadTime, AnalysisTime);
    }
}
