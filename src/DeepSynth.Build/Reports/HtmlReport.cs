using System;
using System.Linq;
using System.Net;
using System.Text;

namespace DeepSynth.Build.Reports
{
    /// <summary>
    /// deepsynth-report.html: the report for compliance officers, one self-contained page (styles inline, no scripts,
    /// fonts, images or links to fetch), readable offline and printable.
    /// </summary>
    internal static class HtmlReport
    {
        private const string Style = """
            body { font-family: "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 70em; color: #1b1b1b; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: 0; } .subtitle { color: #555; margin-top: .2em; }
            h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
            table { border-collapse: collapse; width: 100%; font-size: .92em; } th, td { border: 1px solid #d0d0d0; padding: .35em .5em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; } td { word-break: break-word; }
            .state { display: inline-block; padding: .05em .5em; border-radius: .6em; font-weight: 600; white-space: nowrap; }
            .ok { background: #e3f4e1; color: #1e6b1a; } .bad { background: #fbe3e1; color: #9b1c12; } .accepted { background: #fff4d6; color: #7a5200; } .neutral { background: #ececec; color: #444; }
            .unverified { background: #fff; color: #5b3a8c; border: 1px dashed #5b3a8c; }
            @media print { body { margin: 0; max-width: none; } }
            """;

        public static string Render(ReportDocument document)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(document.Title)).Append("</title>\n<style>\n")
                .Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(document.Title)).Append("</h1>\n<p class=\"subtitle\" lang=\"zh-CN\">")
                .Append(Encode(document.Subtitle)).Append("</p>\n");
            foreach (var section in document.Sections)
            {
                html.Append("<h2>").Append(Encode(section.Heading)).Append("</h2>\n");
                foreach (var paragraph in section.Paragraphs)
                {
                    html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
                }

                if (section.Columns.Count == 0 || section.Rows.Count == 0)
                {
                    continue;
                }

                html.Append("<table>\n<tr>").Append(string.Concat(section.Columns.Select(c => "<th>" + Encode(c) + "</th>"))).Append("</tr>\n");
                foreach (var row in section.Rows)
                {
                    html.Append("<tr>").Append(string.Concat(row.Select(c => "<td>" + Cell(c) + "</td>"))).Append("</tr>\n");
                }

                html.Append("</table>\n");
            }

            return html.Append("</body>\n</html>\n").ToString();
        }

        private static string Cell(string text)
        {
            if (!text.StartsWith(ReportText.StatePrefix, StringComparison.Ordinal))
            {
                return Encode(text);
            }

            var kindEnd = text.IndexOf(':', ReportText.StatePrefix.Length);
            var kind = text.Substring(ReportText.StatePrefix.Length, kindEnd - ReportText.StatePrefix.Length);
            return "<span class=\"state " + kind + "\">" + Encode(text.Substring(kindEnd + 1)) + "</span>";
        }

        private static string Encode(string text) => WebUtility.HtmlEncode(text);
    }
}
