using System;

namespace DeepSynth.Labels
{
    /// <summary>What a label text lacks (GB 45438 §4: an AI element and a generation element).</summary>
    internal enum LabelTextProblem
    {
        None,
        Empty,
        NoElement,
        NoAiElement,
        NoGenerationElement,
    }

    /// <summary>
    /// The GB 45438 rule for explicit label texts, shared by the SDK (LabelText, the label options) and the analyzer
    /// (DSYN010), so the compile-time check and the start-up check accept exactly the same texts.
    /// </summary>
    internal static class LabelTextElements
    {
        /// <summary>The SDK's default label text.</summary>
        public const string DefaultText = "AI生成";

        public static LabelTextProblem Check(string? text)
        {
            if (text is null || text.Trim().Length == 0)
            {
                return LabelTextProblem.Empty;
            }

            var hasAi = HasAiElement(text);
            var hasGeneration = HasGenerationElement(text);
            return hasAi && hasGeneration ? LabelTextProblem.None
                : !hasAi && !hasGeneration ? LabelTextProblem.NoElement
                : !hasAi ? LabelTextProblem.NoAiElement
                : LabelTextProblem.NoGenerationElement;
        }

        public static bool HasAiElement(string text) =>
            text.IndexOf("人工智能", StringComparison.Ordinal) >= 0
            || text.IndexOf("AI", StringComparison.Ordinal) >= 0
            || text.IndexOf("ＡＩ", StringComparison.Ordinal) >= 0;

        public static bool HasGenerationElement(string text) =>
            text.IndexOf("生成", StringComparison.Ordinal) >= 0 || text.IndexOf("合成", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// The text to use instead: a bare AI element gets the generation element ("AI" to "AI生成", "人工智能" to
        /// "人工智能生成"), a bare generation element gets "AI" in front ("生成" to "AI生成"), anything else the default.
        /// </summary>
        public static string Corrected(string? text)
        {
            var trimmed = text?.Trim() ?? string.Empty;
            switch (Check(trimmed))
            {
                case LabelTextProblem.None:
                    return trimmed;
                case LabelTextProblem.NoGenerationElement when trimmed is "AI" or "ＡＩ" or "人工智能":
                    return trimmed + "生成";
                case LabelTextProblem.NoAiElement when trimmed is "生成" or "合成" or "生成合成":
                    return "AI" + trimmed;
                default:
                    return DefaultText;
            }
        }
    }
}
