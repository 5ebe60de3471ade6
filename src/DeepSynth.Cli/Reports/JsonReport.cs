using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeepSynth.Cli.Findings;

namespace DeepSynth.Cli.Reports
{
    /// <summary>The check as plain JSON, for scripts: the per-rule summary, every finding with its fingerprint and sources, the problems.</summary>
    internal static class JsonReport
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string Render(CheckResult result)
        {
            var report = new
            {
                tool = "DeepSynth",
                version = ToolVersion.Semantic,
                target = result.TargetPath,
                root = result.RootDirectory,
                verdict = new
                {
                    // compliant | passesWithAcceptedFindings | notVerified | notCompliant; "compliant" is true only for the first.
                    state = JsonNamingPolicy.CamelCase.ConvertName(result.Verdict.ToString()),
                    compliant = result.Verdict == DeepSynth.Findings.Verdict.Compliant,
                    text = CheckVerdict.Bilingual(result),
                    @new = result.New.Count(),
                    baselined = result.Baselined.Count(),
                    notVerifiedDuties = result.Duties.Sum(d => d.NotVerified),
                    incompleteProjects = result.IncompleteProjects,
                    filesWithCompileErrors = result.FilesWithCompileErrors,
                },
                projects = result.Projects.Select(p => new { name = p.Name, file = SourceSpot.Relative(p.FilePath, result.RootDirectory), manifest = p.HasManifest, filesWithCompileErrors = p.FilesWithCompileErrors }),
                duties = result.Duties.Select(d => new
                {
                    project = d.Project.Name,
                    rows = d.Rows.Select(r => new
                    {
                        title = r.Duty.Title,
                        titleZh = r.Duty.TitleZh,
                        basis = r.Duty.Basis,
                        rules = r.Duty.RuleIds,
                        state = JsonNamingPolicy.CamelCase.ConvertName(r.State.ToString()),
                        reason = r.Reason,
                        @new = r.New,
                        baselined = r.Baselined,
                    }),
                }),
                summary = RuleTally.Of(result).Select(t => new { ruleId = t.Rule.Id, title = t.Rule.Title, basis = t.Rule.Basis, helpUri = t.Rule.HelpUri, @new = t.New, baselined = t.Baselined }),
                findings = result.Findings.Select(f => new
                {
                    ruleId = f.RuleId,
                    severity = SeverityNames.Of(f.Severity),
                    message = f.Message,
                    project = f.Project.Name,
                    file = f.At?.RelativePath ?? f.Project.File,
                    line = f.At?.StartLine,
                    column = f.At?.StartColumn,
                    endLine = f.At?.EndLine,
                    endColumn = f.At?.EndColumn,
                    fingerprint = f.Fingerprint,
                    baselined = f.Baselined,
                    crossProject = f.IsCrossProject,
                    related = f.Related.Select(r => new
                    {
                        role = r.Role == RelatedRole.Source ? "source" : "publishedInside",
                        file = r.Spot.RelativePath,
                        line = r.Spot.StartLine,
                        column = r.Spot.StartColumn,
                        otherProject = r.InOtherProject,
                    }),
                }),
                problems = result.Problems.Select(p => new { stage = p.Stage, project = p.ProjectPath, message = p.Message }),
            };
            return JsonSerializer.Serialize(report, Options) + "\n";
        }
    }
}
