using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Findings;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Findings
{
    /// <summary>A diagnostic as the analyzer driver let it through: not suppressed, at its configured severity.</summary>
    internal sealed class AnalyzerFinding
    {
        public AnalyzerFinding(Diagnostic diagnostic, DiagnosticSeverity severity)
        {
            Diagnostic = diagnostic;
            Severity = severity;
        }

        public Diagnostic Diagnostic { get; }

        public DiagnosticSeverity Severity { get; }
    }

    /// <summary>A finding of one project, before it gets its fingerprint.</summary>
    internal sealed class ProjectFinding
    {
        public ProjectFinding(AnalyzerFinding finding, Project project, Compilation compilation)
        {
            Diagnostic = finding.Diagnostic;
            Severity = finding.Severity;
            Project = project.Name;
            ProjectFile = project.FilePath ?? project.Name;
            Compilation = compilation;
        }

        public Diagnostic Diagnostic { get; }

        public DiagnosticSeverity Severity { get; }

        public string Project { get; }

        public string ProjectFile { get; }

        public Compilation Compilation { get; }
    }

    /// <summary>
    /// Turns the analyzers' diagnostics into findings: paths relative to the checked root for people, the roles of the
    /// additional locations, and the shared fingerprint computed exactly as the build task does for the same project
    /// (paths relative to the project directory, occurrences numbered in the same order), so the build honours a baseline
    /// the CLI writes and the CLI honours one the build writes.
    /// </summary>
    internal static class FindingFactory
    {
        public static IReadOnlyList<Finding> Create(IEnumerable<ProjectFinding> diagnostics, string rootDirectory)
        {
            var findings = new List<Finding>();
            foreach (var project in diagnostics.GroupBy(d => d.ProjectFile, StringComparer.Ordinal))
            {
                var projectDirectory = Path.GetDirectoryName(project.Key) ?? rootDirectory;
                var occurrences = new Dictionary<(string Rule, string File, string Line), int>();
                foreach (var item in project
                    .Select(d => (Item: d, At: SourceSpot.From(d.Diagnostic.Location, rootDirectory), Message: d.Diagnostic.GetMessage(CultureInfo.InvariantCulture)))
                    .Select(d => (d.Item, d.At, d.Message, InProject: d.At == null ? string.Empty : SourceSpot.Relative(d.At.FullPath, projectDirectory)))
                    .OrderBy(d => d.InProject, StringComparer.Ordinal)
                    .ThenBy(d => d.At?.StartLine ?? 0)
                    .ThenBy(d => d.At?.StartColumn ?? 0)
                    .ThenBy(d => d.Item.Diagnostic.Id, StringComparer.Ordinal)
                    .ThenBy(d => d.Message, StringComparer.Ordinal))
                {
                    var diagnostic = item.Item.Diagnostic;
                    var line = FindingFingerprint.NormalizeLine(item.At?.LineText ?? string.Empty);
                    occurrences.TryGetValue((diagnostic.Id, item.InProject, line), out var occurrence);
                    occurrences[(diagnostic.Id, item.InProject, line)] = occurrence + 1;

                    findings.Add(new Finding(
                        diagnostic.Id,
                        item.Item.Severity,
                        item.Message,
                        new FindingProject(item.Item.Project, project.Key, rootDirectory, item.InProject),
                        item.At,
                        Related(diagnostic, item.Item.Compilation, rootDirectory),
                        FindingFingerprint.Compute(diagnostic.Id, item.InProject, line, occurrence),
                        baselined: false));
                }
            }

            return findings
                .OrderBy(f => f.At?.RelativePath ?? f.Project.File, StringComparer.Ordinal)
                .ThenBy(f => f.At?.StartLine ?? 0)
                .ThenBy(f => f.At?.StartColumn ?? 0)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.Project.Name, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// The additional locations: the sources of the content, then (for a call to a method that publishes) the publish
        /// point inside it, which the analyzer names in the DeepSynth.Via property.
        /// </summary>
        private static ImmutableArray<RelatedSpot> Related(Diagnostic diagnostic, Compilation compilation, string rootDirectory)
        {
            diagnostic.Properties.TryGetValue(FlowDiagnostics.ViaProperty, out var via);
            var related = ImmutableArray.CreateBuilder<RelatedSpot>();
            for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
            {
                var location = diagnostic.AdditionalLocations[i];
                var spot = SourceSpot.From(location, rootDirectory);
                if (spot == null)
                {
                    continue;
                }

                var isVia = via != null && i == diagnostic.AdditionalLocations.Count - 1 && FlowDiagnostics.Where(location) == via;
                related.Add(new RelatedSpot(spot, isVia ? RelatedRole.PublishedInside : RelatedRole.Source, !compilation.ContainsSyntaxTree(location.SourceTree!)));
            }

            return related.ToImmutable();
        }
    }
}
