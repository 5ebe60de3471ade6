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
        private ContentValue ApplyStep(IInvocationOperation invocation, IMethodSymbol target, ApiRole role, ContentValue receiver, ContentValue[] arguments)
        {
            var step = role.Step!;
            if (step.NoticeFact != null && target.Parameters.Length == 0)
            {
                return ContentValue.Notice(step.NoticeFact.Set);
            }

            var fact = step.Fact;
            var first = arguments[0];
            switch (fact.Scope)
            {
                case FactScope.Value when step.MakesCopy:
                    return ApplyCopyingStep(invocation, target, role, receiver, arguments);
                case FactScope.Value:
                    var cleared = Engine.Facts.ClearedBy(fact.Set);
                    if (ReturnsContent(target))
                    {
                        return first.WithFacts(fact.Set, cleared);
                    }

                    // A step that returns nothing works on its argument in place.
                    var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
                    if (argument != null && TrackedKey(argument.Value) is { } key)
                    {
                        _state.ApplyFacts(key, fact.Set, cleared);
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

        /// <summary>
        /// A step that makes a copy of what it is given (an encoder): the receiver's and the arguments' content, with the
        /// step's fact, is the result and is written into every stream or writer argument (SKBitmap.Encode(stream, ...),
        /// Image.Save(stream, format)). The step is reported so that a duty can point at it.
        /// </summary>
        private ContentValue ApplyCopyingStep(IInvocationOperation invocation, IMethodSymbol target, ApiRole role, ContentValue receiver, ContentValue[] arguments)
        {
            var step = role.Step!;
            var content = receiver.PiecesOnly();
            var targets = new List<SlotKey>();
            foreach (var argument in invocation.Arguments)
            {
                var ordinal = argument.Parameter?.Ordinal ?? -1;
                if (ordinal < 0 || ordinal >= arguments.Length)
                {
                    continue;
                }

                if (Engine.Catalogue.IsAccumulator(Unwrap(argument.Value).Type) && argument.Value.Type?.SpecialType != SpecialType.System_String)
                {
                    if (TrackedKey(argument.Value) is { } key)
                    {
                        targets.Add(key);
                    }

                    continue;
                }

                content = content.Combine(arguments[ordinal].PiecesOnly());
            }

            var copy = content.WithFacts(step.Fact.Set, Engine.Facts.ClearedBy(step.Fact.Set));
            EmitStep(invocation.Syntax.GetLocation(), step.Fact, content, role.Description, null);
            foreach (var key in targets)
            {
                _state.Add(key, copy);
            }

            // StringBuilder.Replace edits the builder it returns.
            if (invocation.Instance != null && SymbolEqualityComparer.Default.Equals(target.ReturnType, target.ContainingType) &&
                Engine.Catalogue.IsAccumulator(target.ContainingType) && TrackedKey(invocation.Instance) is { } builder)
            {
                _state.ApplyFacts(builder, step.Fact.Set, Engine.Facts.ClearedBy(step.Fact.Set));
            }

            return ReturnsContent(target) ? copy : ContentValue.Empty;
        }

        /// <summary>
        /// A text edit that cuts a label out (text.Replace("AI生成：", ""), Regex.Replace(html, an AIGC meta tag pattern, "")):
        /// the role of a <see cref="StepKind.MetadataStripper"/>; null for any other call.
        /// </summary>
        private ApiRole? LabelRemovalStep(IInvocationOperation invocation)
        {
            var target = invocation.TargetMethod;
            if (target.Name != "Replace" || target.ContainingType == null)
            {
                return null;
            }

            var typeName = target.ContainingType.ContainingNamespace?.ToDisplayString() + "." + target.ContainingType.MetadataName;
            if (!KnownApis.TextRemovals.Any(m => m.TypeName == typeName && m.Member == target.Name))
            {
                return null;
            }

            // The text to find: the first string parameter after the input (Regex.Replace(input, pattern, ...)), else the first.
            var strings = invocation.Arguments.Where(a => a.Parameter?.Type.SpecialType == SpecialType.System_String).OrderBy(a => a.Parameter!.Ordinal).ToList();
            var skip = target.IsStatic ? 1 : 0;
            if (strings.Count < skip + 1)
            {
                return null;
            }

            var find = strings[skip].Value.ConstantValue;
            if (!find.HasValue || find.Value is not string found || !KnownApis.IsLabelText(found))
            {
                return null;
            }

            if (strings.Count > skip + 1)
            {
                var with = strings[skip + 1].Value;
                var isEmpty = Unwrap(with) is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } };
                var replacement = with.ConstantValue;
                if (!isEmpty && (!replacement.HasValue || (replacement.Value is string replaced && KnownApis.IsLabelText(replaced))))
                {
                    return null;
                }
            }

            return ApiRole.ForStep(StepKind.MetadataStripper, target.ContainingType.Name + "." + target.Name);
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
                return Check(step);
            }

            return null;
        }

        /// <summary>The value of a boolean check: the step's fact holds where it is true (or, for "IncludeLabel", false).</summary>
        internal static ContentValue Check(ComplianceStep step) =>
            step.HoldsWhenFalse
                ? ContentValue.Marker(ValueMarkers.None, ValueSignals.Check(step.Fact.Set).Negated)
                : ContentValue.Check(step.Fact.Set);

        /// <summary>A step passed as a method group (Select(labeler.Label)): applied to what the call works on.</summary>
        private ContentValue ApplyStepTo(ComplianceStep step, ContentValue value)
        {
            switch (step.Fact.Scope)
            {
                case FactScope.Value:
                    return value.WithFacts(step.Fact.Set, Engine.Facts.ClearedBy(step.Fact.Set));
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
