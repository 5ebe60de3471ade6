using System.Collections.Generic;

namespace DeepSynth.Compliance.Labeling
{
    /// <summary>How explicit text labels look and where they go.</summary>
    public sealed class TextLabelOptions
    {
        /// <summary>The label text; must contain an AI element and a generation element. Default "AI生成".</summary>
        public string Text { get; set; } = LabelText.Default.Value;

        /// <summary>Where the label goes. Default <see cref="LabelPosition.Start"/>.</summary>
        public LabelPosition Position { get; set; } = LabelPosition.Start;

        /// <summary>Written between label and content. Default a line break.</summary>
        public string Separator { get; set; } = "\n";

        /// <summary>Format of the label in text, <c>{0}</c> is the label. Default "【{0}】".</summary>
        public string Format { get; set; } = "【{0}】";

        /// <summary>The top-level property that <see cref="IAigcTextLabeler.LabelJson"/> adds. Default "aigcLabel".</summary>
        public string JsonProperty { get; set; } = "aigcLabel";

        internal IEnumerable<string> Validate()
        {
            var problem = LabelText.FindProblem(Text);
            if (problem is not null)
            {
                yield return $"Label:Text \"{Text}\" is not a valid label: {problem}";
            }

            if (Position is not (LabelPosition.Start or LabelPosition.End or LabelPosition.Both))
            {
                yield return $"Label:Position {Position} is not Start, End or Both.";
            }

            if (Format is null || !Format.Contains("{0}"))
            {
                yield return "Label:Format must contain {0}, where the label text goes.";
            }

            if (string.IsNullOrWhiteSpace(JsonProperty))
            {
                yield return "Label:JsonProperty must not be empty.";
            }
        }
    }
}
