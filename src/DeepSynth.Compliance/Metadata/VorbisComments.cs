using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// The Vorbis comment structure FLAC, Ogg Vorbis and Opus share: a vendor string, then <c>NAME=value</c> comments,
    /// every length little-endian. Field names ignore case. Bounded by the data and a comment count.
    /// </summary>
    internal static class VorbisComments
    {
        public const string Field = "AIGC";

        /// <summary>More comments than any real file has; bounds a hostile count.</summary>
        private const int MaxComments = 10_000;

        /// <summary>Whether the comment's field name contains AIGC (any case).</summary>
        public static bool IsAigc(string comment)
        {
            var equals = comment.IndexOf('=');
            return equals > 0 && comment.Substring(0, equals).IndexOf(Field, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>The vendor, the comments, and where the structure ends, read from <paramref name="data"/>[at, end).</summary>
        public static (string Vendor, List<string> Comments, int End) Parse(byte[] data, int at, int end, string where)
        {
            string Next()
            {
                if (at + 4 > end)
                {
                    throw new AigcMetadataException($"Corrupt {where}: the Vorbis comments end inside a length.");
                }

                var length = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
                if (length > (uint)(end - at - 4))
                {
                    throw new AigcMetadataException($"Corrupt {where}: a Vorbis comment declares {length} bytes, more than its block holds.");
                }

                var text = Encoding.UTF8.GetString(data, at + 4, (int)length);
                at += 4 + (int)length;
                return text;
            }

            var vendor = Next();
            if (at + 4 > end)
            {
                throw new AigcMetadataException($"Corrupt {where}: the Vorbis comments have no count.");
            }

            var count = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
            at += 4;
            if (count > MaxComments)
            {
                throw new AigcMetadataException($"Corrupt {where}: the Vorbis comments declare {count} comments.");
            }

            var comments = new List<string>((int)count);
            for (var i = 0; i < count; i++)
            {
                comments.Add(Next());
            }

            return (vendor, comments, at);
        }

        /// <summary>
        /// <paramref name="comments"/> with exactly one AIGC comment: it replaces the first AIGC-named one where it stood
        /// (relabeling updates in place), other AIGC-named ones are dropped, or it is appended.
        /// </summary>
        public static List<string> WithLabel(IEnumerable<string> comments, string json)
        {
            var result = new List<string>();
            var placed = false;
            foreach (var comment in comments)
            {
                if (!IsAigc(comment))
                {
                    result.Add(comment);
                }
                else if (!placed)
                {
                    result.Add(Field + "=" + json);
                    placed = true;
                }
            }

            if (!placed)
            {
                result.Add(Field + "=" + json);
            }

            return result;
        }

        /// <summary>The label sites among <paramref name="comments"/>; <paramref name="container"/> names the carrier.</summary>
        public static IEnumerable<AigcLabelSite> Sites(IEnumerable<string> comments, string container)
        {
            foreach (var comment in comments)
            {
                if (!IsAigc(comment))
                {
                    continue;
                }

                var name = comment.Substring(0, comment.IndexOf('='));
                var standard = string.Equals(name, Field, StringComparison.OrdinalIgnoreCase);
                yield return new AigcLabelSite($"{container} {name}=", standard ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard, Mp3AigcCarrier.AudioGuide, Encoding.UTF8.GetBytes(comment.Substring(name.Length + 1)));
            }
        }

        public static byte[] Build(string vendor, List<string> comments)
        {
            using var output = new MemoryStream();
            void Write(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                var length = new byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)bytes.Length);
                output.Write(length, 0, 4);
                output.Write(bytes, 0, bytes.Length);
            }

            Write(vendor);
            var count = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(count, (uint)comments.Count);
            output.Write(count, 0, 4);
            foreach (var comment in comments)
            {
                Write(comment);
            }

            return output.ToArray();
        }
    }
}
