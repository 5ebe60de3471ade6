using System;

namespace DeepSynth.Compliance.Labeling
{
    /// <summary>
    /// The text of an explicit label. GB 45438 asks for an AI element ("人工智能" or "AI") and a generation
    /// element ("生成" and/or "合成"); a bare "AI" badge does not tell people the content was generated.
    /// </summary>
    public sealed class LabelText : IEquatable<LabelText>
    {
        /// <summary>The default label, "AI生成".</summary>
        public static readonly LabelText Default = new LabelText(DeepSynth.Labels.LabelTextElements.DefaultText);

        private LabelText(string value) => Value = value;

        /// <summary>The label as shown to people.</summary>
        public string Value { get; }

        /// <summary>Validates <paramref name="text"/> and wraps it.</summary>
        /// <exception cref="InvalidLabelTextException">The text lacks a required element.</exception>
        public static LabelText Parse(string text)
        {
            var problem = FindProblem(text);
            if (problem is not null)
            {
                throw new InvalidLabelTextException(text, problem);
            }

            return new LabelText(text.Trim());
        }

        /// <summary>Validates <paramref name="text"/> without throwing.</summary>
        public static bool TryParse(string? text, out LabelText? label)
        {
            label = FindProblem(text) is null ? new LabelText(text!.Trim()) : null;
            return label is not null;
        }

        /// <summary>Why <paramref name="text"/> is not a valid label, or <c>null</c> when it is.</summary>
        public static string? FindProblem(string? text)
        {
            return DeepSynth.Labels.LabelTextElements.Check(text) switch
            {
                DeepSynth.Labels.LabelTextProblem.None => null,
                DeepSynth.Labels.LabelTextProblem.Empty => "The label text is empty.",
                DeepSynth.Labels.LabelTextProblem.NoElement => "It has neither an AI element (\"人工智能\" or \"AI\") nor a generation element (\"生成\" or \"合成\").",
                DeepSynth.Labels.LabelTextProblem.NoAiElement => "It has no AI element (\"人工智能\" or \"AI\").",
                _ => "It has no generation element (\"生成\" or \"合成\"); a bare \"AI\" badge is not enough.",
            };
        }

        public bool Equals(LabelText? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as LabelText);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        public override string ToString() => Value;
    }
}
