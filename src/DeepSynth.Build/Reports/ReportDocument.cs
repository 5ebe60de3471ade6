using System.Collections.Generic;

namespace DeepSynth.Build.Reports
{
    /// <summary>A section of a report: a heading, paragraphs and at most one table. Rendered as Markdown or HTML.</summary>
    internal sealed class ReportSection
    {
        public ReportSection(string heading, IReadOnlyList<string> paragraphs, IReadOnlyList<string>? columns = null, IReadOnlyList<IReadOnlyList<string>>? rows = null)
        {
            Heading = heading;
            Paragraphs = paragraphs;
            Columns = columns ?? new string[0];
            Rows = rows ?? new List<IReadOnlyList<string>>();
        }

        public string Heading { get; }

        public IReadOnlyList<string> Paragraphs { get; }

        public IReadOnlyList<string> Columns { get; }

        public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
    }

    /// <summary>
    /// The human-readable report as plain structure, so the Markdown and HTML files say exactly the same thing.
    /// Cells whose text starts with a <see cref="ReportText.StatePrefix"/> marker are rendered as a status badge in HTML.
    /// </summary>
    internal sealed class ReportDocument
    {
        public ReportDocument(string title, string subtitle, IReadOnlyList<ReportSection> sections)
        {
            Title = title;
            Subtitle = subtitle;
            Sections = sections;
        }

        public string Title { get; }

        public string Subtitle { get; }

        public IReadOnlyList<ReportSection> Sections { get; }
    }
}
