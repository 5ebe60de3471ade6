using System.Collections.Generic;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// One check <see cref="AigcLabelInspector"/> applies, with the clause behind it. The clause ids of the TC260 guides are
    /// cited as independent verifiers cite them; the guide text itself was not read (see docs/sdk.md).
    /// </summary>
    public sealed class AigcLabelCheck
    {
        private AigcLabelCheck(string id, string clause, string title, string titleZh)
        {
            Id = id;
            Clause = clause;
            Title = title;
            TitleZh = titleZh;
        }

        public static AigcLabelCheck Present { get; } = new AigcLabelCheck("AIGC-PRESENT", "LM Art. 5; GB 45438-2025 Annex E", "The file carries an implicit label", "文件含隐式标识");

        public static AigcLabelCheck Placement { get; } = new AigcLabelCheck("AIGC-SITE", "TC260 practice guide for the format; CAC 2025-11 notice (隐式标识添加位置不规范)", "The label sits where the practice guide puts it", "隐式标识位于实践指南规定的位置");

        public static AigcLabelCheck Single { get; } = new AigcLabelCheck("AIGC-SINGLE", "GB 45438-2025 §6.1 c)", "The file carries one label, not several", "文件仅含一个隐式标识");

        public static AigcLabelCheck Agreement { get; } = new AigcLabelCheck("AIGC-AGREE", "GB 45438-2025 §6.1 c)", "All labels found agree", "各处隐式标识内容一致");

        public static AigcLabelCheck Json { get; } = new AigcLabelCheck("AIGC-JSON", "GB 45438-2025 Annex E", "The label is the AIGC JSON object", "隐式标识为 AIGC JSON 对象");

        public static AigcLabelCheck NotEmpty { get; } = new AigcLabelCheck("AIGC-NOT-EMPTY", "GB 45438-2025 Annex E", "The label is not an empty shell", "隐式标识不是空壳");

        public static AigcLabelCheck RequiredFields { get; } = new AigcLabelCheck("AIGC-REQUIRED", "GB 45438-2025 Annex E", "Label, ContentProducer and ProduceID are filled in", "Label、ContentProducer、ProduceID 已填写");

        public static AigcLabelCheck LabelValue { get; } = new AigcLabelCheck("AIGC-LABEL-VALUE", "GB 45438-2025 Annex E", "Label is \"1\", \"2\" or \"3\"", "Label 取值为 \"1\"、\"2\" 或 \"3\"");

        public static AigcLabelCheck Characters { get; } = new AigcLabelCheck("AIGC-CHARSET", "GB 45438-2025 Annex E", "Values are printable ASCII without space, quote or backslash", "字段值为不含空格、引号、反斜杠的可打印 ASCII 字符");

        /// <summary>Every check, in the order they are reported.</summary>
        public static IReadOnlyList<AigcLabelCheck> All { get; } = new[] { Present, Placement, Single, Agreement, Json, NotEmpty, RequiredFields, LabelValue, Characters };

        /// <summary>A stable id for reports, e.g. <c>AIGC-SINGLE</c>.</summary>
        public string Id { get; }

        /// <summary>The instrument and clause the check rests on.</summary>
        public string Clause { get; }

        public string Title { get; }

        public string TitleZh { get; }

        public override string ToString() => Id;
    }
}
