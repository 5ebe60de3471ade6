using System.Collections.Generic;
using System.Linq;
using DeepSynth.Compliance.Audio;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Export;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;

namespace DeepSynth.Compliance
{
    /// <summary>All settings of the SDK; bind it from configuration section "DeepSynth" or set it in code.</summary>
    public sealed class ComplianceOptions
    {
        /// <summary>
        /// Your provider code, written as ContentProducer (and ContentPropagator on platforms) in AIGC metadata. Printable
        /// ASCII without space, quote or backslash, e.g. your algorithm filing number. Required.
        /// </summary>
        public string? ProviderCode { get; set; }

        public TextLabelOptions Label { get; set; } = new TextLabelOptions();

        public ImageLabelOptions Image { get; set; } = new ImageLabelOptions();

        public AudioLabelOptions Audio { get; set; } = new AudioLabelOptions();

        public AuditLogOptions Audit { get; set; } = new AuditLogOptions();

        public ReviewOptions Review { get; set; } = new ReviewOptions();

        public RealNameOptions RealName { get; set; } = new RealNameOptions();

        public UnlabeledExportOptions Export { get; set; } = new UnlabeledExportOptions();

        /// <summary>Every configuration problem, one sentence each; empty when the options are usable.</summary>
        public IReadOnlyList<string> Validate()
        {
            var problems = new List<string>();
            if (string.IsNullOrEmpty(ProviderCode))
            {
                problems.Add("ProviderCode is required: the code written as ContentProducer in AIGC metadata.");
            }
            else if (!AigcMetadataBuilder.IsValidValue(ProviderCode) || ProviderCode!.Length > 256)
            {
                problems.Add($"ProviderCode \"{ProviderCode}\" must be printable ASCII without space, quote or backslash (a code, not a Chinese name).");
            }

            problems.AddRange(Label?.Validate() ?? new[] { "Label must not be null." });
            problems.AddRange(Image?.Validate() ?? new[] { "Image must not be null." });
            problems.AddRange(Audio?.Validate() ?? new[] { "Audio must not be null." });
            problems.AddRange(Audit?.Validate() ?? new[] { "Audit must not be null." });
            problems.AddRange(Review?.Validate() ?? new[] { "Review must not be null." });
            problems.AddRange(RealName?.Validate() ?? new[] { "RealName must not be null." });
            problems.AddRange(Export?.Validate() ?? new[] { "Export must not be null." });
            return problems.Where(p => p is not null).ToArray();
        }
    }
}
