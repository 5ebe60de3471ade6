using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// Compares a file's label before and after a processing step, so a pipeline can prove it did not strip, alter or
    /// duplicate the implicit label (DSP Art. 18, LM Art. 10). ffmpeg, for one, drops MP4 labels silently with exit code 0
    /// unless run with <c>-movflags use_metadata_tags</c>.
    /// </summary>
    public sealed class AigcLabelDiff
    {
        private static readonly string[] ProducerFields = { "Label", "ContentProducer", "ProduceID", "ReservedCode1" };
        private static readonly string[] PropagatorFields = { "ContentPropagator", "PropagateID", "ReservedCode2" };

        private AigcLabelDiff(AigcInspection before, AigcInspection after, AigcLabelChange change, IReadOnlyList<string> changedFields)
        {
            Before = before;
            After = after;
            Change = change;
            ChangedFields = changedFields;
        }

        public AigcInspection Before { get; }

        public AigcInspection After { get; }

        public AigcLabelChange Change { get; }

        /// <summary>The Annex E fields whose values differ.</summary>
        public IReadOnlyList<string> ChangedFields { get; }

        /// <summary>True for the changes a pipeline must not make: lost, changed, duplicated, misplaced.</summary>
        public bool IsViolation => Change is AigcLabelChange.Lost or AigcLabelChange.Changed or AigcLabelChange.Duplicated or AigcLabelChange.Misplaced;

        public static AigcLabelDiff Compare(byte[] before, byte[] after, string? beforeName = null, string? afterName = null) =>
            Compare(AigcLabelInspector.Inspect(before, beforeName), AigcLabelInspector.Inspect(after, afterName));

        public static AigcLabelDiff Compare(AigcInspection before, AigcInspection after)
        {
            if (before is null)
            {
                throw new ArgumentNullException(nameof(before));
            }

            if (after is null)
            {
                throw new ArgumentNullException(nameof(after));
            }

            var old = before.Label;
            var changed = old is null || after.Label is null
                ? Array.Empty<string>()
                : AigcMetadata.FieldNames.Where(f => old[f] != after.Label[f]).ToArray();
            var change = Classify(before, after, old, changed);
            return new AigcLabelDiff(before, after, change, changed);
        }

        private static AigcLabelChange Classify(AigcInspection before, AigcInspection after, AigcMetadata? old, string[] changed)
        {
            if (before.Labels.Count == 0 || old is null)
            {
                return before.Verdict == AigcVerdict.Inconclusive ? AigcLabelChange.Inconclusive : AigcLabelChange.NoneBefore;
            }

            if (after.Verdict == AigcVerdict.Inconclusive)
            {
                return AigcLabelChange.Inconclusive;
            }

            if (after.Label is null)
            {
                return AigcLabelChange.Lost;
            }

            if (changed.Any(f => ProducerFields.Contains(f)))
            {
                return AigcLabelChange.Changed;
            }

            if (after.Labels.Count > before.Labels.Count)
            {
                return AigcLabelChange.Duplicated;
            }

            var wasStandard = before.Labels.Any(l => l.Site.Placement != AigcLabelPlacement.NonStandard);
            if (wasStandard && after.Labels.All(l => l.Site.Placement == AigcLabelPlacement.NonStandard))
            {
                return AigcLabelChange.Misplaced;
            }

            return changed.Any(f => PropagatorFields.Contains(f)) ? AigcLabelChange.Propagated : AigcLabelChange.Kept;
        }
    }
}
