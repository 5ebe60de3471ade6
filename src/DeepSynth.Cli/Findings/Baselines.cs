using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeepSynth.Findings;

namespace DeepSynth.Cli.Findings
{
    /// <summary>
    /// deepsynth.baseline.json as the build task keeps it: one per project, beside the project file, with paths relative to
    /// the project. The CLI writes and reads the same files, so either can accept findings for the other.
    /// </summary>
    internal static class Baselines
    {
        /// <summary>Where the build task looks for a project's baseline (the default of DeepSynthBaselineFile).</summary>
        public static string PathFor(string projectDirectory) => Path.Combine(projectDirectory, BaselineDocument.FileName);

        /// <summary>
        /// The baseline of each analysed project that has findings or a baseline already (which then shrinks to what is
        /// left); projects with neither get no file.
        /// </summary>
        public static IReadOnlyList<(string Path, BaselineDocument Baseline)> PerProject(CheckResult result) =>
            result.Projects
                .Select(p => (Project: p, Findings: result.Findings.Where(f => f.Project.FullPath == p.FilePath).ToList()))
                .Where(p => p.Findings.Count > 0 || File.Exists(PathFor(p.Project.Directory)))
                .Select(p => (PathFor(p.Project.Directory), new BaselineDocument(p.Findings.Select(Entry))))
                .ToList();

        /// <summary>Marks the findings a baseline accepts: <paramref name="single"/> for every project, else each project's own.</summary>
        /// <exception cref="InvalidDataException">A baseline file is not a DeepSynth baseline.</exception>
        public static CheckResult Apply(CheckResult result, string? single, Action<string> announce)
        {
            var baselines = new Dictionary<string, BaselineDocument?>(StringComparer.Ordinal);
            BaselineDocument? Read(string path)
            {
                if (!baselines.TryGetValue(path, out var baseline))
                {
                    baseline = single != null || File.Exists(path) ? BaselineDocument.Read(path) : null;
                    baselines[path] = baseline;
                    if (baseline != null)
                    {
                        announce(path);
                    }
                }

                return baseline;
            }

            var findings = result.Findings
                .Select(f => Read(single ?? PathFor(f.Project.Directory)) is { } baseline ? f.AsBaselined(baseline.Contains(f.RuleId, f.Fingerprint)) : f)
                .ToList();
            return result.WithFindings(findings);
        }

        private static BaselineEntry Entry(Finding finding) =>
            new BaselineEntry(finding.RuleId, finding.Fingerprint, finding.Project.PathInProject, finding.At?.StartLine ?? 0, finding.Message);
    }
}
