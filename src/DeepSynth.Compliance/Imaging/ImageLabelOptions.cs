using System.Collections.Generic;
using DeepSynth.Compliance.Labeling;

namespace DeepSynth.Compliance.Imaging
{
    /// <summary>How the visible image label (GB 45438 §6.2) looks.</summary>
    public sealed class ImageLabelOptions
    {
        /// <summary>Least text height as a share of the image's shortest side that GB 45438 implementations use.</summary>
        public const double MinimumTextHeightRatio = 0.05;

        /// <summary>The label text. Default "AI生成".</summary>
        public string Text { get; set; } = LabelText.Default.Value;

        public ImageLabelCorner Corner { get; set; } = ImageLabelCorner.BottomRight;

        /// <summary>Glyph height as a share of the shortest side; at least 0.05. Default 0.05.</summary>
        public double TextHeightRatio { get; set; } = MinimumTextHeightRatio;

        /// <summary>
        /// A TrueType/OpenType font file with glyphs for <see cref="Text"/>. By default the embedded Noto Sans CJK SC
        /// Bold subset (SIL OFL 1.1) is used; it covers the usual label texts and ASCII.
        /// </summary>
        public string? FontPath { get; set; }

        /// <summary>Draw a translucent dark box behind the white text so the label stays legible on any image.</summary>
        public bool Backdrop { get; set; } = true;

        /// <summary>Quality of re-encoded JPEGs, 1-100. Default 92.</summary>
        public int JpegQuality { get; set; } = 92;

        internal IEnumerable<string> Validate()
        {
            var problem = LabelText.FindProblem(Text);
            if (problem is not null)
            {
                yield return $"Image:Text \"{Text}\" is not a valid label: {problem}";
            }

            if (!(TextHeightRatio >= MinimumTextHeightRatio && TextHeightRatio <= 0.5))
            {
                yield return $"Image:TextHeightRatio {TextHeightRatio} must be between {MinimumTextHeightRatio} (the GB 45438 minimum) and 0.5.";
            }

            if (FontPath is not null && !System.IO.File.Exists(FontPath))
            {
                yield return $"Image:FontPath '{FontPath}' does not exist.";
            }

            if (JpegQuality is < 1 or > 100)
            {
                yield return $"Image:JpegQuality {JpegQuality} must be between 1 and 100.";
            }
        }
    }
}
