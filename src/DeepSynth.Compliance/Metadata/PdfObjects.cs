using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// The little of PDF syntax the label needs: the last trailer (classic or cross-reference stream), an object's
    /// dictionary found by number, and dictionary entries kept as their raw text so they are written back unchanged.
    /// Bounded: nesting depth, the trailer search window and the dictionary size.
    /// </summary>
    internal static class PdfObjects
    {
        private const int MaxDepth = 32;
        private const int TailWindow = 4096;
        private static readonly Encoding Latin1 = Encoding.GetEncoding("ISO-8859-1");

        /// <summary>The file as Latin-1 text: one char per byte, so indexes are byte offsets.</summary>
        public static string Text(byte[] file) => Latin1.GetString(file);

        /// <summary>The offset after the last <c>startxref</c> and the trailer dictionary that belongs to it.</summary>
        public static (long StartXref, bool IsStream, List<KeyValuePair<string, string>> Trailer) LastTrailer(string text)
        {
            var from = Math.Max(0, text.Length - TailWindow);
            var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
            if (at < from)
            {
                throw new AigcMetadataException("Corrupt PDF: no startxref near the end of the file.");
            }

            var number = Regex.Match(text.Substring(at + 9, Math.Min(40, text.Length - at - 9)), "\\d+");
            if (!number.Success || !long.TryParse(number.Value, out var xref) || xref >= text.Length)
            {
                throw new AigcMetadataException("Corrupt PDF: startxref does not point into the file.");
            }

            if (string.CompareOrdinal(text, (int)xref, "xref", 0, 4) == 0)
            {
                var trailer = text.IndexOf("trailer", (int)xref, StringComparison.Ordinal);
                if (trailer < 0)
                {
                    throw new AigcMetadataException("Corrupt PDF: the cross-reference table has no trailer.");
                }

                return (xref, false, Dictionary(text, SkipToDictionary(text, trailer + 7)));
            }

            // A cross-reference stream: "n g obj << /Type /XRef ... >> stream".
            return (xref, true, Dictionary(text, SkipToDictionary(text, (int)xref)));
        }

        /// <summary>The dictionary of object <paramref name="number"/> (its latest definition), or <c>null</c>.</summary>
        public static List<KeyValuePair<string, string>>? ObjectDictionary(string text, int number, int generation)
        {
            var matches = Regex.Matches(text, $"(?<![0-9]){number}\\s+{generation}\\s+obj\\b", RegexOptions.None, TimeSpan.FromSeconds(5));
            if (matches.Count == 0)
            {
                return null; // kept in an object stream; the new Info starts empty
            }

            var last = matches[matches.Count - 1];
            var start = SkipToDictionary(text, last.Index + last.Length);
            return start < 0 ? null : Dictionary(text, start);
        }

        /// <summary>The object number and generation of an indirect reference <c>"n g R"</c>, or <c>null</c>.</summary>
        public static (int Number, int Generation)? Reference(string? value)
        {
            var match = value is null ? Match.Empty : Regex.Match(value, "^\\s*(\\d+)\\s+(\\d+)\\s+R\\s*$");
            return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : null;
        }

        public static string? Get(List<KeyValuePair<string, string>> dictionary, string key)
        {
            foreach (var entry in dictionary)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }

        /// <summary>A PDF string value (literal or hex, PDFDocEncoding/Latin-1 or UTF-16BE with BOM) as text.</summary>
        public static string? DecodeString(string raw)
        {
            raw = raw.Trim();
            byte[] bytes;
            if (raw.StartsWith("(", StringComparison.Ordinal))
            {
                bytes = Latin1.GetBytes(UnescapeLiteral(raw.Substring(1, raw.Length - 2)));
            }
            else if (raw.StartsWith("<", StringComparison.Ordinal) && !raw.StartsWith("<<", StringComparison.Ordinal))
            {
                var hex = Regex.Replace(raw.Substring(1, raw.Length - 2), "\\s", string.Empty);
                if (hex.Length % 2 == 1)
                {
                    hex += "0";
                }

                bytes = new byte[hex.Length / 2];
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = Convert.ToByte(hex.Substring(2 * i, 2), 16);
                }
            }
            else
            {
                return null;
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetString(bytes, 2, bytes.Length - 2);
            }

            // Producers often put UTF-8 in PDF strings; plain ASCII JSON reads the same either way.
            try
            {
                return new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return Latin1.GetString(bytes);
            }
        }

        /// <summary>A literal string for <paramref name="value"/>: ASCII as is, otherwise UTF-16BE with BOM, as hex.</summary>
        public static string EncodeString(string value)
        {
            foreach (var c in value)
            {
                if (c > 0x7E || c < 0x20)
                {
                    var bytes = new UnicodeEncoding(bigEndian: true, byteOrderMark: true).GetPreamble();
                    var body = new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes(value);
                    var hex = new StringBuilder("<");
                    foreach (var b in bytes)
                    {
                        hex.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    foreach (var b in body)
                    {
                        hex.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    return hex.Append('>').ToString();
                }
            }

            return "(" + value.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";
        }

        private static int SkipToDictionary(string text, int from)
        {
            var limit = Math.Min(text.Length - 1, from + 256);
            for (var i = from; i < limit; i++)
            {
                if (text[i] == '<' && text[i + 1] == '<')
                {
                    return i;
                }

                if (!char.IsWhiteSpace(text[i]) && !char.IsDigit(text[i]) && text[i] != 'R' && text[i] != 'o' && text[i] != 'b' && text[i] != 'j')
                {
                    break;
                }
            }

            return -1;
        }

        /// <summary>The entries of the dictionary starting at <paramref name="start"/> ("&lt;&lt;"), values as raw text.</summary>
        private static List<KeyValuePair<string, string>> Dictionary(string text, int start)
        {
            if (start < 0)
            {
                throw new AigcMetadataException("Corrupt PDF: a dictionary was expected.");
            }

            var entries = new List<KeyValuePair<string, string>>();
            var at = start + 2;
            while (true)
            {
                at = SkipSpace(text, at);
                if (at + 1 >= text.Length)
                {
                    throw new AigcMetadataException("Corrupt PDF: a dictionary is not closed.");
                }

                if (text[at] == '>' && text[at + 1] == '>')
                {
                    return entries;
                }

                if (text[at] != '/')
                {
                    throw new AigcMetadataException($"Corrupt PDF: a dictionary key was expected at byte {at}.");
                }

                var keyEnd = EndOfName(text, at + 1);
                var key = text.Substring(at + 1, keyEnd - at - 1);
                var valueStart = SkipSpace(text, keyEnd);
                var valueEnd = EndOfValue(text, valueStart, 0);
                // An indirect reference "n g R" is three tokens.
                var reference = Regex.Match(text.Substring(valueStart, Math.Min(40, text.Length - valueStart)), "^\\d+\\s+\\d+\\s+R");
                if (reference.Success)
                {
                    valueEnd = valueStart + reference.Length;
                }

                entries.Add(new KeyValuePair<string, string>(key, text.Substring(valueStart, valueEnd - valueStart)));
                at = valueEnd;
            }
        }

        private static int EndOfValue(string text, int at, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new AigcMetadataException("Corrupt PDF: objects nest deeper than any real file.");
            }

            if (at >= text.Length)
            {
                throw new AigcMetadataException("Corrupt PDF: the file ends inside a value.");
            }

            switch (text[at])
            {
                case '(':
                    var level = 0;
                    for (var i = at; i < text.Length; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                        else if (text[i] == '(')
                        {
                            level++;
                        }
                        else if (text[i] == ')' && --level == 0)
                        {
                            return i + 1;
                        }
                    }

                    throw new AigcMetadataException("Corrupt PDF: a string is not closed.");
                case '<' when at + 1 < text.Length && text[at + 1] == '<':
                    var inner = at + 2;
                    while (true)
                    {
                        inner = SkipSpace(text, inner);
                        if (inner + 1 >= text.Length)
                        {
                            throw new AigcMetadataException("Corrupt PDF: a dictionary is not closed.");
                        }

                        if (text[inner] == '>' && text[inner + 1] == '>')
                        {
                            return inner + 2;
                        }

                        inner = EndOfValue(text, inner, depth + 1);
                    }

                case '<':
                    var close = text.IndexOf('>', at);
                    return close < 0 ? throw new AigcMetadataException("Corrupt PDF: a hex string is not closed.") : close + 1;
                case '[':
                    var item = at + 1;
                    while (true)
                    {
                        item = SkipSpace(text, item);
                        if (item >= text.Length)
                        {
                            throw new AigcMetadataException("Corrupt PDF: an array is not closed.");
                        }

                        if (text[item] == ']')
                        {
                            return item + 1;
                        }

                        item = EndOfValue(text, item, depth + 1);
                    }

                case '/':
                    return EndOfName(text, at + 1);
                default:
                    var end = at;
                    while (end < text.Length && !char.IsWhiteSpace(text[end]) && "/[]<>()%".IndexOf(text[end]) < 0)
                    {
                        end++;
                    }

                    return end == at ? at + 1 : end;
            }
        }

        private static int EndOfName(string text, int at)
        {
            while (at < text.Length && !char.IsWhiteSpace(text[at]) && "/[]<>()%{}".IndexOf(text[at]) < 0)
            {
                at++;
            }

            return at;
        }

        private static int SkipSpace(string text, int at)
        {
            while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] == '\0'))
            {
                at++;
            }

            return at;
        }

        private static string UnescapeLiteral(string body)
        {
            var result = new StringBuilder(body.Length);
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] != '\\' || i + 1 >= body.Length)
                {
                    result.Append(body[i]);
                    continue;
                }

                var c = body[++i];
                switch (c)
                {
                    case 'n': result.Append('\n'); break;
                    case 'r': result.Append('\r'); break;
                    case 't': result.Append('\t'); break;
                    case 'b': result.Append('\b'); break;
                    case 'f': result.Append('\f'); break;
                    case '\r':
                        if (i + 1 < body.Length && body[i + 1] == '\n')
                        {
                            i++;
                        }

                        break;
                    case '\n': break;
                    default:
                        if (c >= '0' && c <= '7')
                        {
                            var octal = 0;
                            var digits = 0;
                            while (digits < 3 && i < body.Length && body[i] >= '0' && body[i] <= '7')
                            {
                                octal = (octal * 8) + (body[i] - '0');
                                i++;
                                digits++;
                            }

                            i--;
                            result.Append((char)(octal & 0xFF));
                        }
                        else
                        {
                            result.Append(c);
                        }

                        break;
                }
            }

            return result.ToString();
        }
    }
}
