namespace DeepSynth.Build
{
    /// <summary>Where a finding stands for the compliance gate.</summary>
    public enum FindingStatus
    {
        /// <summary>Not accepted: counts against the verdict (and fails the build when the policy says so).</summary>
        Open,

        /// <summary>Accepted when DeepSynth was adopted (in deepsynth.baseline.json): reported, never fails the build.</summary>
        Baselined,

        /// <summary>Suppressed in code with a justification a compliance officer can read.</summary>
        Suppressed,
    }

    /// <summary>A DeepSynth finding as the report shows it: where it is (relative to the project), its fingerprint and status.</summary>
    public sealed class ComplianceFinding
    {
        public ComplianceFinding(SarifFinding finding, string relativePath, string fingerprint, FindingStatus status, string? justification, bool unjustifiedSuppression)
        {
            Finding = finding;
            RelativePath = relativePath;
            Fingerprint = fingerprint;
            Status = status;
            Justification = justification;
            UnjustifiedSuppression = unjustifiedSuppression;
        }

        public SarifFinding Finding { get; }

        public string RuleId => Finding.RuleId;

        /// <summary>Relative to the project directory with '/' separators; empty for project-wide findings without a file.</summary>
        public string RelativePath { get; }

        public string Fingerprint { get; }

        public FindingStatus Status { get; }

        /// <summary>Why it is suppressed (the attribute's Justification or the pragma's comment).</summary>
        public string? Justification { get; }

        /// <summary>Suppressed in code without a justification: it does not count as suppressed.</summary>
        public bool UnjustifiedSuppression { get; }

        /// <summary>"Program.cs:12", or "(project)" for findings without a location.</summary>
        public string Where => RelativePath.Length == 0 ? "(project)" : Finding.Line > 0 ? RelativePath + ":" + Finding.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : RelativePath;
    }
}
