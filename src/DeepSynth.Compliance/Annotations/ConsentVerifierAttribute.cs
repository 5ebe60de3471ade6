using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method after whose normal return the separate consent (单独同意) of the person whose face or
    /// voice is edited has been verified (DSP Art. 14 ¶2). A <see cref="bool"/> result counts where it was
    /// checked to be <c>true</c>.
    /// </summary>
    /// <remarks>Matched by full name; a project may declare its own copy.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class ConsentVerifierAttribute : Attribute
    {
    }
}
