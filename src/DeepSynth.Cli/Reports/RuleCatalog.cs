using System.Globalization;
using System.Linq;
using DeepSynth.Cli.Analysis;
using DeepSynth.Manifest;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Reports
{
    /// <summary>What the reports say about a rule: its title, help link, and the articles it rests on (from the duty table the build report uses).</summary>
    internal sealed class RuleInfo
    {
        public RuleInfo(DiagnosticDescriptor descriptor)
        {
            Id = descriptor.Id;
            Title = descriptor.Title.ToString(CultureInfo.InvariantCulture);
            Description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
            HelpUri = descriptor.HelpLinkUri;
            Category = descriptor.Category;
            DefaultSeverity = descriptor.DefaultSeverity;
            Basis = ComplianceDuties.ForRule(descriptor.Id)?.Basis ?? string.Empty;
        }

        public string Id { get; }

        public string Title { get; }

        public string Description { get; }

        public string HelpUri { get; }

        public string Category { get; }

        public DiagnosticSeverity DefaultSeverity { get; }

        /// <summary>"DSP 17; LM 4; GB 45438 §5-6"; empty for configuration rules.</summary>
        public string Basis { get; }
    }

    internal static class RuleCatalog
    {
        public static RuleInfo For(string id)
        {
            var descriptor = DeepSynthAnalyzers.Descriptors.FirstOrDefault(d => d.Id == id);
            return descriptor != null ? new RuleInfo(descriptor) : new RuleInfo(new DiagnosticDescriptor(id, id, id, "Unknown", DiagnosticSeverity.Warning, true));
        }
    }
}
