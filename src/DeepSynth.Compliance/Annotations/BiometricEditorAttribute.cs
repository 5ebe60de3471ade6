using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method that edits a person's face or voice (face swap, voice conversion, face or voice
    /// generation from a real person). DSP Art. 14 requires the separate consent of the person edited first.
    /// </summary>
    /// <remarks>
    /// Matched by full name; a project may declare its own copy. The analyzers (DSYN006) require the edited person's
    /// consent of the same <see cref="Kind"/> before each call; without a kind, a method whose name says Voice, Speech,
    /// Audio, Tts or Sing edits a voice, any other a face.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class BiometricEditorAttribute : Attribute
    {
        /// <summary>What the method edits: a face or a voice.</summary>
        public Consent.BiometricKind Kind { get; set; }
    }
}
