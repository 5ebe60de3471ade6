using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Thrown when the SDK is configured in a way that would break a legal duty (for example an audit
    /// retention shorter than 180 days or a label text without the elements GB 45438 requires).
    /// </summary>
    public sealed class ComplianceConfigurationException : Exception
    {
        public ComplianceConfigurationException(IEnumerable<string> problems)
            : this(problems.ToArray())
        {
        }

        private ComplianceConfigurationException(string[] problems)
            : base("DeepSynth.Compliance is misconfigured: " + string.Join(" ", problems))
        {
            Problems = problems;
        }

        /// <summary>Every problem found, one sentence each.</summary>
        public IReadOnlyList<string> Problems { get; }

        internal static void ThrowIfAny(IEnumerable<string> problems)
        {
            var list = problems.ToArray();
            if (list.Length > 0)
            {
                throw new ComplianceConfigurationException(list);
            }
        }
    }
}
