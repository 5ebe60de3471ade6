using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method that records, in the audit log, the generation whose content it receives
    /// (DSP Art. 10 and 16; network log retention under the Cybersecurity Law).
    /// </summary>
    /// <remarks>Matched by full name; a project may declare its own copy.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class SynthesisAuditorAttribute : Attribute
    {
    }
}
