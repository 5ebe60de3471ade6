using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Rules;

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
        public ComplianceDuty(string key, DutyScope scope, string title, string titleZh, string basis, string[]? roles = null)
        {
            Key = key;
            Scope = scope;
            Title = title;
            TitleZh = titleZh;
            Basis = basis;
            RuleIds = RuleTable.All.Where(r => r.Duty == key).Select(r => r.Id).ToArray();
            Roles = roles ?? ManifestValues.Roles;
        }

        /// <summary>The key the rule table's rows name the duty by.</summary>
        public string Key { get; }

        public DutyScope Scope { get; }

        public string Title { get; }

        public string TitleZh { get; }

        /// <summary>Short references to the instruments (see docs/domain.md): "DSP 19; ARP 24, 26".</summary>
        public string Basis { get; }

        /// <summary>The rules that check the duty (from the rule table).</summary>
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
        private static readonly string[] PlatformOnly = { ManifestValues.PropagationPlatform };

        public static readonly IReadOnlyList<ComplianceDuty> All = new[]
        {
            new ComplianceDuty("label", DutyScope.ContentFlow, "Visible label on generated content", "生成合成内容添加显式标识", "DSP 17; LM 4; GB 45438 §5-6"),
            new ComplianceDuty("labelText", DutyScope.ContentFlow, "Label texts contain the AI and generation elements", "标识文字包含人工智能与生成合成要素", "GB 45438 §4, §6"),
            new ComplianceDuty("implicitLabel", DutyScope.ContentFlow, "Machine-readable AIGC metadata in generated files", "生成合成内容添加隐式标识（AIGC 元数据）", "DSP 16; LM 5; GB 45438 Annex E"),
            new ComplianceDuty("realName", DutyScope.ContentFlow, "Real identity verified before publishing", "发布前认证用户真实身份", "DSP 9; CSL 24"),
            new ComplianceDuty("outputReview", DutyScope.ContentFlow, "Generated output reviewed", "审核生成合成结果", "DSP 10; GAIM 14"),
            new ComplianceDuty("inputReview", DutyScope.ContentFlow, "User input reviewed", "审核用户输入数据", "DSP 10; GAIM 14"),
            new ComplianceDuty("auditLog", DutyScope.ContentFlow, "Generation recorded in the audit log", "生成合成活动记录日志", "DSP 10, 16; CSL 21"),
            new ComplianceDuty("consent", DutyScope.ContentFlow, "Separate consent before a face or voice is edited", "编辑人脸、人声前取得被编辑者单独同意", "DSP 14"),
            new ComplianceDuty("stepResults", DutyScope.ContentFlow, "Results of compliance steps acted on", "合规措施的结果得到处理", "DSP 9, 10, 14, 17"),
            new ComplianceDuty("keepLabel", DutyScope.ContentFlow, "Labels and AIGC metadata never stripped", "不得删除、篡改、隐匿标识", "DSP 18; LM 10"),
            new ComplianceDuty("unlabeledExport", DutyScope.ContentFlow, "Unlabeled output only by agreement, recipient logged", "应用户要求提供无显式标识内容须依协议并留存日志", "LM 9"),
            new ComplianceDuty("propagation", DutyScope.ContentFlow, "Uploads inspected for AIGC labels before propagation", "传播平台核验生成合成内容标识", "LM 6; ARP 9", PlatformOnly),
            new ComplianceDuty("filing", DutyScope.Project, "Algorithm filing number configured and displayed", "算法备案编号配置并公示", "DSP 19; ARP 24, 26", ProviderAndSupporter),
            new ComplianceDuty("complaints", DutyScope.Project, "Complaint and report portal with a feedback time limit", "投诉举报入口及反馈时限", "DSP 12; GAIM 15", ProviderAndPlatform),
            new ComplianceDuty("agreement", DutyScope.Project, "Labeling section in the user agreement", "用户服务协议中的标识规范", "LM 8", ProviderOnly),
            new ComplianceDuty("assessment", DutyScope.Project, "Security assessment on file", "安全评估", "DSP 15, 20", ProviderAndSupporter),
            new ComplianceDuty("retention", DutyScope.Project, "Logs kept at least 180 days", "日志留存不少于六个月", "CSL 21(3)"),
            new ComplianceDuty("rumors", DutyScope.Project, "Rumor-refutation mechanism", "辟谣机制", "DSP 11", ProviderOnly),
            new ComplianceDuty("minors", DutyScope.Project, "Applicable users and minors policy", "适用人群与未成年人保护", "GAIM 10", ProviderOnly),
        };

        public static ComplianceDuty? ForRule(string ruleId) => All.FirstOrDefault(d => d.RuleIds.Contains(ruleId, StringComparer.Ordinal));
    }
}
