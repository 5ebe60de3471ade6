using System;
using System.Collections.Generic;

namespace DeepSynth.Analyzers.Configuration
{
    /// <summary>The known key a misspelt one was probably meant to be ("did you mean ...?"), by edit distance.</summary>
    internal static class KeySuggestion
    {
        /// <summary>The closest candidate within a third of its length (at least 2 edits), ignoring case; null when none is close.</summary>
        public static string? Closest(string key, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance <= Math.Max(2, candidate.Length / 3) && distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>Levenshtein distance (insertions, deletions, substitutions), two rows of memory.</summary>
        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
