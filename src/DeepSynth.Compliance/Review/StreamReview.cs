using System.Collections.Generic;
using System.Threading.Tasks;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// Reviews a token stream sentence by sentence: a sentence is judged together with what came before it (context
    /// matters to moderation), and its tokens are released only once it is allowed.
    /// </summary>
    internal static class StreamReview
    {
        /// <summary>Text held back at most before it is reviewed even without a sentence end.</summary>
        public const int MaxPendingCharacters = 200;

        private static readonly char[] SentenceEnds = { '。', '！', '？', '；', '.', '!', '?', ';', '\n' };

        public static async IAsyncEnumerable<string> Run(IAsyncEnumerable<string> tokens, IContentReviewer reviewer, ReviewStage stage, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var reviewed = new StringBuilder();
            var pending = new List<string>();
            var pendingLength = 0;
            await foreach (var token in tokens.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                pending.Add(token);
                pendingLength += token.Length;
                if (pendingLength < MaxPendingCharacters && token.IndexOfAny(SentenceEnds) < 0)
                {
                    continue;
                }

                foreach (var released in await ReleaseAsync(reviewer, stage, reviewed, pending, cancellationToken).ConfigureAwait(false))
                {
                    yield return released;
                }

                pendingLength = 0;
            }

            foreach (var released in await ReleaseAsync(reviewer, stage, reviewed, pending, cancellationToken).ConfigureAwait(false))
            {
                yield return released;
            }
        }

        /// <summary>Reviews everything so far with the pending tokens; returns the tokens to release (throws when blocked).</summary>
        private static async System.Threading.Tasks.Task<IReadOnlyList<string>> ReleaseAsync(
            IContentReviewer reviewer, ReviewStage stage, StringBuilder reviewed, List<string> pending, CancellationToken cancellationToken)
        {
            if (pending.Count == 0)
            {
                return pending;
            }

            foreach (var token in pending)
            {
                reviewed.Append(token);
            }

            await reviewer.EnsureAllowedAsync(reviewed.ToString(), stage, cancellationToken).ConfigureAwait(false);
            var released = pending.ToArray();
            pending.Clear();
            return released;
        }
    }
}
