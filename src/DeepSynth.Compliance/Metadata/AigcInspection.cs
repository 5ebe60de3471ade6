using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>Everything <see cref="AigcLabelInspector.Inspect"/> found in one file.</summary>
    public sealed class AigcInspection
    {
        internal AigcInspection(MediaFormat format, string? containerError, IReadOnlyList<FoundAigcLabel> labels, IReadOnlyList<AigcCheckResult> checks)
        {
            Format = format;
            ContainerError = containerError;
            Labels = labels;
            Checks = checks;
        }

        public MediaFormat Format { get; }

        /// <summary>False when the format is not one the SDK knows ("not identified"); the verdict is then inconclusive.</summary>
        public bool IsIdentified => Format != MediaFormat.Unknown;

        /// <summary>Why the container could not be read (truncated, bad checksum, ...), or <c>null</c>.</summary>
        public string? ContainerError { get; }

        /// <summary>Every label found, standard site or not, in file order.</summary>
        public IReadOnlyList<FoundAigcLabel> Labels { get; }

        /// <summary>Every check applied, passed or failed; empty when the file could not be checked.</summary>
        public IReadOnlyList<AigcCheckResult> Checks { get; }

        /// <summary>The failed checks.</summary>
        public IEnumerable<AigcCheckResult> Problems => Checks.Where(c => !c.Passed);

        /// <summary>The label to act on: the first readable one at the most standard site, or <c>null</c>.</summary>
        public AigcMetadata? Label => Labels.Where(l => l.Metadata is not null).OrderBy(l => l.Site.Placement).Select(l => l.Metadata).FirstOrDefault();

        public AigcVerdict Verdict
        {
            get
            {
                if (!IsIdentified || ContainerError is not null)
                {
                    return AigcVerdict.Inconclusive;
                }

                if (Labels.Count == 0)
                {
                    return AigcVerdict.NotFound;
                }

                return Problems.Any() ? AigcVerdict.Noncompliant : AigcVerdict.Compliant;
            }
        }
    }
}
