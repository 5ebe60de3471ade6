using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Findings
{
    /// <summary>Why a related location belongs to a finding.</summary>
    internal enum RelatedRole
    {
        /// <summary>Where the content comes from: a generation call, or user input for DSYN004.</summary>
        Source,

        /// <summary>The publish point inside the called method that makes the call a publish point (for DSYN004: the generation call inside it).</summary>
        PublishedInside,
    }

    /// <summary>An additional location of a finding, with its role.</summary>
    internal sealed class RelatedSpot
    {
        public RelatedSpot(SourceSpot spot, RelatedRole role, bool inOtherProject)
        {
            Spot = spot;
            Role = role;
            InOtherProject = inOtherProject;
        }

        public SourceSpot Spot { get; }

        public RelatedRole Role { get; }

        /// <summary>In another project of the solution than the finding: seen only by the whole-solution analysis.</summary>
        public bool InOtherProject { get; }
    }

    /// <summary>The project a finding belongs to, and where the finding is within it.</summary>
    internal sealed class FindingProject
    {
        public FindingProject(string name, string projectFile, string rootDirectory, string pathInProject)
        {
            Name = name;
            FullPath = projectFile;
            File = SourceSpot.Relative(projectFile, rootDirectory);
            Directory = System.IO.Path.GetDirectoryName(projectFile) ?? rootDirectory;
            PathInProject = pathInProject;
        }

        public string Name { get; }

        public string FullPath { get; }

        /// <summary>The project file relative to the checked root: where a finding without a source location is shown.</summary>
        public string File { get; }

        public string Directory { get; }

        /// <summary>The finding's file relative to the project directory, as the build task fingerprints and baselines it.</summary>
        public string PathInProject { get; }
    }

    /// <summary>One finding of a check, in the terms every report uses.</summary>
    internal sealed class Finding
    {
        public Finding(string ruleId, DiagnosticSeverity severity, string message, FindingProject project, SourceSpot? at, ImmutableArray<RelatedSpot> related, string fingerprint, bool baselined)
        {
            RuleId = ruleId;
            Severity = severity;
            Message = message;
            Project = project;
            At = at;
            Related = related;
            Fingerprint = fingerprint;
            Baselined = baselined;
        }

        public string RuleId { get; }

        public DiagnosticSeverity Severity { get; }

        public string Message { get; }

        public FindingProject Project { get; }

        /// <summary>The publish point (or generation call, for DSYN004); null for project-wide configuration findings.</summary>
        public SourceSpot? At { get; }

        public ImmutableArray<RelatedSpot> Related { get; }

        /// <summary><see cref="DeepSynth.Findings.FindingFingerprint"/> of the finding, as in deepsynth.baseline.json and SARIF.</summary>
        public string Fingerprint { get; }

        /// <summary>Accepted in the baseline: reported, but never fails the check.</summary>
        public bool Baselined { get; }

        public bool IsCrossProject => Related.Any(r => r.InOtherProject);

        public Finding AsBaselined(bool baselined) => new Finding(RuleId, Severity, Message, Project, At, Related, Fingerprint, baselined);
    }
}
