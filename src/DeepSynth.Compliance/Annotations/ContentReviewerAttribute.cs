using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method that reviews its first argument (DSP Art. 10, GAIM Art. 14): it throws when the
    /// content is blocked, or returns a verdict, or returns the reviewed content when its return type is
    /// the argument's type. Works for user input before generation and for generated output before publishing.
    /// </summary>
    /// <remarks>Matched by full name; a project may declare its own copy.</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class ContentReviewerAttribute : Attribute
    {
    }
}
