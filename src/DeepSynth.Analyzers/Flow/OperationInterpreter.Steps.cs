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
            var ignored = IgnoredOutcomeOf(invocation, target, step);
            if (ignored != null && _final)
            {
                Settings.Sink?.OnIgnoredStep(new IgnoredStepEvent(invocation.Syntax.GetLocation(), Engine.Catalogue.GetRole(target).Description, ignored.Value));
            }

            switch (fact.Scope)
            {
                case FactScope.Value:
                    if (ReturnsContent(target))
                    {
                        if (ignored == IgnoredOutcome.LabeledCopyDiscarded &&
                            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } labeled && TrackedKey(labeled.Value) is { } labeledKey)
                        {
                            // Reported once, as an ignored result (DSYN008): the original counts as labeled for the label duty.
                            _state.ApplyFacts(labeledKey, fact.Set);
                        }

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
                    var facts = PathFactsOf(invocation, step);
                    if (ApiCatalogue.ReturnsBoolean(target.ReturnType) && ignored == null)
                    {
                        return ContentValue.Check(facts);
                    }

                    // A check whose boolean is dropped is reported once (DSYN008), not again as the missing duty.
                    _state.PathFacts |= facts;
                    return ContentValue.Empty;
            }
        }

        /// <summary>The path facts a step establishes: by its kind argument (BiometricKind.Voice) when it has one.</summary>
        private static FactSet PathFactsOf(IInvocationOperation invocation, ComplianceStep step)
        {
            if (step.KindArgument is not { } kind)
            {
                return step.Fact.Set;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } type && type.Name == kind.EnumTypeName)
                {
                    var value = argument.Value.ConstantValue;
                    if (!value.HasValue)
                    {
                        return kind.All;
                    }

                    var member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value));
                    return member != null && kind.Facts.TryGetValue(member.Name, out var selected) ? selected.Set : FactSet.None;
                }
            }

            return kind.All;
        }

        /// <summary>
        /// For a step that returns its outcome (a labeled copy, a check's boolean, a verdict) whose result the code ignores:
        /// what was ignored. Null when the result is used, or when the step throws on failure (acted on by construction).
        /// </summary>
        private IgnoredOutcome? IgnoredOutcomeOf(IInvocationOperation invocation, IMethodSymbol target, ComplianceStep step)
        {
            IgnoredOutcome outcome;
            if (step.Fact.Scope == FactScope.Value && target.Parameters.Length > 0 && ReturnsContent(target))
            {
                outcome = IgnoredOutcome.LabeledCopyDiscarded;
            }
            else if (step.Fact.Scope == FactScope.Path && ApiCatalogue.ReturnsBoolean(target.ReturnType))
            {
                outcome = IgnoredOutcome.CheckNotTested;
            }
            else if (step.ResultIsOutcome && step.Fact.Scope == FactScope.Origin && ReturnsContent(target) && !ReturnsFirstArgument(target))
            {
                outcome = IgnoredOutcome.VerdictNotActedOn;
            }
            else
            {
                return null;
            }

            var model = Engine.Models.GetModel(invocation.Syntax.SyntaxTree);
            return StepOutcomes.IsIgnored(invocation.Syntax, model, Settings.CancellationToken) ? outcome : (IgnoredOutcome?)null;
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
