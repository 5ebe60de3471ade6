using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// AIGC metadata in PDF as the key <c>/AIGC</c> of the document information dictionary (TC260-PG-20258A), written as an
    /// incremental update: the original bytes stay untouched and a new revision of the Info object (same object number,
    /// every other entry kept) follows with its own cross-reference section (a table, or a stream when the file uses
    /// cross-reference streams) chained by <c>/Prev</c>. Encrypted files are refused.
    /// </summary>
    public sealed class PdfAigcCarrier : IAigcMetadataCarrier
    {
        private const string Key = "AIGC";

        public MediaFormat Format => MediaFormat.Pdf;

        /// <inheritdoc />
        public AigcMetadata? Read(byte[] file) => AigcLabelSites.Preferred(FindSites(file));

        /// <inheritdoc />
        public IReadOnlyList<AigcLabelSite> FindSites(byte[] file)
        {
            var (_, _, info) = Load(file);
            return (info ?? new List<KeyValuePair<string, string>>())
                .Where(e => e.Key.IndexOf(Key, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(e => new AigcLabelSite(
                    $"PDF Info /{e.Key}",
                    e.Key == Key ? AigcLabelPlacement.Standard : AigcLabelPlacement.NonStandard,
                    MarkdownAigcCarrier.TextGuide,
                    Encoding.UTF8.GetBytes(PdfObjects.DecodeString(e.Value) ?? string.Empty)))
                .ToList();
        }

        /// <inheritdoc />
        [AigcLabeler]
        public byte[] Embed(byte[] file, AigcMetadata metadata)
        {
            var (text, trailer, info) = Load(file);
            var effective = AigcLabelSites.Effective(this, file, metadata);
            var size = int.TryParse(PdfObjects.Get(trailer.Entries, "Size")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw new AigcMetadataException("Corrupt PDF: the trailer has no /Size.");
            var infoRef = PdfObjects.Reference(PdfObjects.Get(trailer.Entries, "Info"));
            var number = infoRef?.Number ?? size;
            var newSize = infoRef is null ? size + 1 : size;

            var entries = (info ?? new List<KeyValuePair<string, string>>()).Where(e => e.Key.IndexOf(Key, StringComparison.OrdinalIgnoreCase) < 0 || e.Key == Key).ToList();
            var value = PdfObjects.EncodeString(effective.ToPayloadJson());
            var at = entries.FindIndex(e => e.Key == Key);
            if (at < 0)
            {
                entries.Add(new KeyValuePair<string, string>(Key, value));
            }
            else
            {
                entries[at] = new KeyValuePair<string, string>(Key, value); // the key stays where it stood
            }

            var update = new StringBuilder();
            var prefix = file.Length > 0 && file[file.Length - 1] is (byte)'\n' or (byte)'\r' ? string.Empty : "\n";
            update.Append(prefix);
            var objectOffset = file.Length + prefix.Length;
            update.Append(number).Append(" 0 obj\n<<");
            foreach (var entry in entries)
            {
                update.Append(" /").Append(entry.Key).Append(' ').Append(entry.Value);
            }

            update.Append(" >>\nendobj\n");
            var xrefOffset = objectOffset + update.Length - prefix.Length;
            var carried = trailer.Entries.Where(e => e.Key is "Root" or "ID").Select(e => $" /{e.Key} {e.Value}");
            if (trailer.IsStream)
            {
                AppendXrefStream(update, newSize, number, objectOffset, xrefOffset, trailer.StartXref, carried);
            }
            else
            {
                update.Append("xref\n").Append(number).Append(" 1\n").Append(objectOffset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
                update.Append("trailer\n<< /Size ").Append(newSize).Append(string.Concat(carried)).Append(" /Info ").Append(number).Append(" 0 R /Prev ").Append(trailer.StartXref).Append(" >>\n");
                update.Append("startxref\n").Append(xrefOffset).Append("\n%%EOF\n");
            }

            var appended = Encoding.GetEncoding("ISO-8859-1").GetBytes(update.ToString());
            var output = new byte[file.Length + appended.Length];
            Buffer.BlockCopy(file, 0, output, 0, file.Length);
            Buffer.BlockCopy(appended, 0, output, file.Length, appended.Length);
            return output;
        }

        /// <summary>
        /// An uncompressed cross-reference stream for the new Info object and the stream itself (a file that uses
        /// streams must keep using them: a classic table after a stream is not valid PDF 1.5).
        /// </summary>
        private static void AppendXrefStream(StringBuilder update, int size, int infoNumber, long infoOffset, long streamOffset, long previous, IEnumerable<string> carried)
        {
            var streamNumber = size;
            var data = new StringBuilder();
            void Entry(long offset)
            {
                data.Append('\u0001');
                for (var shift = 24; shift >= 0; shift -= 8)
                {
                    data.Append((char)((offset >> shift) & 0xFF));
                }

                data.Append('\0').Append('\0');
            }

            var index = infoNumber < streamNumber ? $"{infoNumber} 1 {streamNumber} 1" : $"{streamNumber} 1";
            if (infoNumber < streamNumber)
            {
                Entry(infoOffset);
            }

            Entry(streamOffset);
            update.Append(streamNumber).Append(" 0 obj\n<< /Type /XRef /Size ").Append(size + 1).Append(" /W [1 4 2] /Index [").Append(index).Append(']')
                .Append(string.Concat(carried)).Append(" /Info ").Append(infoNumber).Append(" 0 R /Prev ").Append(previous)
                .Append(" /Length ").Append(data.Length).Append(" >>\nstream\n").Append(data).Append("\nendstream\nendobj\n");
            update.Append("startxref\n").Append(streamOffset).Append("\n%%EOF\n");
        }

        private static (string Text, (long StartXref, bool IsStream, List<KeyValuePair<string, string>> Entries) Trailer, List<KeyValuePair<string, string>>? Info) Load(byte[] file)
        {
            if (file is null)
            {
                throw new ArgumentNullException(nameof(file));
            }

            if (MediaFormatDetector.Detect(file) != MediaFormat.Pdf)
            {
                throw new AigcMetadataException("Not a PDF file: it does not start with %PDF-.");
            }

            var text = PdfObjects.Text(file);
            var trailer = PdfObjects.LastTrailer(text);
            if (PdfObjects.Get(trailer.Trailer, "Encrypt") is not null)
            {
                throw new AigcMetadataException("The PDF is encrypted; its Info strings cannot be read or written without the key.");
            }

            var reference = PdfObjects.Reference(PdfObjects.Get(trailer.Trailer, "Info"));
            var info = reference is { } r ? PdfObjects.ObjectDictionary(text, r.Number, r.Generation) : null;
            return (text, trailer, info);
        }
    }
}
