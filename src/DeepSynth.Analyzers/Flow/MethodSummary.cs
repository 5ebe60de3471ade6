using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>What a callee does to one parameter on every normal exit.</summary>
    [Flags]
    internal enum ParameterEffects
    {
        None = 0,
        Reviewed = 1,
        Audited = 2,
        LabeledInPlace = 4,
    }

    /// <summary>
    /// Content a callee publishes that its callers are answerable for: content from its parameters (all
    /// facts are decided at the call site), and content it generates itself when real identity is left to
    /// its callers (the callee is not an entry point).
    /// </summary>
    internal sealed class DeferredPublish
    {
        public DeferredPublish(Location innerPoint, string publisher, ContentValue value, bool identityVerified, bool labelNoticePublished)
        {
            InnerPoint = innerPoint;
            Publisher = publisher;
            Value = value;
            IdentityVerified = identityVerified;
            LabelNoticePublished = labelNoticePublished;
        }

        /// <summary>The publish point inside the callee (or deeper).</summary>
        public Location InnerPoint { get; }

        public string Publisher { get; }

        /// <summary>Parameter pieces (with the facts the callee added) and, for the identity duty, generated pieces.</summary>
        public ContentValue Value { get; }

        public bool IdentityVerified { get; }

        public bool LabelNoticePublished { get; }
    }

    /// <summary>A parameter of the callee that reaches a generation call inside it without review.</summary>
    internal sealed class DeferredGeneration
    {
        public DeferredGeneration(Location innerCall, string generator, ContentValue inputs)
        {
            InnerCall = innerCall;
            Generator = generator;
            Inputs = inputs;
        }

        public Location InnerCall { get; }

        public string Generator { get; }

        /// <summary>Parameter pieces that reach the generation call.</summary>
        public ContentValue Inputs { get; }
    }

    /// <summary>
    /// A method's effect as seen by its callers, computed once per compilation and call-depth budget.
    /// Parameter pieces in <see cref="Return"/> and the deferred lists are replaced by the arguments at each call.
    /// </summary>
    internal sealed class MethodSummary
    {
        public MethodSummary(
            ContentValue @return,
            bool verifiesIdentity,
            ImmutableArray<ParameterEffects> parameterEffects,
            ImmutableArray<DeferredPublish> publishes,
            ImmutableArray<DeferredGeneration> generations,
            ImmutableDictionary<ISymbol, ContentValue> fieldWrites,
            bool isExact,
            ImmutableArray<ContentValue> parameterContents)
        {
            ParameterContents = parameterContents;
            Return = @return;
            VerifiesIdentity = verifiesIdentity;
            ParameterEffects = parameterEffects;
            Publishes = publishes;
            Generations = generations;
            FieldWrites = fieldWrites;
            IsExact = isExact;
        }

        public ContentValue Return { get; }

        public bool VerifiesIdentity { get; }

        public ImmutableArray<ParameterEffects> ParameterEffects { get; }

        /// <summary>Generated content the method adds to the objects its parameters refer to (a writer, a list), per parameter.</summary>
        public ImmutableArray<ContentValue> ParameterContents { get; }

        public ImmutableArray<DeferredPublish> Publishes { get; }

        public ImmutableArray<DeferredGeneration> Generations { get; }

        /// <summary>Generated content the method stores in fields and properties (read back by other methods).</summary>
        public ImmutableDictionary<ISymbol, ContentValue> FieldWrites { get; }

        /// <summary>True when no call inside was cut off by the depth bound: the summary holds for any larger budget.</summary>
        public bool IsExact { get; }

        public ParameterEffects EffectsOn(int ordinal) =>
            ordinal >= 0 && ordinal < ParameterEffects.Length ? ParameterEffects[ordinal] : Flow.ParameterEffects.None;

        /// <summary>The summary of a call that may run any of several implementations (interface, virtual).</summary>
        public static MethodSummary? JoinAll(IReadOnlyList<MethodSummary> summaries)
        {
            if (summaries.Count == 0)
            {
                return null;
            }

            if (summaries.Count == 1)
            {
                return summaries[0];
            }

            var @return = summaries[0].Return;
            var verifies = summaries[0].VerifiesIdentity;
            var effects = summaries[0].ParameterEffects.ToArray();
            var fieldWrites = summaries[0].FieldWrites;
            var contents = summaries[0].ParameterContents.ToArray();
            var exact = summaries[0].IsExact;
            foreach (var summary in summaries.Skip(1))
            {
                @return = @return.Join(summary.Return);
                verifies &= summary.VerifiesIdentity;
                for (var i = 0; i < effects.Length; i++)
                {
                    effects[i] &= summary.EffectsOn(i);
                }

                for (var i = 0; i < contents.Length && i < summary.ParameterContents.Length; i++)
                {
                    contents[i] = contents[i].Join(summary.ParameterContents[i]);
                }

                foreach (var write in summary.FieldWrites)
                {
                    fieldWrites = fieldWrites.SetItem(write.Key, fieldWrites.TryGetValue(write.Key, out var existing) ? existing.Join(write.Value) : write.Value);
                }

                exact &= summary.IsExact;
            }

            return new MethodSummary(
                @return,
                verifies,
                effects.ToImmutableArray(),
                summaries.SelectMany(s => s.Publishes).ToImmutableArray(),
                summaries.SelectMany(s => s.Generations).ToImmutableArray(),
                fieldWrites,
                exact,
                contents.ToImmutableArray());
        }
    }
}
