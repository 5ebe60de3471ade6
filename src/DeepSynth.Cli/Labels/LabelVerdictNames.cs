using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Cli.Labels
{
    /// <summary>How verdicts, placements and changes read in the label reports, in English and Chinese.</summary>
    internal static class LabelVerdictNames
    {
        public static string Of(AigcVerdict verdict) => verdict switch
        {
            AigcVerdict.Compliant => "compliant",
            AigcVerdict.Noncompliant => "noncompliant",
            AigcVerdict.NotFound => "not found",
            _ => "inconclusive",
        };

        public static string Chinese(AigcVerdict verdict) => verdict switch
        {
            AigcVerdict.Compliant => "合规",
            AigcVerdict.Noncompliant => "不合规",
            AigcVerdict.NotFound => "未发现隐式标识",
            _ => "无法判定",
        };

        public static string Of(AigcLabelPlacement placement) => placement switch
        {
            AigcLabelPlacement.Standard => "standard",
            AigcLabelPlacement.Annex => "annex",
            _ => "non-standard",
        };

        public static string Of(AigcLabelChange change) => change switch
        {
            AigcLabelChange.Kept => "kept",
            AigcLabelChange.Propagated => "propagated",
            AigcLabelChange.NoneBefore => "no label before",
            AigcLabelChange.Lost => "lost",
            AigcLabelChange.Changed => "changed",
            AigcLabelChange.Duplicated => "duplicated",
            AigcLabelChange.Misplaced => "misplaced",
            _ => "inconclusive",
        };

        public static string Chinese(AigcLabelChange change) => change switch
        {
            AigcLabelChange.Kept => "标识保留",
            AigcLabelChange.Propagated => "已添加传播信息",
            AigcLabelChange.NoneBefore => "处理前无标识",
            AigcLabelChange.Lost => "标识丢失",
            AigcLabelChange.Changed => "标识被篡改",
            AigcLabelChange.Duplicated => "标识重复",
            AigcLabelChange.Misplaced => "标识位置不规范",
            _ => "无法判定",
        };
    }
}
