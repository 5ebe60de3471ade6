using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// Builds the implicit label for content your service generated. On this first write the propagator
    /// fields equal the producer fields (Annex E), and every value is checked against the Annex E character set.
    /// </summary>
    public sealed class AigcMetadataBuilder
    {
        private readonly string _producer;
        private AigcLabelKind _label = AigcLabelKind.Generated;
        private string? _produceId;
        private string _reservedCode1 = string.Empty;
        private string _reservedCode2 = string.Empty;
        private TimeProvider? _time;

        /// <param name="contentProducer">Your provider code (printable ASCII without space, quote or backslash).</param>
        public AigcMetadataBuilder(string contentProducer)
        {
            RequireValid(nameof(contentProducer), contentProducer, required: true);
            _producer = contentProducer;
        }

        public AigcMetadataBuilder WithLabel(AigcLabelKind label)
        {
            if (label is not (AigcLabelKind.Generated or AigcLabelKind.PossiblyGenerated or AigcLabelKind.SuspectedGenerated))
            {
                throw new ArgumentOutOfRangeException(nameof(label), label, "Label must be Generated (1), PossiblyGenerated (2) or SuspectedGenerated (3).");
            }

            _label = label;
            return this;
        }

        /// <summary>Uses your own content number; by default a new unique one is made (<see cref="ContentId.New"/>).</summary>
        public AigcMetadataBuilder WithProduceId(string produceId)
        {
            RequireValid(nameof(produceId), produceId, required: true);
            _produceId = produceId;
            return this;
        }

        public AigcMetadataBuilder WithReservedCodes(string reservedCode1, string reservedCode2 = "")
        {
            RequireValid(nameof(reservedCode1), reservedCode1, required: false);
            RequireValid(nameof(reservedCode2), reservedCode2, required: false);
            _reservedCode1 = reservedCode1;
            _reservedCode2 = reservedCode2;
            return this;
        }

        /// <summary>The clock used for new content numbers (tests use a fake one).</summary>
        public AigcMetadataBuilder WithTime(TimeProvider time)
        {
            _time = time ?? throw new ArgumentNullException(nameof(time));
            return this;
        }

        /// <summary>The metadata; each call without <see cref="WithProduceId"/> gets a new unique content number.</summary>
        public AigcMetadata Build()
        {
            var id = _produceId ?? ContentId.New(_time);
            var label = ((int)_label).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new AigcMetadata(label, _producer, id, _reservedCode1, _producer, id, _reservedCode2, Array.Empty<KeyValuePair<string, string>>());
        }

        /// <summary>Annex E values: printable ASCII (0x21-0x7E) without <c>"</c> or <c>\</c>; empty is allowed.</summary>
        public static bool IsValidValue(string? value) => DeepSynth.Labels.AigcFieldRules.IsValidValue(value);

        internal static void RequireValid(string parameter, string? value, bool required)
        {
            if (value is null || (required && value.Length == 0))
            {
                throw new ArgumentException($"{parameter} is required for AIGC metadata.", parameter);
            }

            if (value.Length > DeepSynth.Labels.AigcFieldRules.MaxValueLength || !IsValidValue(value))
            {
                throw new ArgumentException(
                    $"{parameter} \"{value}\" is not a valid AIGC metadata value: use at most 256 printable ASCII characters without space, '\"' or '\\' (a provider code, not a Chinese name).",
                    parameter);
            }
        }
    }
}
