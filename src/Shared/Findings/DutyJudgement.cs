using System;
using System.Collections.Generic;
using System.Globalization;
using DeepSynth.Manifest;

namespace DeepSynth.Findings
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

        /// <summary>Some applicable duty could not be checked and nothing is open, or the analysis is incomplete.</summary>
        NotVerified,

        /// <summary>Open findings.</summary>
        NotCompliant,
    }

    /// <summary>What a check knew about one project when it judged its duties.</summary>
    internal sealed class DutyContext
    {
        /// <summary>No rule ran (DeepSynthPreset=none).</summary>
        public bool RulesOff { get; set; }

        /// <summary>The project has a manifest or project findings (see docs/manifest.md, "Which projects have project duties").</summary>
        public bool ProjectDutiesApply { get; set; }

        /// <summary>Why deepsynth.json cannot be trusted (DSYN901, unreadable); null when it can.</summary>
        public string? ManifestProblem { get; set; }

        public bool AppliesInChina { get; set; } = true;

        public IReadOnlyList<string> Roles { get; set; } = new[] { ManifestValues.Provider };

        /// <summary>Whether a rule was loaded for this check (null: every rule was).</summary>
        public Func<string, bool>? RuleRan { get; set; }

        /// <summary>Why the analysis of the code is incomplete (compile errors, a project not analysed); null when it is complete.</summary>
        public string? IncompleteCode { get; set; }
    }

    /// <summary>
    /// One judgement of duties for the build report and the CLI: met only on evidence, never when the check could not run.
    /// Reasons are in English and Simplified Chinese, as every report shows them.
    /// </summary>
    internal static class DutyJudgement
    {
        public const string BrokenManifestRule = "DSYN901";

        /// <summary>A referenced package lacks APIs the catalogue knows for it: calls through them were not analysed.</summary>
        public const string CatalogueGapRule = "DSYN909";

        /// <summary>Why flow duties cannot be met on no findings when the project reported DSYN909; null when it did not.</summary>
        public static string? CatalogueGap(IEnumerable<string> ruleIds)
        {
            foreach (var id in ruleIds)
            {
                if (id == CatalogueGapRule)
                {
                    return "a referenced package lacks APIs DeepSynth knows (DSYN909): calls through them were not analysed / 引用的程序包缺少已知 API（DSYN909），经由其调用的数据流未被分析";
                }
            }

            return null;
        }

        public const string NotAService = "not a service and no deepsynth.json / 非服务类项目且无合规清单";

        public const string RulesOff = "DeepSynthPreset=none turns the rules off / 规则已被关闭";

        public static string ManifestUnreadable(string problem) => "deepsynth.json could not be read / 合规清单无法读取: " + problem;

        public static string CompileErrors(int files) =>
            Number(files) + " file(s) could not be fully analysed (compile errors) / " + Number(files) + " 个文件存在编译错误，未能完整分析";

        /// <summary>The abbreviations and the states, under every duty table.</summary>
        public static readonly IReadOnlyList<string> Legend = new[]
        {
            "Basis / 依据: DSP = Deep Synthesis Provisions 《互联网信息服务深度合成管理规定》, LM = Labeling Measures 《人工智能生成合成内容标识办法》, GAIM = Interim Measures for Generative AI 《生成式人工智能服务管理暂行办法》, CSL = Cybersecurity Law 《网络安全法》, ARP = Algorithm Recommendation Provisions 《互联网信息服务算法推荐管理规定》, GB 45438 = GB 45438-2025.",
            "Status / 状态: Met / 符合 = checked and the evidence was found; Not met / 不符合 = open findings; Accepted / 已接受 = not met, the findings are baselined or suppressed with a justification; Not verified / 未验证 = the check could not run (see Why), which is never a pass; Not applicable / 不适用 = the project does not bear the duty.",
        };

        public static (DutyState State, string? Reason) Judge(ComplianceDuty duty, int open, int accepted, DutyContext context)
        {
            var project = duty.Scope == DutyScope.Project;
            if (context.RulesOff)
            {
                // No finding means nothing when no rule ran, for a service or not.
                return (DutyState.NotVerified, RulesOff);
            }

            if (project && !context.ProjectDutiesApply)
            {
                return (DutyState.NotApplicable, NotAService);
            }

            if (project && context.ManifestProblem != null)
            {
                // Values read from a file the analyzers could not parse prove nothing.
                return (DutyState.NotVerified, ManifestUnreadable(context.ManifestProblem));
            }

            if (project && !context.AppliesInChina)
            {
                return (DutyState.NotApplicable, "not declared for CN / 未声明适用于中国");
            }

            // Flow duties can be a role's too (a propagation platform inspects uploads): without the role, no finding of
            // theirs is evidence of anything, so they are not applicable rather than met.
            if (!duty.AppliesTo(context.Roles))
            {
                return !project && context.ManifestProblem != null
                    ? (DutyState.NotVerified, ManifestUnreadable(context.ManifestProblem))
                    : (DutyState.NotApplicable, "not borne by the declared roles / 所声明的角色不承担此义务");
            }

            if (context.RuleRan != null && !AnyRan(duty, context.RuleRan))
            {
                return (DutyState.NotVerified, "its rules did not run in this check / 本次检查未运行其规则");
            }

            var state = StateOf(open, accepted);
            // A flow through code that does not compile can be missed: absence of findings is no evidence then.
            if (state != DutyState.NotMet && !project && context.IncompleteCode != null)
            {
                return (DutyState.NotVerified, context.IncompleteCode);
            }

            return (state, null);
        }

        public static DutyState StateOf(int open, int accepted) => open > 0 ? DutyState.NotMet : accepted > 0 ? DutyState.Accepted : DutyState.Met;

        /// <summary>
        /// The verdict. Incomplete analysis (code that does not compile, a project not loaded) makes it "not verified" even
        /// with open findings: the findings shown are then a lower bound, and the report must not read as a full account.
        /// </summary>
        public static Verdict VerdictOf(int open, int accepted, int notVerifiedDuties, bool incompleteAnalysis) =>
            incompleteAnalysis ? Verdict.NotVerified
            : open > 0 ? Verdict.NotCompliant
            : notVerifiedDuties > 0 ? Verdict.NotVerified
            : accepted > 0 ? Verdict.PassesWithAcceptedFindings
            : Verdict.Compliant;

        /// <summary>The state's name in English and Chinese, as every report and the console write it.</summary>
        public static string StateName(DutyState state) => state switch
        {
            DutyState.Met => "Met / 符合",
            DutyState.NotMet => "Not met / 不符合",
            DutyState.Accepted => "Accepted / 已接受",
            DutyState.NotApplicable => "Not applicable / 不适用",
            _ => "Not verified / 未验证",
        };

        private static bool AnyRan(ComplianceDuty duty, Func<string, bool> ran)
        {
            foreach (var rule in duty.RuleIds)
            {
                if (ran(rule))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
