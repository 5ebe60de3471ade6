using System.Text;

namespace DeepSynth.Compliance.Tests.Support;

/// <summary>Small PDFs: one written by PdfPig, one built by hand with a cross-reference stream (PDF 1.5).</summary>
internal static class HandBuiltPdf
{
    public static byte[] ByPdfPig(string title)
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Producer = "PdfPig";
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }

    /// <summary>Catalog, pages, Info (by default just /Producer), and an uncompressed cross-reference stream with /W [1 4 2].</summary>
    public static byte[] WithXrefStream(string info = "<< /Producer (HandBuilt) >>")
    {
        var text = new StringBuilder("%PDF-1.5\n");
        var offsets = new List<int>();
        void Object(string body)
        {
            offsets.Add(text.Length);
            text.Append(offsets.Count).Append(" 0 obj\n").Append(body).Append("\nendobj\n");
        }

        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [] /Count 0 >>");
        Object(info);
        var xref = text.Length;
        var data = new StringBuilder();
        void Entry(int type, int value)
        {
            data.Append((char)type).Append((char)(value >> 24)).Append((char)((value >> 16) & 0xFF)).Append((char)((value >> 8) & 0xFF)).Append((char)(value & 0xFF)).Append('\0').Append('\0');
        }

        Entry(0, 0);
        foreach (var offset in offsets)
        {
            Entry(1, offset);
        }

        Entry(1, xref);
        text.Append("4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Info 3 0 R /Length ").Append(data.Length).Append(" >>\nstream\n")
            .Append(data).Append("\nendstream\nendobj\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
