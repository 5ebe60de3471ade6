using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Manifest
{
    /// <summary>Where a duty is checked: along the flow of generated content, or once for the whole project.</summary>
    internal enum DutyScope
    {
        ContentFlow,
        Project,
    }

    /// <summary>
    /// One duty of the law, the article it rests on and the rules that check it. The build task writes its report per
    /// duty from this table; the project-duties analyzer takes the roles each project duty applies to from it.
    /// </summary>
    internal sealed class ComplianceDuty
    {
        public ComplianceDuty(DutyScope scope, string title, string titleZh, string basis, string[] ruleIds, string[]? roles = null)
        {
            Scope = scope;
            Title = title;
            TitleZh = titleZh;
            Basis = basis;
            RuleIds = ruleIds;
            Roles = roles ?? ManifestValues.Roles;
        }

        public DutyScope Scope { get; }

        public string Title { get; }

        public string TitleZh { get; }

        /// <summary>Short references to the instruments (see docs/domain.md): "DSP 19; ARP 24, 26".</summary>
        public string Basis { get; }

        public IReadOnlyList<string> RuleIds { get; }

        /// <summary>The manifest roles (provider, technical supporter, propagation platform) that bear this duty.</summary>
        public IReadOnlyList<string> Roles { get; }

        public bool AppliesTo(IEnumerable<string> roles) => roles.Any(r => Roles.Contains(r, StringComparer.Ordinal));
    }

    /// <summary>The duties DeepSynth checks, in the order a report lists them.</summary>
    internal static class ComplianceDuties
    {
        private static readonly string[] ProviderOnly = { ManifestValues.Provider };
        private static readonly string[] ProviderAndSupporter = { ManifestValues.Provider, ManifestValues.TechnicalSupporter };
        private static readonly string[] ProviderAndPlatform = { ManifestValues.Provider, ManifestValues.PropagationPlatform };

        public static readonly IReadOnlyList<ComplianceDuty> All = new[]
        {
            new ComplianceDuty(DutyScope.ContentFlow, "Visible label on generated content", "生成合成内容添加显式标识", "DSP 17; LM 4; GB 45438 §5-6", new[] { "DSYN001" }),
            new ComplianceDuty(DutyScope.ContentFlow, "Real identity verified before publishing", "发布前认证用户真实身份", "DSP 9; CSL 24", new[] { "DSYN002" }),
            new ComplianceDuty(DutyScope.ContentFlow, "Generated output reviewed", "审核生成合成结果", "DSP 10; GAIM 14", new[] { "DSYN003" }),
            new ComplianceDuty(DutyScope.ContentFlow, "User input reviewed", "审核用户输入数据", "DSP 10; GAIM 14", new[] { "DSYN004" }),
            new ComplianceDuty(DutyScope.ContentFlow, "Generation recorded in the audit log", "生成合成活动记录日志", "DSP 10, 16; CSL 21", new[] { "DSYN005" }),
            new ComplianceDuty(DutyScope.Project, "Algorithm filing number configured and displayed", "算法备案编号配置并公示", "DSP 19; ARP 24, 26", new[] { "DSYN101" }, ProviderAndSupporter),
            new ComplianceDuty(DutyScope.Project, "Complaint and report portal with a feedback time limit", "投诉举报入口及反馈时限", "DSP 12; GAIM 15", new[] { "DSYN102" }, ProviderAndPlatform),
            new ComplianceDuty(DutyScope.Project, "Labeling section in the user agreement", "用户服务协议中的标识规范", "LM 8", new[] { "DSYN103" }, ProviderOnly),
            new ComplianceDuty(DutyScope.Project, "Security assessment on file", "安全评估", "DSP 15, 20", new[] { "DSYN104" }, ProviderAndSupporter),
            new ComplianceDuty(DutyScope.Project, "Logs kept at least 180 days", "日志留存不少于六个月", "CSL 21(3)", new[] { "DSYN105", "DSYN906" }),
            new ComplianceDuty(DutyScope.Project, "Rumor-refutation mechanism", "辟谣机制", "DSP 11", new[] { "DSYN106" }, ProviderOnly),
            new ComplianceDuty(DutyScope.Project, "Applicable users and minors policy", "适用人群与未成年人保护", "GAIM 10", new[] { "DSYN107" }, ProviderOnly),
        };

        public static ComplianceDuty? ForRule(string ruleId) => All.FirstOrDefault(d => d.RuleIds.Contains(ruleId, StringComparer.Ordinal));
    }
}
