using System.Linq;
using System.Text;
using DeepSynth.Cli.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>A Markdown report, for a pull-request comment or a job summary.</summary>
    internal static class MarkdownReport
    {
        public static string Render(CheckResult result)
        {
            var text = new StringBuilder();
            text.Append("# ").Append(ReportTables.Title).Append("\n\n").Append(Escape(ReportTables.Heading(result))).Append("\n");
            foreach (var table in ReportTables.Of(result))
            {
                text.Append("\n## ").Append(table.Title).Append("\n\n");
                foreach (var note in table.Notes)
                {
                    text.Append(Escape(note)).Append("\n\n");
                }

                if (table.Rows.Count == 0)
                {
                    text.Append("None.\n");
                    continue;
                }

                text.Append("| ").Append(string.Join(" | ", table.Header)).Append(" |\n");
                text.Append('|').Append(string.Concat(table.Header.Select(_ => "---|"))).Append('\n');
                foreach (var row in table.Rows)
                {
                    text.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
                }
            }

            return text.ToString();
        }

        /// <summary>Table cells must not break the table (pipes, line breaks) or turn into markup.</summary>
        private static string Escape(string cell) =>
            cell.Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("<", "&lt;").Replace("\r", " ").Replace("\n", " ");
    }
}
