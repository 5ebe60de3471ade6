using System;
using System.Net;
using System.Text.RegularExpressions;
using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Compliance.Labeling
{
    /// <summary>The implicit label of a generated web page: <c>&lt;meta name="AIGC" content="{...}"&gt;</c> in its head.</summary>
    public static class AigcHtmlMeta
    {
        private static readonly Regex MetaTag = new Regex(
            "<meta\\s+[^>]*name\\s*=\\s*[\"']?AIGC[\"']?[^>]*>",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        private static readonly Regex ContentAttribute = new Regex(
            "content\\s*=\\s*(\"(?<v>[^\"]*)\"|'(?<v>[^']*)')",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        private static readonly Regex HeadOpen = new Regex("<head(\\s[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>The meta element for <paramref name="metadata"/>.</summary>
        public static string Render(AigcMetadata metadata)
        {
            if (metadata is null)
            {
                throw new ArgumentNullException(nameof(metadata));
            }

            return "<meta name=\"AIGC\" content=\"" + WebUtility.HtmlEncode(metadata.ToJson()) + "\">";
        }

        /// <summary>
        /// <paramref name="html"/> with exactly one AIGC meta element at the start of its head (merged with any existing
        /// one, see <see cref="AigcMetadata.Relabel"/>). A fragment without a head gets the element in front.
        /// </summary>
        [AigcLabeler]
        public static string Label(string html, AigcMetadata metadata)
        {
            if (html is null)
            {
                throw new ArgumentNullException(nameof(html));
            }

            var effective = AigcMetadata.Relabel(Read(html), metadata);
            var stripped = MetaTag.Replace(html, string.Empty);
            var head = HeadOpen.Match(stripped);
            var element = Render(effective);
            return head.Success ? stripped.Insert(head.Index + head.Length, element) : element + stripped;
        }

        /// <summary>The AIGC metadata of the page, or <c>null</c>.</summary>
        /// <exception cref="AigcMetadataException">The meta element's content is not AIGC JSON.</exception>
        public static AigcMetadata? Read(string html)
        {
            if (html is null)
            {
                throw new ArgumentNullException(nameof(html));
            }

            var tag = MetaTag.Match(html);
            if (!tag.Success)
            {
                return null;
            }

            var content = ContentAttribute.Match(tag.Value);
            if (!content.Success)
            {
                throw new AigcMetadataException("The AIGC meta element has no content attribute.");
            }

            return AigcMetadata.Parse(WebUtility.HtmlDecode(content.Groups["v"].Value));
        }
    }
}
