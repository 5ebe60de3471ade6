using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method that edits a person's face or voice (face swap, voice conversion, face or voice
    /// generation from a real person). DSP Art. 14 requires the separate consent of the person edited first.
    /// </summary>
    /// <remarks>Matched by full name; a project may declare its own copy.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class BiometricEditorAttribute : Attribute
    {
    }
}
