using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Content a callee publishes that its callers are answerable for: content from its parameters (all
    /// facts are decided at the call site), and content it generates itself when real identity is left to
    /// its callers (the callee is not an entry point).
    /// </summary>
    internal sealed class DeferredPublish
    {
        public DeferredPublish(Location innerPoint, string publisher, ContentValue value, FactSet pathFacts)
        {
            InnerPoint = innerPoint;
            Publisher = publisher;
            Value = value;
            PathFacts = pathFacts;
        }

        /// <summary>The publish point inside the callee (or deeper).</summary>
        public Location InnerPoint { get; }

        public string Publisher { get; }

        /// <summary>Parameter pieces (with the facts the callee added) and, for path duties, generated pieces.</summary>
        public ContentValue Value { get; }

        /// <summary>Path facts that held at the inner publish point.</summary>
        public FactSet PathFacts { get; }
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

    /// <summary>A guarded call (a face or voice edit) inside the callee whose path facts its callers may complete.</summary>
    internal sealed class DeferredGuardedCall
    {
        public DeferredGuardedCall(Location innerCall, Catalogue.GuardedCallKind kind, string callee, FactSet pathFacts)
        {
            InnerCall = innerCall;
            Kind = kind;
            Callee = callee;
            PathFacts = pathFacts;
        }

        public Location InnerCall { get; }

        public Catalogue.GuardedCallKind Kind { get; }

        public string Callee { get; }

        /// <summary>Path facts that held at the inner call.</summary>
        public FactSet PathFacts { get; }
    }

    /// <summary>
    /// A method's effect as seen by its callers, computed once per compilation and call-depth budget.
    /// Parameter pieces in <see cref="Return"/> and the deferred lists are replaced by the arguments at each call.
    /// </summary>
    internal sealed class MethodSummary
    {
        public MethodSummary(
            ContentValue @return,
            FactSet pathFacts,
            ImmutableArray<FactSet> parameterFacts,
            ImmutableArray<DeferredPublish> publishes,
            ImmutableArray<DeferredGeneration> generations,
            ImmutableDictionary<ISymbol, ContentValue> fieldWrites,
            bool isExact,
            ImmutableArray<ContentValue> parameterContents,
            ImmutableDictionary<ISymbol, ContentValue>? instanceWrites = null)
        {
            InstanceWrites = instanceWrites ?? ImmutableDictionary<ISymbol, ContentValue>.Empty.WithComparers(SymbolEqualityComparer.Default);
            ParameterContents = parameterContents;
            Return = @return;
            PathFacts = pathFacts;
            ParameterFacts = parameterFacts;
            Publishes = publishes;
            Generations = generations;
            FieldWrites = fieldWrites;
            IsExact = isExact;
        }

        public ContentValue Return { get; }

        /// <summary>
        /// What an instance method (a constructor included) leaves in the instance members of its object on normal exit
        /// (parameter pieces are replaced by the arguments at each call): the object the call is made on, or the new object.
        /// </summary>
        public ImmutableDictionary<ISymbol, ContentValue> InstanceWrites { get; }

        /// <summary>True when the method returns normally and its writes are known (a constructor's are the whole new object).</summary>
        public bool ReturnsNormally { get; init; } = true;

        /// <summary>Path facts the method establishes for its caller on every normal exit.</summary>
        public FactSet PathFacts { get; }

        /// <summary>Per parameter: origin facts established for its content and value facts applied to it in place, on every normal exit.</summary>
        public ImmutableArray<FactSet> ParameterFacts { get; }

        /// <summary>Generated content the method adds to the objects its parameters refer to (a writer, a list), per parameter.</summary>
        public ImmutableArray<ContentValue> ParameterContents { get; }

        public ImmutableArray<DeferredPublish> Publishes { get; }

        public ImmutableArray<DeferredGeneration> Generations { get; }

        /// <summary>Guarded calls made inside on some path where not every path fact their duties need held.</summary>
        public ImmutableArray<DeferredGuardedCall> GuardedCalls { get; init; } = ImmutableArray<DeferredGuardedCall>.Empty;

        /// <summary>Generated content the method stores in fields and properties (read back by other methods).</summary>
        public ImmutableDictionary<ISymbol, ContentValue> FieldWrites { get; }

        /// <summary>True when no call inside was cut off by the depth bound: the summary holds for any larger budget.</summary>
        public bool IsExact { get; }

        public FactSet FactsOn(int ordinal) =>
            ordinal >= 0 && ordinal < ParameterFacts.Length ? ParameterFacts[ordinal] : FactSet.None;

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
            var pathFacts = summaries[0].PathFacts;
            var effects = summaries[0].ParameterFacts.ToArray();
            var fieldWrites = summaries[0].FieldWrites;
            var contents = summaries[0].ParameterContents.ToArray();
            var exact = summaries[0].IsExact;
            foreach (var summary in summaries.Skip(1))
            {
                @return = @return.Join(summary.Return);
                pathFacts &= summary.PathFacts;
                for (var i = 0; i < effects.Length; i++)
                {
                    effects[i] &= summary.FactsOn(i);
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
                pathFacts,
                effects.ToImmutableArray(),
                summaries.SelectMany(s => s.Publishes).ToImmutableArray(),
                summaries.SelectMany(s => s.Generations).ToImmutableArray(),
                fieldWrites,
                exact,
                contents.ToImmutableArray())
            {
                GuardedCalls = summaries.SelectMany(s => s.GuardedCalls).ToImmutableArray(),
            };
        }
    }
}
