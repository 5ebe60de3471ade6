using System.Linq;
using System.Text;

namespace DeepSynth.Build.Reports
{
    /// <summary>deepsynth-report.md: the report as Markdown, for pull requests and repositories.</summary>
    internal static class MarkdownReport
    {
        public static string Render(ReportDocument document)
        {
            var text = new StringBuilder();
            text.Append("# ").Append(document.Title).Append("\n\n**").Append(document.Subtitle).Append("**\n");
            foreach (var section in document.Sections)
            {
                text.Append("\n## ").Append(section.Heading).Append("\n\n");
                foreach (var paragraph in section.Paragraphs)
                {
                    text.Append(paragraph).Append("\n\n");
                }

                if (section.Columns.Count == 0 || section.Rows.Count == 0)
                {
                    continue;
                }

                text.Append("| ").Append(string.Join(" | ", section.Columns.Select(Cell))).Append(" |\n");
                text.Append('|').Append(string.Join("|", section.Columns.Select(_ => "---"))).Append("|\n");
                foreach (var row in section.Rows)
                {
                    text.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                }
            }

            return text.ToString();
        }

        private static string Cell(string text)
        {
            if (text.StartsWith(ReportText.StatePrefix, System.StringComparison.Ordinal))
            {
                text = text.Substring(text.IndexOf(':', ReportText.StatePrefix.Length) + 1);
            }

            return text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", string.Empty).Replace("\n", " ");
        }
    }
}
