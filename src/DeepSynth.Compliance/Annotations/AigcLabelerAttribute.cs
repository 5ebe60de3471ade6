using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method that labels AI-generated content (DSP Art. 16-17, Labeling Measures Art. 4-5, GB 45438):
    /// it returns a labeled copy of its first argument, or, when it returns nothing, labels the first
    /// argument in place. A parameterless member marked with it returns a label notice that may be shown
    /// beside streamed text.
    /// </summary>
    /// <remarks>Matched by full name; a project may declare its own copy.</remarks>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
    public sealed class AigcLabelerAttribute : Attribute
    {
    }
}
