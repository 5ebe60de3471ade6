using System.Net;
using System.Text;
using DeepSynth.Cli.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>A self-contained HTML page (no scripts, no external files), for a build artifact a compliance officer opens.</summary>
    internal static class HtmlReport
    {
        private const string Style =
            "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em}" +
            "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}" +
            "td:nth-child(4){max-width:60em}";

        public static string Render(CheckResult result)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>DeepSynth compliance check</title>");
            html.Append("<style>").Append(Style).Append("</style></head>\n<body>\n<h1>DeepSynth compliance check</h1>\n");
            html.Append("<p>").Append(Encode(ReportTables.Heading(result))).Append("</p>\n");
            foreach (var table in ReportTables.Of(result))
            {
                html.Append("<h2>").Append(Encode(table.Title)).Append("</h2>\n");
                if (table.Rows.Count == 0)
                {
                    html.Append("<p>None.</p>\n");
                    continue;
                }

                html.Append("<table>\n<tr>");
                foreach (var cell in table.Header)
                {
                    html.Append("<th>").Append(Encode(cell)).Append("</th>");
                }

                html.Append("</tr>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append("<td>").Append(Encode(cell)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
            }

            return html.Append("</body>\n</html>\n").ToString();
        }

        private static string Encode(string text) => WebUtility.HtmlEncode(text);
    }
}
