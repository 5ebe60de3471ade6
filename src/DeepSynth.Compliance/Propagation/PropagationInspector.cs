using System;
using System.Collections.Generic;
using System.Threading;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Propagation
{
    /// <summary>The Labeling Measures Art. 6 check for platforms. Stateless and thread-safe.</summary>
    public sealed class PropagationInspector : IPropagationInspector
    {
        private readonly string _platformCode;
        private readonly TimeProvider _time;

        /// <param name="platformCode">The platform's code, written as ContentPropagator.</param>
        /// <param name="time">The clock for new PropagateIDs.</param>
        public PropagationInspector(string platformCode, TimeProvider? time = null)
        {
            AigcMetadataBuilder.RequireValid(nameof(platformCode), platformCode, required: true);
            _platformCode = platformCode;
            _time = time ?? TimeProvider.System;
        }

        /// <summary>The prompt for each classification; each carries both label elements GB 45438 asks for.</summary>
        public static string? NoticeFor(PropagationClassification classification) => classification switch
        {
            PropagationClassification.Generated => "该内容属于AI生成合成内容",
            PropagationClassification.PossiblyGenerated => "该内容可能为AI生成合成内容",
            PropagationClassification.SuspectedGenerated => "该内容疑似AI生成合成内容",
            _ => null,
        };

        /// <inheritdoc />
        public PropagationInspection Inspect(byte[] upload, UploadSignals? signals = null)
        {
            var carrier = AigcMetadataCarriers.For(upload);
            signals ??= new UploadSignals();
            AigcMetadata? metadata = null;
            var problems = new List<string>();
            try
            {
                metadata = carrier.Read(upload);
                if (metadata is not null)
                {
                    problems.AddRange(metadata.Problems);
                }
            }
            catch (AigcMetadataException ex)
            {
                // A broken label is still a sign of generation: treat it like a detected trace, and say why.
                problems.Add(ex.Message);
                signals = new UploadSignals { DeclaredGenerated = signals.DeclaredGenerated, DetectedGenerationTraces = true };
            }

            var classification = metadata?.LabelKind switch
            {
                AigcLabelKind.Generated => PropagationClassification.Generated,
                AigcLabelKind.PossiblyGenerated => PropagationClassification.PossiblyGenerated,
                AigcLabelKind.SuspectedGenerated => PropagationClassification.SuspectedGenerated,
                _ when signals.DeclaredGenerated => PropagationClassification.PossiblyGenerated,
                _ when signals.DetectedGenerationTraces || metadata is not null => PropagationClassification.SuspectedGenerated,
                _ => PropagationClassification.NotIdentified,
            };
            return new PropagationInspection(classification, metadata, NoticeFor(classification), problems);
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] AppendPropagation(byte[] upload, PropagationInspection inspection, CancellationToken cancellationToken = default)
        {
            if (upload is null)
            {
                throw new ArgumentNullException(nameof(upload));
            }

            if (inspection is null)
            {
                throw new ArgumentNullException(nameof(inspection));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var propagateId = ContentId.New(_time);
            var label = inspection.Classification switch
            {
                PropagationClassification.Generated => "1",
                PropagationClassification.PossiblyGenerated => "2",
                PropagationClassification.SuspectedGenerated => "3",
                _ => null,
            };
            if (label is null)
            {
                return upload;
            }

            var carrier = AigcMetadataCarriers.For(upload);
            var existing = inspection.Metadata;
            var metadata = existing is not null && existing.LabelKind is not null
                ? existing.WithPropagation(_platformCode, propagateId)
                : new AigcMetadata(label, existing?.ContentProducer ?? string.Empty, existing?.ProduceId ?? string.Empty, string.Empty, _platformCode, propagateId, string.Empty);

            // The carrier merges these fields into the block the file already holds (one block, nothing lost). A file
            // whose existing block is unreadable is refused rather than overwritten.
            return carrier.Embed(upload, metadata);
        }
    }
}
