using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method after whose normal return the current user's real identity is verified (DSP Art. 9).
    /// When the method returns <see cref="bool"/> (or a task of it), the identity counts as verified only
    /// where the result was checked to be <c>true</c>.
    /// </summary>
    /// <remarks>Matched by full name; a project may declare its own copy.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class IdentityVerifierAttribute : Attribute
    {
    }
}
