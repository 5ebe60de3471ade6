using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Findings;
using DeepSynth.Manifest;

namespace DeepSynth.Build
{
    /// <summary>How one duty stands in a report.</summary>
    public enum DutyState
    {
        /// <summary>Checked, nothing open.</summary>
        Met,

        /// <summary>Checked, open findings.</summary>
        NotMet,

        /// <summary>Checked; its findings are all baselined or suppressed with a justification.</summary>
        Accepted,

        /// <summary>The manifest's roles or jurisdictions do not bear it.</summary>
        NotApplicable,

        /// <summary>Its rules did not run for this project.</summary>
        NotChecked,
    }

    /// <summary>One row of the per-article table: a duty, how it stands and its findings by status.</summary>
    public sealed class DutyResult
    {
        internal DutyResult(string title, string titleZh, string basis, IReadOnlyList<string> ruleIds, DutyState state, IReadOnlyList<ComplianceFinding> findings)
        {
            Title = title;
            TitleZh = titleZh;
            Basis = basis;
            RuleIds = ruleIds;
            State = state;
            Findings = findings;
        }

        public string Title { get; }

        public string TitleZh { get; }

        public string Basis { get; }

        public IReadOnlyList<string> RuleIds { get; }

        public DutyState State { get; }

        public IReadOnlyList<ComplianceFinding> Findings { get; }

        public int Count(FindingStatus status) => Findings.Count(f => f.Status == status);
    }

    /// <summary>
    /// The compliance report of one project build: the manifest's declarations, each duty per article with its findings,
    /// suppressed and baselined findings with their justification, and the verdict under the build's policy.
    /// Holds no time stamps or absolute paths, so the same code gives the same report on every machine.
    /// </summary>
    public sealed class ComplianceReport
    {
        public ComplianceReport(
            string projectName,
            ManifestSummary manifest,
            FailurePolicy policy,
            bool continuousIntegration,
            IReadOnlyList<ComplianceFinding> findings,
            IReadOnlyDictionary<string, string> ruleTitles,
            string? baselinePath,
            IReadOnlyList<BaselineEntry> staleBaselineEntries)
        {
            ProjectName = projectName;
            Manifest = manifest;
            Policy = policy;
            ContinuousIntegration = continuousIntegration;
            Findings = findings;
            RuleTitles = ruleTitles;
            BaselinePath = baselinePath;
            StaleBaselineEntries = staleBaselineEntries;
            Duties = ComputeDuties();
        }

        public string ProjectName { get; }

        public ManifestSummary Manifest { get; }

        public FailurePolicy Policy { get; }

        public bool ContinuousIntegration { get; }

        public IReadOnlyList<ComplianceFinding> Findings { get; }

        public IReadOnlyDictionary<string, string> RuleTitles { get; }

        /// <summary>Relative to the project; null when the project has no baseline.</summary>
        public string? BaselinePath { get; }

        public IReadOnlyList<BaselineEntry> StaleBaselineEntries { get; }

        public IReadOnlyList<DutyResult> Duties { get; }

        public string ToolVersion { get; } = "DeepSynth " + typeof(ComplianceReport).Assembly.GetName().Version!.ToString(3);

        public IEnumerable<ComplianceFinding> Open => Findings.Where(f => f.Status == FindingStatus.Open);

        /// <summary>The open findings the policy fails the build on.</summary>
        public IReadOnlyList<ComplianceFinding> Failing => Open.Where(f => Policy.Fails(f.Finding.Level)).ToList();

        public bool IsCompliant => !Open.Any();

        public string Title(string ruleId) => RuleTitles.TryGetValue(ruleId, out var title) ? title : ruleId;

        private IReadOnlyList<DutyResult> ComputeDuties()
        {
            var results = new List<DutyResult>();
            // Without a manifest the project-duties analyzer only runs for code that generates content, and then reports every duty.
            var projectDutiesRan = Manifest.RelativePath != null || Findings.Any(f => ComplianceDuties.ForRule(f.RuleId)?.Scope == DutyScope.Project);
            foreach (var duty in ComplianceDuties.All)
            {
                var findings = Findings.Where(f => duty.RuleIds.Contains(f.RuleId)).ToList();
                var state = duty.Scope == DutyScope.Project && !Manifest.AppliesInChina ? DutyState.NotApplicable
                    : duty.Scope == DutyScope.Project && !duty.AppliesTo(Manifest.Roles) ? DutyState.NotApplicable
                    : !duty.RuleIds.Any(RuleTitles.ContainsKey) || (duty.Scope == DutyScope.Project && !projectDutiesRan) ? DutyState.NotChecked
                    : StateOf(findings);
                results.Add(new DutyResult(duty.Title, duty.TitleZh, duty.Basis, duty.RuleIds, state, findings));
            }

            // Configuration problems and rules this table does not know yet still count.
            var others = Findings.Where(f => ComplianceDuties.ForRule(f.RuleId) == null).ToList();
            if (others.Count > 0)
            {
                var rules = others.Select(f => f.RuleId).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
                results.Add(new DutyResult("Configuration and other rules", "配置及其他规则", "-", rules, StateOf(others), others));
            }

            return results;
        }

        private static DutyState StateOf(IReadOnlyList<ComplianceFinding> findings) =>
            findings.Any(f => f.Status == FindingStatus.Open) ? DutyState.NotMet : findings.Count > 0 ? DutyState.Accepted : DutyState.Met;
    }
}
