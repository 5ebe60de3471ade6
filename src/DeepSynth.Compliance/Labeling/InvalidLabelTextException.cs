using System;

namespace DeepSynth.Compliance.Labeling
{
    /// <summary>Thrown when a label text lacks the elements GB 45438 requires (rule DSYN010).</summary>
    public sealed class InvalidLabelTextException : ArgumentException
    {
        public InvalidLabelTextException(string? text, string problem)
            : base($"Label text \"{text}\" is not a valid AI-generated content label under GB 45438: {problem} Use for example \"AI生成\" or \"人工智能合成\".")
        {
            LabelText = text;
            Problem = problem;
        }

        /// <summary>The rejected text.</summary>
        public string? LabelText { get; }

        /// <summary>What is missing.</summary>
        public string Problem { get; }
    }
}
