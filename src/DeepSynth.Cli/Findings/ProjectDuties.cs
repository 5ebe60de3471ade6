using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Findings;
using DeepSynth.Manifest;

namespace DeepSynth.Cli.Findings
{
    /// <summary>One duty of one project in a check: its state (met, not met, accepted, not verified, not applicable) and counts.</summary>
    internal sealed record DutyRow(ComplianceDuty Duty, DutyState State, string? Reason, int New, int Baselined);

    /// <summary>The duty table of one project, judged by the same <see cref="DutyJudgement"/> as the build report.</summary>
    internal sealed class ProjectDuties
    {
        private ProjectDuties(AnalysedProject project, IReadOnlyList<DutyRow> rows)
        {
            Project = project;
            Rows = rows;
        }

        public AnalysedProject Project { get; }

        public IReadOnlyList<DutyRow> Rows { get; }

        public int NotVerified => Rows.Count(r => r.State == DutyState.NotVerified);

        public int Count(DutyState state) => Rows.Count(r => r.State == state);

        public static ProjectDuties Judge(AnalysedProject project, CheckResult result)
        {
            var findings = result.Findings.Where(f => string.Equals(f.Project.FullPath, project.FilePath, StringComparison.Ordinal)).ToList();
            var notAnalysed = result.Problems.Where(p => p.ProjectPath != null && string.Equals(p.ProjectPath, project.FilePath, StringComparison.Ordinal) && p.Stage != "compile").Select(p => p.Message).FirstOrDefault();
            var brokenManifest = findings.FirstOrDefault(f => f.RuleId == DutyJudgement.BrokenManifestRule);
            var context = new DutyContext
            {
                ProjectDutiesApply = project.HasManifest || findings.Any(f => ComplianceDuties.ForRule(f.RuleId)?.Scope == DutyScope.Project),
                ManifestProblem = brokenManifest == null ? null : (brokenManifest.At is { } at ? $"{at.RelativePath}:{at.StartLine}" : brokenManifest.Project.File) + ": " + brokenManifest.Message,
                AppliesInChina = project.AppliesInChina,
                Roles = project.Roles,
                IncompleteCode = project.FilesWithCompileErrors > 0 ? DutyJudgement.CompileErrors(project.FilesWithCompileErrors)
                    : notAnalysed != null ? "the project was not completely analysed / 项目未能完整分析: " + notAnalysed
                    : DutyJudgement.CatalogueGap(findings.Select(f => f.RuleId)),
            };
            var rows = ComplianceDuties.All.Select(duty =>
            {
                var mine = findings.Where(f => duty.RuleIds.Contains(f.RuleId)).ToList();
                var open = mine.Count(f => !f.Baselined);
                var (state, reason) = DutyJudgement.Judge(duty, open, mine.Count - open, context);
                return new DutyRow(duty, state, reason, open, mine.Count - open);
            }).ToList();
            return new ProjectDuties(project, rows);
        }
    }
}
