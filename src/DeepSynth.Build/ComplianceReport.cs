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
        /// <summary>Checked, and the check found its evidence: nothing open, nothing accepted.</summary>
        Met,

        /// <summary>Checked, open findings.</summary>
        NotMet,

        /// <summary>Not met, but its findings are all baselined or suppressed with a justification (a known gap, not a closed one).</summary>
        Accepted,

        /// <summary>The project does not bear it (not a service, or the manifest's roles or jurisdictions exclude it).</summary>
        NotApplicable,

        /// <summary>The check could not run (broken manifest, rules turned off, code that does not compile): never shown as met.</summary>
        NotVerified,
    }

    /// <summary>The headline of a report: four outcomes, so that what was accepted or not checked is never called compliant.</summary>
    public enum Verdict
    {
        /// <summary>Every applicable duty is met; nothing is open or accepted.</summary>
        Compliant,

        /// <summary>Nothing open, every applicable duty checked, but some findings are baselined or suppressed with a justification.</summary>
        PassesWithAcceptedFindings,

        /// <summary>Nothing open, but some applicable duty could not be checked.</summary>
        NotVerified,

        /// <summary>Open findings.</summary>
        NotCompliant,
    }

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
            Findings.Where(f => f.RuleId == BrokenManifestRule).Select(f => f.Where + ": " + f.Finding.Message).FirstOrDefault() ?? Manifest.Problem;

        public string ToolVersion { get; } = "DeepSynth " + typeof(ComplianceReport).Assembly.GetName().Version!.ToString(3);

        public IEnumerable<ComplianceFinding> Open => Findings.Where(f => f.Status == FindingStatus.Open);

        /// <summary>The open findings the policy fails the build on.</summary>
        public IReadOnlyList<ComplianceFinding> Failing => Open.Where(f => Policy.Fails(f.Finding.Level)).ToList();

        public IEnumerable<ComplianceFinding> Accepted => Findings.Where(f => f.Status != FindingStatus.Open);

        public IEnumerable<DutyResult> NotVerifiedDuties => Duties.Where(d => d.State == DutyState.NotVerified);

        public Verdict Verdict =>
            Open.Any() ? Verdict.NotCompliant
            : NotVerifiedDuties.Any() ? Verdict.NotVerified
            : Accepted.Any() ? Verdict.PassesWithAcceptedFindings
            : Verdict.Compliant;

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

        /// <summary>A duty's state and, when it is not judged on its findings, why.</summary>
        private (DutyState State, string? Reason) Judge(ComplianceDuty duty, IReadOnlyList<ComplianceFinding> findings, bool projectDutiesApply, string? manifestProblem)
        {
            var project = duty.Scope == DutyScope.Project;
            if (Limits.RulesOff)
            {
                // No finding means nothing when no rule ran, for a service or not.
                return (DutyState.NotVerified, RulesOffReason);
            }

            if (project && !projectDutiesApply)
            {
                return (DutyState.NotApplicable, NotAService);
            }

            if (project && manifestProblem != null)
            {
                // Values read from a file the analyzers could not parse prove nothing, whatever this reader made of it.
                return (DutyState.NotVerified, "deepsynth.json could not be read / 合规清单无法读取: " + manifestProblem);
            }

            if (project && !Manifest.AppliesInChina)
            {
                return (DutyState.NotApplicable, "not declared for CN / 未声明适用于中国");
            }

            if (project && !duty.AppliesTo(Manifest.Roles))
            {
                return (DutyState.NotApplicable, "not borne by the declared roles / 所声明的角色不承担此义务");
            }

            if (!duty.RuleIds.Any(RuleTitles.ContainsKey))
            {
                return (DutyState.NotVerified, "its rules did not run in this build / 本次构建未运行其规则");
            }

            var state = StateOf(findings);
            // A flow through code that does not compile can be missed: absence of findings is no evidence then.
            if (state != DutyState.NotMet && !project && Limits.FilesWithCompileErrors > 0)
            {
                return (DutyState.NotVerified, CompileErrorsReason(Limits.FilesWithCompileErrors));
            }

            return (state, null);
        }

        internal const string BrokenManifestRule = "DSYN901";

        internal const string NotAService = "not a service and no deepsynth.json / 非服务类项目且无合规清单";

        internal const string RulesOffReason = "DeepSynthPreset=none turns the rules off / 规则已被关闭";

        internal static string CompileErrorsReason(int files) =>
            files.ToString(System.Globalization.CultureInfo.InvariantCulture) + " file(s) could not be fully analysed (compile errors) / " +
            files.ToString(System.Globalization.CultureInfo.InvariantCulture) + " 个文件存在编译错误，未能完整分析";

        private static DutyState StateOf(IReadOnlyList<ComplianceFinding> findings) =>
            findings.Any(f => f.Status == FindingStatus.Open) ? DutyState.NotMet : findings.Count > 0 ? DutyState.Accepted : DutyState.Met;
    }
}
