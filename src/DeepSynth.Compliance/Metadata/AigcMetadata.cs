using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// The implicit label of GB 45438 Annex E: the <c>AIGC</c> JSON object with seven string fields. Immutable.
    /// Build new metadata with <see cref="AigcMetadataBuilder"/>; read it from files with the carriers or
    /// <see cref="Parse(string)"/>.
    /// </summary>
    public sealed partial class AigcMetadata
    {
        /// <summary>Field names in the order Annex E lists them.</summary>
        public static readonly IReadOnlyList<string> FieldNames = DeepSynth.Labels.AigcFieldRules.FieldNames;

        /// <summary>Largest metadata JSON accepted or written, in bytes. Real labels are a few hundred bytes.</summary>
        public const int MaxJsonBytes = 16 * 1024;

        internal AigcMetadata(
            string label,
            string contentProducer,
            string produceId,
            string reservedCode1,
            string contentPropagator,
            string propagateId,
            string reservedCode2,
            IReadOnlyList<KeyValuePair<string, string>>? additionalFields = null,
            IEnumerable<string>? parseProblems = null)
        {
            Label = label;
            ContentProducer = contentProducer;
            ProduceId = produceId;
            ReservedCode1 = reservedCode1;
            ContentPropagator = contentPropagator;
            PropagateId = propagateId;
            ReservedCode2 = reservedCode2;
            AdditionalFields = additionalFields ?? Array.Empty<KeyValuePair<string, string>>();
            Problems = (parseProblems ?? Enumerable.Empty<string>()).Concat(FindProblems()).ToArray();
        }

        /// <summary>"1" generated, "2" possibly generated, "3" suspected.</summary>
        public string Label { get; }

        /// <summary>The producer's code (a provider code or filing number, not a Chinese name).</summary>
        public string ContentProducer { get; }

        /// <summary>The producer's unique number for the content (<c>ProduceID</c>).</summary>
        public string ProduceId { get; }

        public string ReservedCode1 { get; }

        /// <summary>The propagator's code; on first write the producer's.</summary>
        public string ContentPropagator { get; }

        /// <summary>The propagator's unique number (<c>PropagateID</c>); on first write the ProduceID.</summary>
        public string PropagateId { get; }

        public string ReservedCode2 { get; }

        /// <summary>Fields other producers wrote beyond the seven; kept so re-labeling never loses them.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> AdditionalFields { get; }

        /// <summary>How this metadata departs from Annex E (empty when it conforms). Set when read from a file.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>True when <see cref="Problems"/> is empty.</summary>
        public bool IsConformant => Problems.Count == 0;

        /// <summary>The <see cref="Label"/> as an enum, or <c>null</c> when it is not "1", "2" or "3".</summary>
        public AigcLabelKind? LabelKind => Label switch
        {
            "1" => AigcLabelKind.Generated,
            "2" => AigcLabelKind.PossiblyGenerated,
            "3" => AigcLabelKind.SuspectedGenerated,
            _ => null,
        };

        /// <summary>
        /// A copy in which a propagation platform (Labeling Measures Art. 6) has written its own code and
        /// content number. The producer fields stay as they are.
        /// </summary>
        public AigcMetadata WithPropagation(string propagatorCode, string? propagateId = null)
        {
            AigcMetadataBuilder.RequireValid(nameof(propagatorCode), propagatorCode, required: true);
            propagateId ??= ContentId.New();
            AigcMetadataBuilder.RequireValid(nameof(propagateId), propagateId, required: true);
            return new AigcMetadata(Label, ContentProducer, ProduceId, ReservedCode1, propagatorCode, propagateId, ReservedCode2, AdditionalFields);
        }

        /// <summary>
        /// What to write into a file that already carries <paramref name="existing"/> when <paramref name="requested"/>
        /// is applied: one block, and no field is lost. The first producer's fields and ReservedCode1 stay (changing
        /// them would tamper with the label, DSP Art. 18); the propagator fields come from the request; the label
        /// keeps the more certain value ("1" before "2" before "3"); empty fields are filled from either side.
        /// </summary>
        public static AigcMetadata Relabel(AigcMetadata? existing, AigcMetadata requested)
        {
            if (requested is null)
            {
                throw new ArgumentNullException(nameof(requested));
            }

            if (existing is null)
            {
                return requested;
            }

            var label = existing.LabelKind is { } old && requested.LabelKind is { } wanted
                ? ((int)Math.Min((int)old, (int)wanted)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : requested.Label;
            var additional = existing.AdditionalFields
                .Concat(requested.AdditionalFields.Where(f => !existing.AdditionalFields.Any(e => e.Key == f.Key)))
                .ToArray();
            var sameProducer = existing.ContentProducer.Length == 0 || existing.ContentProducer == requested.ContentProducer;
            var propagator = requested.ContentPropagator;
            var propagateId = requested.PropagateId;
            if (sameProducer && existing.ContentPropagator.Length > 0 && requested.ContentPropagator == requested.ContentProducer)
            {
                // The producer labels its own file again (e.g. after adding a visible label): keep whatever
                // propagation a platform may already have recorded.
                propagator = existing.ContentPropagator;
                propagateId = existing.PropagateId;
            }

            return new AigcMetadata(
                label,
                First(existing.ContentProducer, requested.ContentProducer),
                First(existing.ProduceId, requested.ProduceId),
                First(existing.ReservedCode1, requested.ReservedCode1),
                First(propagator, existing.ContentPropagator),
                First(propagateId, existing.PropagateId),
                First(requested.ReservedCode2, existing.ReservedCode2),
                additional);
        }

        /// <summary>The value of a field by its Annex E name.</summary>
        public string this[string fieldName] => fieldName switch
        {
            "Label" => Label,
            "ContentProducer" => ContentProducer,
            "ProduceID" => ProduceId,
            "ReservedCode1" => ReservedCode1,
            "ContentPropagator" => ContentPropagator,
            "PropagateID" => PropagateId,
            "ReservedCode2" => ReservedCode2,
            _ => AdditionalFields.FirstOrDefault(f => f.Key == fieldName).Value ?? throw new KeyNotFoundException(fieldName),
        };

        public override string ToString() => ToJson();

        private static string First(string preferred, string fallback) => preferred.Length > 0 ? preferred : fallback;

        private List<string> FindProblems()
        {
            var problems = new List<string>();
            if (LabelKind is null)
            {
                problems.Add($"Label is \"{Label}\"; it must be \"1\", \"2\" or \"3\".");
            }

            foreach (var name in FieldNames)
            {
                if (!AigcMetadataBuilder.IsValidValue(this[name]))
                {
                    problems.Add($"{name} \"{this[name]}\" has characters outside printable ASCII, a space, a quote or a backslash; use a code, not a name.");
                }
            }

            if (LabelKind == AigcLabelKind.Generated && (ContentProducer.Length == 0 || ProduceId.Length == 0))
            {
                problems.Add("Generated content (Label \"1\") must name its ContentProducer and ProduceID.");
            }

            return problems;
        }
    }
}
