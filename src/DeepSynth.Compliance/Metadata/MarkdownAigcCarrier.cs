using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in Markdown as a YAML front matter key, <c>AIGC: {"Label":"1",...}</c> (TC260-PG-20258A). JSON is
    /// valid YAML, so front matter parsers read the value as a mapping. Reads the one-line form (also single-quoted) and
    /// a nested mapping under <c>AIGC:</c>; writes the one-line form into an existing front matter block in place, or a new
    /// block at the start. Every other byte of the document is kept, including its line endings and byte order mark.
    /// </summary>
    public sealed class MarkdownAigcCarrier : IAigcMetadataCarrier
    {
        internal const string TextGuide = "TC260-PG-20258A";
        private const int MaxFrontMatterLines = 2000;
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        public MediaFormat Format => MediaFormat.Markdown;

        /// <summary>True when the bytes are UTF-8 text (the only check a format without magic bytes allows).</summary>
        internal static bool IsText(byte[] content)
        {
            try
            {
                StrictUtf8.GetString(content);
                return Array.IndexOf(content, (byte)0) < 0;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        internal static bool StartsWithFrontMatter(byte[] content)
        {
            var offset = HasBom(content) ? 3 : 0;
            return content.Length >= offset + 4 && content[offset] == '-' && content[offset + 1] == '-' && content[offset + 2] == '-'
                && (content[offset + 3] == '\n' || (content[offset + 3] == '\r' && content.Length > offset + 4 && content[offset + 4] == '\n'))
                && IsText(content);
        }

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var document = Document.Parse(file);
            return document.AigcKeys()
                .Select(k => new AigcLabelSite(
                    $"Markdown front matter key {k.Key}",
                    k.Key == "AIGC" ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard,
                    TextGuide,
                    Encoding.UTF8.GetBytes(k.Json)))
                .ToList();
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var document = Document.Parse(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var line = "AIGC: " + effective.ToPayloadJson();
            var keys = document.AigcKeys();
            var lines = document.Lines;
            string text;
            if (document.FrontMatterEnd < 0)
            {
                text = "---" + document.NewLine + line + document.NewLine + "---" + document.NewLine + document.Text;
            }
            else
            {
                var kept = new List<string>();
                for (var i = 0; i < lines.Count; i++)
                {
                    var key = keys.FirstOrDefault(k => i >= k.FirstLine && i <= k.LastLine);
                    if (key.Key is null)
                    {
                        kept.Add(lines[i]);
                    }
                    else if (i == keys[0].FirstLine)
                    {
                        kept.Add(line); // relabeling updates the key where it stood
                    }
                }

                if (keys.Count == 0)
                {
                    kept.Insert(document.FrontMatterEnd, line);
                }

                text = string.Join(document.NewLine, kept);
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            return document.HasBom ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray() : bytes;
        }

        private static bool HasBom(byte[] content) => content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF;

        private sealed class Document
        {
            private Document(string text, bool hasBom)
            {
                Text = text;
                HasBom = hasBom;
                NewLine = text.Contains("\r\n") ? "\r\n" : "\n";
                Lines = text.Split(new[] { NewLine }, StringSplitOptions.None).ToList();
                FrontMatterEnd = -1;
                if (Lines.Count > 1 && Lines[0].TrimEnd() == "---")
                {
                    var end = Lines.FindIndex(1, l => l.TrimEnd() is "---" or "...");
                    if (end > 0 && end <= MaxFrontMatterLines)
                    {
                        FrontMatterEnd = end;
                    }
                }
            }

            public string Text { get; }

            public bool HasBom { get; }

            public string NewLine { get; }

            public List<string> Lines { get; }

            /// <summary>The line index of the closing <c>---</c>, or -1 without front matter.</summary>
            public int FrontMatterEnd { get; }

            public static Document Parse(byte[] file)
            {
                if (file is null)
                {
                    throw new ArgumentNullException(nameof(file));
                }

                var bom = HasBom(file);
                try
                {
                    return new Document(StrictUtf8.GetString(file, bom ? 3 : 0, file.Length - (bom ? 3 : 0)), bom);
                }
                catch (DecoderFallbackException ex)
                {
                    throw new AigcMetadataException("Not a Markdown file: the text is not UTF-8.", ex);
                }
            }

            /// <summary>The top-level front matter keys containing "AIGC", each with its lines and its value as JSON.</summary>
            public List<(string Key, int FirstLine, int LastLine, string Json)> AigcKeys()
            {
                var keys = new List<(string, int, int, string)>();
                for (var i = 1; i < FrontMatterEnd; i++)
                {
                    var line = Lines[i];
                    var colon = line.IndexOf(':');
                    if (colon <= 0 || char.IsWhiteSpace(line[0]))
                    {
                        continue;
                    }

                    var key = line.Substring(0, colon).Trim().Trim('"', '\'');
                    if (key.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) < 0)
                    {
                        continue;
                    }

                    var value = line.Substring(colon + 1).Trim();
                    var last = i;
                    if (value.Length == 0)
                    {
                        // A nested mapping: the indented "Field: value" lines that follow.
                        var fields = new Dictionary<string, string>();
                        while (last + 1 < FrontMatterEnd && Lines[last + 1].Length > 0 && char.IsWhiteSpace(Lines[last + 1][0]))
                        {
                            last++;
                            var field = Lines[last].Trim();
                            var fieldColon = field.IndexOf(':');
                            if (fieldColon > 0)
                            {
                                fields[field.Substring(0, fieldColon).Trim()] = Unquote(field.Substring(fieldColon + 1).Trim());
                            }
                        }

                        value = JsonSerializer.Serialize(fields);
                    }
                    else
                    {
                        value = Unquote(value);
                    }

                    keys.Add((key, i, last, value));
                    i = last;
                }

                return keys;
            }

            private static string Unquote(string value)
            {
                if (value.Length >= 2 && value[0] == '\'' && value[value.Length - 1] == '\'')
                {
                    return value.Substring(1, value.Length - 2).Replace("''", "'");
                }

                if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"' && !value.StartsWith("{", StringComparison.Ordinal))
                {
                    return value.Substring(1, value.Length - 2).Replace("\\\"", "\"");
                }

                return value;
            }
        }
    }
}
