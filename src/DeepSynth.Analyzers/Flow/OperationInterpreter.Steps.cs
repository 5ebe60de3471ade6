using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Compliance steps, applied by the scope of the fact they establish (see <see cref="ComplianceStep"/>): the engine
    /// never asks which duty a step serves.
    /// </summary>
    internal sealed partial class OperationInterpreter
    {
        private ContentValue ApplyStep(IInvocationOperation invocation, IMethodSymbol target, ComplianceStep step, ContentValue[] arguments)
        {
            if (step.NoticeFact != null && target.Parameters.Length == 0)
            {
                return ContentValue.Notice(step.NoticeFact.Set);
            }

            var fact = step.Fact;
            var first = arguments[0];
            switch (fact.Scope)
            {
                case FactScope.Value:
                    if (ReturnsContent(target))
                    {
                        return first.WithFacts(fact.Set);
                    }

                    // A step that returns nothing works on its argument in place.
                    var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
                    if (argument != null && TrackedKey(argument.Value) is { } key)
                    {
                        _state.ApplyFacts(key, fact.Set);
                    }

                    return ContentValue.Empty;
                case FactScope.Origin:
                    Establish(fact, step.CoversAllArguments ? CombineAll(arguments) : first);
                    return ReturnsFirstArgument(target) ? WithOriginFact(first, fact) : ContentValue.Empty;
                default:
                    if (ApiCatalogue.ReturnsBoolean(target.ReturnType))
                    {
                        return ContentValue.Check(fact.Set);
                    }

                    _state.PathFacts |= fact.Set;
                    return ContentValue.Empty;
            }
        }

        /// <summary>A step read as a property: a notice (a label notice text) or a check (IsVerified); otherwise an ordinary read.</summary>
        private static ContentValue? StepProperty(ComplianceStep step, IPropertySymbol property)
        {
            if (step.NoticeFact != null)
            {
                return ContentValue.Notice(step.NoticeFact.Set);
            }

            if (step.Fact.Scope == FactScope.Path && ApiCatalogue.ReturnsBoolean(property.Type))
            {
                return ContentValue.Check(step.Fact.Set);
            }

            return null;
        }

        /// <summary>A step passed as a method group (Select(labeler.Label)): applied to what the call works on.</summary>
        private ContentValue ApplyStepTo(ComplianceStep step, ContentValue value)
        {
            switch (step.Fact.Scope)
            {
                case FactScope.Value:
                    return value.WithFacts(step.Fact.Set);
                case FactScope.Origin:
                    Establish(step.Fact, value);
                    return WithOriginFact(value, step.Fact);
                default:
                    return value;
            }
        }

        /// <summary>An origin fact holds from here on for the origins of the value's content (user input only if the fact covers it).</summary>
        private void Establish(Fact fact, ContentValue value)
        {
            var origins = value.Pieces.Select(p => p.Origin).Where(o => fact.CoversUserInput || o.Kind != OriginKind.UserInput).ToList();
            _state.Establish(fact, origins);
        }

        /// <summary>Origin facts a callee established for its parameters, applied to the arguments of this call.</summary>
        private void EstablishAll(FactSet facts, ContentValue value)
        {
            foreach (var index in facts.Indexes())
            {
                if (Engine.Facts[index] is { Scope: FactScope.Origin } fact)
                {
                    Establish(fact, value);
                }
            }
        }

        private static ContentValue WithOriginFact(ContentValue value, Fact fact) =>
            fact.CoversUserInput
                ? value.WithFacts(fact.Set)
                : value.Map(piece => ContentValue.Of(piece.Origin.Kind == OriginKind.UserInput ? piece : piece.With(fact.Set)), ~ValueMarkers.None);

        /// <summary>Carries the origin facts that hold for each piece here into the piece itself, for callers.</summary>
        private ContentValue FoldPathFacts(ContentValue value) =>
            value.Map(piece => ContentValue.Of(piece.With(_state.OriginFactsOf(piece.Origin))), ~ValueMarkers.None);
    }
}
