using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Resources;
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
        private readonly List<GuardedCallEvent> _calls = new List<GuardedCallEvent>();
        private readonly List<IgnoredStepEvent> _ignored = new List<IgnoredStepEvent>();
        private readonly List<StepEvent> _steps = new List<StepEvent>();

        public FindingCollector()
        {
        }

        /// <summary>A collector for diagnostics of <paramref name="compilation"/>: locations in other projects are not attached.</summary>
        public FindingCollector(Compilation compilation) => _isHere = compilation.ContainsSyntaxTree;

        public void OnPublish(PublishEvent publish) => _publishes.Add(publish);

        public void OnGeneration(GenerationEvent generation) => _generations.Add(generation);

        public void OnGuardedCall(GuardedCallEvent call) => _calls.Add(call);

        public void OnIgnoredStep(IgnoredStepEvent step) => _ignored.Add(step);
        public void OnStep(StepEvent step) => _steps.Add(step);

        public IEnumerable<Diagnostic> ToDiagnostics()
        {
            foreach (var duty in DutyTable.FlowDuties)
            {
                var diagnostics = duty.Point == DutyPoint.Publish ? PublishFindings(duty)
                    : duty.Point == DutyPoint.UndoingStep ? UndoingStepFindings(duty)
                    : duty.Point == DutyPoint.Generation ? GenerationFindings(duty)
                    : CallFindings(duty);
                foreach (var diagnostic in diagnostics)
                {
                    yield return diagnostic;
                }
            }

            foreach (var group in _ignored.GroupBy(s => s.At).OrderBy(g => g.Key.SourceSpan.Start))
            {
                var step = group.First();
                var properties = ImmutableDictionary<string, string?>.Empty.Add(OutcomeProperty, step.Outcome.ToString());
                yield return Diagnostic.Create(DutyTable.IgnoredStepResults, step.At, properties, step.Step, DiagnosticMessages.Get("Outcome_" + step.Outcome));
            }
        }

        /// <summary>One diagnostic per guarded call that lacks the duty's fact on some path to it.</summary>
        private IEnumerable<Diagnostic> CallFindings(FlowDuty duty)
        {
            foreach (var group in _calls.GroupBy(c => c.At).OrderBy(g => g.Key.SourceSpan.Start))
            {
                var first = group.OrderBy(c => c.Via ?? string.Empty, StringComparer.Ordinal).FirstOrDefault(duty.IsMissingAt);
                if (first == null)
                {
                    continue;
                }

                var additional = first.ViaPoint != null && first.ViaPoint.IsInSource && (_isHere == null || _isHere(first.ViaPoint.SourceTree!))
                    ? new[] { first.ViaPoint }
                    : Array.Empty<Location>();
                var properties = ImmutableDictionary<string, string?>.Empty.Add(GuardedCallKindProperty, first.Kind.ToString());
                if (first.ViaPoint != null)
                {
                    properties = properties.Add(FlowDiagnostics.ViaProperty, FlowDiagnostics.Where(first.ViaPoint));
                }

                var note = first.Via == null || first.ViaPoint == null ? string.Empty : (object)DiagnosticMessages.Get("Note_EditedIn", first.Via, FlowDiagnostics.Where(first.ViaPoint));
                yield return Diagnostic.Create(duty.Descriptor, group.Key, additional, properties, first.Callee, DiagnosticMessages.Get("Kind_" + first.Kind), note);
            }
        }

        /// <summary>Property for code fixes (DSYN008): what was ignored ("LabeledCopyDiscarded", "VerdictNotActedOn", "CheckNotTested").</summary>
        public const string OutcomeProperty = "DeepSynth.Outcome";

        /// <summary>Property for code fixes (DSYN006): the kind of the guarded call ("FaceEdit", "VoiceEdit").</summary>
        public const string GuardedCallKindProperty = "DeepSynth.GuardedCall";

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
                yield return FlowDiagnostics.Create(duty.Descriptor, group.Key, missing, first.ViaPoint, duty.Note(first), _isHere, group.SelectMany(p => p.Carriers), group.SelectMany(p => p.Holders));
            }
        }

        /// <summary>
        /// One diagnostic per step that undid the duty's fact for content published here, at the step (an encode call, or
        /// the call of a helper that encodes), naming the origins; the publish point is an additional location. Content
        /// whose step this body did not see (it came undone from a caller's argument) is reported at the publish point.
        /// </summary>
        private IEnumerable<Diagnostic> UndoingStepFindings(FlowDuty duty)
        {
            var undone = new Dictionary<Origin, Location>();
            foreach (var publish in _publishes.OrderBy(p => p.At.SourceSpan.Start))
            {
                foreach (var origin in duty.UndoneAt(publish))
                {
                    if (!undone.ContainsKey(origin))
                    {
                        undone[origin] = publish.At;
                    }
                }
            }

            if (undone.Count == 0)
            {
                yield break;
            }

            var reported = new HashSet<Origin>();
            foreach (var group in _steps.Where(s => s.Fact == duty.Required).GroupBy(s => s.At).OrderBy(g => g.Key.SourceSpan.Start))
            {
                var origins = FlowDiagnostics.Sorted(group.SelectMany(s => s.Origins).Where(undone.ContainsKey));
                if (origins.Count == 0)
                {
                    continue;
                }

                reported.UnionWith(origins);
                var step = group.OrderBy(s => s.Step, StringComparer.Ordinal).First();
                yield return FlowDiagnostics.Create(duty.Descriptor, group.Key, origins, undone[origins[0]], FlowDiagnostics.StepNote(step, undone[origins[0]]), _isHere);
            }

            foreach (var group in undone.Where(u => !reported.Contains(u.Key)).GroupBy(u => u.Value).OrderBy(g => g.Key.SourceSpan.Start))
            {
                yield return FlowDiagnostics.Create(duty.Descriptor, group.Key, FlowDiagnostics.Sorted(group.Select(u => u.Key)), null, null, _isHere);
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
