using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Marks a method that publishes its arguments to people (a push channel, a feed, a bot), or a single
    /// parameter whose argument is published. Generated content that reaches it must carry every
    /// compliance step (label, review, audit, real-name verification).
    /// </summary>
    /// <remarks>Matched by full name; a project may declare its own copy.</remarks>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
    public sealed class ContentPublisherAttribute : Attribute
    {
    }
}
