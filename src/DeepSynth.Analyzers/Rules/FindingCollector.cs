using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// Collects what the engine reports for one body and turns it into diagnostics: one per rule and publish point
    /// (or generation call), naming every origin that lacks the duty, in a stable order.
    /// </summary>
    internal sealed class FindingCollector : IFlowEventSink
    {
        private readonly Func<SyntaxTree, bool>? _isHere;
        private readonly List<PublishEvent> _publishes = new List<PublishEvent>();
        private readonly List<GenerationEvent> _generations = new List<GenerationEvent>();

        public FindingCollector()
        {
        }

        /// <summary>A collector for diagnostics of <paramref name="compilation"/>: locations in other projects are not attached.</summary>
        public FindingCollector(Compilation compilation) => _isHere = compilation.ContainsSyntaxTree;

        public void OnPublish(PublishEvent publish) => _publishes.Add(publish);

        public void OnGeneration(GenerationEvent generation) => _generations.Add(generation);

        public IEnumerable<Diagnostic> ToDiagnostics()
        {
            foreach (var duty in DutyTable.FlowDuties)
            {
                var diagnostics = duty.Point == DutyPoint.Publish ? PublishFindings(duty) : GenerationFindings(duty);
                foreach (var diagnostic in diagnostics)
                {
                    yield return diagnostic;
                }
            }
        }

        private IEnumerable<Diagnostic> PublishFindings(FlowDuty duty)
        {
            foreach (var group in _publishes.GroupBy(p => p.At).OrderBy(g => g.Key.SourceSpan.Start))
            {
                var missing = FlowDiagnostics.Sorted(group.SelectMany(duty.MissingAt));
                if (missing.Count == 0)
                {
                    continue;
                }

                var first = group.OrderBy(p => p.Via ?? string.Empty, StringComparer.Ordinal).First(p => duty.MissingAt(p).Any());
                yield return FlowDiagnostics.Create(duty.Descriptor, group.Key, missing, first.ViaPoint, duty.Note(first), _isHere, group.SelectMany(p => p.Carriers));
            }
        }

        private IEnumerable<Diagnostic> GenerationFindings(FlowDuty duty)
        {
            foreach (var group in _generations.GroupBy(g => g.At).OrderBy(g => g.Key.SourceSpan.Start))
            {
                var missing = FlowDiagnostics.Sorted(group.SelectMany(duty.MissingAt));
                if (missing.Count == 0)
                {
                    continue;
                }

                var first = group.OrderBy(g => g.Via ?? string.Empty, StringComparer.Ordinal).First(g => duty.MissingAt(g).Any());
                yield return FlowDiagnostics.Create(duty.Descriptor, group.Key, missing, first.ViaPoint, FlowDiagnostics.ViaNote(first), _isHere);
            }
        }
    }
}
