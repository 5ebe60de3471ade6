using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Findings;
using DeepSynth.Manifest;

namespace DeepSynth.Build
{
    /// <summary>What kept the build from checking everything; each makes some duties "not verified".</summary>
    public sealed class AnalysisLimits
    {
        public AnalysisLimits(bool rulesOff, int filesWithCompileErrors)
        {
            RulesOff = rulesOff;
            FilesWithCompileErrors = filesWithCompileErrors;
        }

        public static AnalysisLimits None { get; } = new AnalysisLimits(false, 0);

        /// <summary>DeepSynthPreset=none: the rules do not run, so no finding says nothing.</summary>
        public bool RulesOff { get; }

        /// <summary>Files the compiler reported errors in: flows through code that does not bind can be missed.</summary>
        public int FilesWithCompileErrors { get; }
    }

    /// <summary>One row of the per-article table: a duty, how it stands and its findings by status.</summary>
    public sealed class DutyResult
    {
        internal DutyResult(string title, string titleZh, string basis, IReadOnlyList<string> ruleIds, DutyState state, IReadOnlyList<ComplianceFinding> findings, string? reason = null)
        {
            Reason = reason;
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

        /// <summary>Why the duty is not verified or not applicable (English / Chinese); null otherwise.</summary>
        public string? Reason { get; }

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
            IReadOnlyList<BaselineEntry> staleBaselineEntries,
            AnalysisLimits? limits = null)
        {
            Limits = limits ?? AnalysisLimits.None;
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

        public AnalysisLimits Limits { get; }

        /// <summary>Why deepsynth.json cannot be trusted: the analyzers reported it as not JSON (DSYN901, located), or it could not be read here.</summary>
        public string? ManifestProblem =>
            Findings.Where(f => f.RuleId == DutyJudgement.BrokenManifestRule).Select(f => f.Where + ": " + f.Finding.Message).FirstOrDefault() ?? Manifest.Problem;

        public string ToolVersion { get; } = "DeepSynth " + typeof(ComplianceReport).Assembly.GetName().Version!.ToString(3);

        public IEnumerable<ComplianceFinding> Open => Findings.Where(f => f.Status == FindingStatus.Open);

        /// <summary>The open findings the policy fails the build on.</summary>
        public IReadOnlyList<ComplianceFinding> Failing => Open.Where(f => Policy.Fails(f.Finding.Level)).ToList();

        public IEnumerable<ComplianceFinding> Accepted => Findings.Where(f => f.Status != FindingStatus.Open);

        public IEnumerable<DutyResult> NotVerifiedDuties => Duties.Where(d => d.State == DutyState.NotVerified);

        public Verdict Verdict => DutyJudgement.VerdictOf(Open.Count(), Accepted.Count(), NotVerifiedDuties.Count(), Limits.FilesWithCompileErrors > 0);

        /// <summary>Compliant only when every applicable duty is met and nothing is open or accepted.</summary>
        public bool IsCompliant => Verdict == Verdict.Compliant;

        public string Title(string ruleId) => RuleTitles.TryGetValue(ruleId, out var title) ? title : ruleId;

        private IReadOnlyList<DutyResult> ComputeDuties()
        {
            var results = new List<DutyResult>();
            // The project-duties analyzer runs for projects with a manifest and for generating services (see docs/project-duties.md);
            // a service without a manifest always has project findings, so no manifest and no project finding means "not a service".
            var projectDutiesApply = Manifest.RelativePath != null || Findings.Any(f => ComplianceDuties.ForRule(f.RuleId)?.Scope == DutyScope.Project);
            var manifestProblem = ManifestProblem;
            foreach (var duty in ComplianceDuties.All)
            {
                var findings = Findings.Where(f => duty.RuleIds.Contains(f.RuleId)).ToList();
                var (state, reason) = Judge(duty, findings, projectDutiesApply, manifestProblem);
                results.Add(new DutyResult(duty.Title, duty.TitleZh, duty.Basis, duty.RuleIds, state, findings, reason));
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

        private (DutyState State, string? Reason) Judge(ComplianceDuty duty, IReadOnlyList<ComplianceFinding> findings, bool projectDutiesApply, string? manifestProblem) =>
            DutyJudgement.Judge(duty, findings.Count(f => f.Status == FindingStatus.Open), findings.Count(f => f.Status != FindingStatus.Open), new DutyContext
            {
                RulesOff = Limits.RulesOff,
                ProjectDutiesApply = projectDutiesApply,
                ManifestProblem = manifestProblem,
                AppliesInChina = Manifest.AppliesInChina,
                Roles = Manifest.Roles,
                RuleRan = RuleTitles.ContainsKey,
                IncompleteCode = Limits.FilesWithCompileErrors > 0 ? DutyJudgement.CompileErrors(Limits.FilesWithCompileErrors) : DutyJudgement.CatalogueGap(Findings.Select(f => f.RuleId)),
            });

        private static DutyState StateOf(IReadOnlyList<ComplianceFinding> findings) =>
            DutyJudgement.StateOf(findings.Count(f => f.Status == FindingStatus.Open), findings.Count(f => f.Status != FindingStatus.Open));
    }
}
