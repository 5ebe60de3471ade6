using System.Globalization;
using System.Text;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// Normalisation that defeats the usual evasions of keyword filters: full-width letters (NFKC), case, and spaces,
    /// punctuation or zero-width characters inserted between the characters of a word.
    /// </summary>
    internal static class ReviewText
    {
        public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC);

        public static string Fold(string normalized)
        {
            var builder = new StringBuilder(normalized.Length);
            foreach (var c in normalized)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || category == UnicodeCategory.Format || category == UnicodeCategory.Control)
                {
                    continue;
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }
    }
}
