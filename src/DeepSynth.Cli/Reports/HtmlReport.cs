using System.Net;
using System.Text;
using DeepSynth.Cli.Findings;
using DeepSynth.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>A self-contained HTML page (no scripts, no external files), for a build artifact a compliance officer opens.</summary>
    internal static class HtmlReport
    {
        private const string Style =
            "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em}" +
            "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}" +
            "td:nth-child(4){max-width:60em}.state{display:inline-block;padding:.05em .5em;border-radius:.6em;font-weight:600}" +
            ".ok{background:#e3f4e1;color:#1e6b1a}.bad{background:#fbe3e1;color:#9b1c12}.accepted{background:#fff4d6;color:#7a5200}" +
            ".neutral{background:#ececec;color:#444}.unverified{background:#fff;color:#5b3a8c;border:1px dashed #5b3a8c}";

        /// <summary>Duty states as badges; green is for "met" only.</summary>
        private static readonly System.Collections.Generic.Dictionary<string, string> StateKinds = new()
        {
            [DutyJudgement.StateName(DutyState.Met)] = "ok",
            [DutyJudgement.StateName(DutyState.NotMet)] = "bad",
            [DutyJudgement.StateName(DutyState.Accepted)] = "accepted",
            [DutyJudgement.StateName(DutyState.NotVerified)] = "unverified",
            [DutyJudgement.StateName(DutyState.NotApplicable)] = "neutral",
        };

        public static string Render(CheckResult result)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").Append(Encode(ReportTables.Title)).Append("</title>");
            html.Append("<style>").Append(Style).Append("</style></head>\n<body>\n<h1>").Append(Encode(ReportTables.Title)).Append("</h1>\n");
            html.Append("<p>").Append(Encode(ReportTables.Heading(result))).Append("</p>\n");
            html.Append("<p><span class=\"state ").Append(CheckVerdict.Kind(result.Verdict)).Append("\">").Append(Encode(CheckVerdict.Bilingual(result))).Append("</span></p>\n");
            foreach (var table in ReportTables.Of(result))
            {
                html.Append("<h2>").Append(Encode(table.Title)).Append("</h2>\n");
                foreach (var note in table.Notes)
                {
                    html.Append("<p>").Append(Encode(note)).Append("</p>\n");
                }

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
                        html.Append("<td>").Append(StateKinds.TryGetValue(cell, out var kind) ? "<span class=\"state " + kind + "\">" + Encode(cell) + "</span>" : Encode(cell)).Append("</td>");
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
