using System.Globalization;
using System.Linq;
using DeepSynth.Cli.Findings;
using DeepSynth.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>
    /// The verdict of a check in the words of the build report: compliant only when every applicable duty is met and
    /// nothing is new or baselined; accepted findings and duties that could not be checked have verdicts of their own.
    /// </summary>
    internal static class CheckVerdict
    {
        /// <summary>English and Chinese, for the documents.</summary>
        public static string Bilingual(CheckResult result) => English(result) + " / " + Chinese(result);

        /// <summary>In the UI language, for the console.</summary>
        public static string Localized(CheckResult result) => ConsoleLanguage.IsChinese ? Chinese(result) : English(result);

        public static string English(CheckResult result) => result.Verdict switch
        {
            Verdict.Compliant => "Compliant: every applicable duty is met, no new or baselined findings",
            Verdict.PassesWithAcceptedFindings => $"Passes the gate with {N(result.Baselined.Count())} accepted finding(s), not compliant",
            Verdict.NotVerified => "Not verified: " + NotVerifiedEnglish(result) + (result.New.Any() ? $"; {N(result.New.Count())} new finding(s) in what could be analysed" : string.Empty),
            _ => $"Not compliant: {N(result.New.Count())} new finding(s)" + (NotVerifiedDuties(result) > 0 || result.Problems.Count > 0 ? "; " + NotVerifiedEnglish(result) : string.Empty),
        };

        public static string Chinese(CheckResult result) => result.Verdict switch
        {
            Verdict.Compliant => "合规：所有适用义务均符合，无新增或基线问题",
            Verdict.PassesWithAcceptedFindings => $"通过门禁，但有 {N(result.Baselined.Count())} 项已接受的问题，并非合规",
            Verdict.NotVerified => "未验证：" + NotVerifiedChinese(result) + (result.New.Any() ? $"；已分析部分有 {N(result.New.Count())} 项新增问题" : string.Empty),
            _ => $"不合规：{N(result.New.Count())} 项新增问题" + (NotVerifiedDuties(result) > 0 || result.Problems.Count > 0 ? "；" + NotVerifiedChinese(result) : string.Empty),
        };

        /// <summary>The badge colour: green only for compliant, amber for accepted gaps, a distinct dashed purple for not verified.</summary>
        public static string Kind(Verdict verdict) => verdict switch
        {
            Verdict.Compliant => "ok",
            Verdict.PassesWithAcceptedFindings => "accepted",
            Verdict.NotVerified => "unverified",
            _ => "bad",
        };

        /// <summary>"Incomplete analysis: 3 file(s) in 1 project(s) could not be fully analysed (compile errors)", or null.</summary>
        public static string? IncompleteEnglish(CheckResult result) =>
            result.Problems.Count == 0 ? null
            : result.FilesWithCompileErrors > 0
                ? $"Incomplete analysis: {N(result.FilesWithCompileErrors)} file(s) in {N(ProjectsWithErrors(result))} project(s) could not be fully analysed (compile errors)" +
                  (result.IncompleteProjects > ProjectsWithErrors(result) ? $"; {N(result.IncompleteProjects)} project(s) not completely analysed in all (see Problems)" : string.Empty)
                : $"Incomplete analysis: {N(result.IncompleteProjects)} project(s) could not be fully analysed (see Problems)";

        public static string? IncompleteChinese(CheckResult result) =>
            result.Problems.Count == 0 ? null
            : result.FilesWithCompileErrors > 0
                ? $"分析不完整：{N(ProjectsWithErrors(result))} 个项目中的 {N(result.FilesWithCompileErrors)} 个文件存在编译错误，未能完整分析" +
                  (result.IncompleteProjects > ProjectsWithErrors(result) ? $"；共 {N(result.IncompleteProjects)} 个项目未完整分析（见问题列表）" : string.Empty)
                : $"分析不完整：{N(result.IncompleteProjects)} 个项目未能完整分析（见问题列表）";

        private static int ProjectsWithErrors(CheckResult result) => result.Projects.Count(p => p.FilesWithCompileErrors > 0);

        private static int NotVerifiedDuties(CheckResult result) => result.Duties.Sum(d => d.NotVerified);

        private static string NotVerifiedEnglish(CheckResult result) =>
            $"{N(NotVerifiedDuties(result))} duty(ies) could not be checked" + (result.Problems.Count > 0 ? $", {N(result.IncompleteProjects)} project(s) not completely analysed" : string.Empty);

        private static string NotVerifiedChinese(CheckResult result) =>
            $"{N(NotVerifiedDuties(result))} 项义务未能检查" + (result.Problems.Count > 0 ? $"，{N(result.IncompleteProjects)} 个项目未完整分析" : string.Empty);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The console's language: Simplified Chinese when the UI culture is Chinese, else English.</summary>
    internal static class ConsoleLanguage
    {
        public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", System.StringComparison.OrdinalIgnoreCase);

        public static string Pick(string english, string chinese) => IsChinese ? chinese : english;
    }
}
