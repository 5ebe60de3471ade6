using System.Collections.Generic;
using System.Threading;

namespace DeepSynth.Compliance.Labeling
{
    /// <summary>
    /// Adds the explicit label to generated text before people see it (DSP Art. 17, Labeling Measures
    /// Art. 4, GB 45438 §6). Register it with <c>AddDeepSynthCompliance</c> and inject it.
    /// </summary>
    public interface IAigcTextLabeler
    {
        /// <summary>
        /// The label as a notice, for a persistent prompt near the content or at the top or bottom of a chat
        /// window (GB 45438 §6), for example beside streamed text.
        /// </summary>
        [AigcLabeler]
        string Notice { get; }

        /// <summary>Returns <paramref name="text"/> with the label at the configured position. Labeling twice adds nothing.</summary>
        [AigcLabeler]
        string Label(string text);

        /// <summary>
        /// Passes <paramref name="tokens"/> through and emits the label with them: as the first element
        /// (position Start) and/or as the last element once the stream completes (position End).
        /// </summary>
        [AigcLabeler]
        IAsyncEnumerable<string> LabelStream(IAsyncEnumerable<string> tokens, CancellationToken cancellationToken = default);

        /// <summary>
        /// Labels a JSON response: the string at <paramref name="textPath"/> (dot-separated, array indices as
        /// numbers, e.g. <c>choices.0.message.content</c>) gets the label, and the top-level object gets the
        /// configured notice property (default <c>aigcLabel</c>) so clients can show it.
        /// </summary>
        /// <exception cref="System.ArgumentException">The JSON is not an object or the path does not lead to a string.</exception>
        [AigcLabeler]
        string LabelJson(string json, string textPath);
    }
}
