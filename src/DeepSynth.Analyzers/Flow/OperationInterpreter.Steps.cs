using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using DeepSynth.Analyzers.Infrastructure;

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
            var contentOrdinal = ContentOrdinal(target);
            var first = arguments[contentOrdinal];
            var ignored = IgnoredOutcomeOf(invocation, target, step);
            if (ignored != null && _final)
            {
                Settings.Sink?.OnIgnoredStep(new IgnoredStepEvent(invocation.Syntax.GetLocation(), Engine.Catalogue.GetRole(target).Description, ignored.Value));
            }

            switch (fact.Scope)
            {
                case FactScope.Value when step.MakesCopy:
                    return ApplyCopyingStep(invocation, target, role, receiver, arguments);
                case FactScope.Value:
                    var cleared = Engine.Facts.ClearedBy(fact.Set);
                    if (ReturnsContent(target))
                    {
                        if (ignored == IgnoredOutcome.LabeledCopyDiscarded &&
                            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == contentOrdinal) is { } labeled && TrackedKey(labeled.Value) is { } labeledKey)
                        {
                            // Reported once, as an ignored result (DSYN008): the original counts as labeled for the label duty.
                            _state.ApplyFacts(labeledKey, fact.Set, cleared);
                        }

                        return first.WithFacts(fact.Set, cleared);
                    }

                    // A step that returns nothing works on its argument in place.
                    var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == contentOrdinal);
                    if (argument != null && TrackedKey(argument.Value) is { } key)
                    {
                        _state.ApplyFacts(key, fact.Set, cleared);
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

        /// <summary>
        /// The parameter that holds what a step works on: the first, except for an extension method of a compliance
        /// service ("reviewer.EnsureAllTextAllowedAsync(input, ...)"), whose "this" is the service and whose content comes
        /// next. An extension on content ("text.ModerateAsync()") keeps its "this" as the content.
        /// </summary>
        private int ContentOrdinal(IMethodSymbol target)
        {
            if (!target.IsExtensionMethod || target.Parameters.Length < 2 || target.Parameters[0].Type is not INamedTypeSymbol receiver)
            {
                return 0;
            }

            foreach (var member in receiver.GetMembers())
            {
                if (member is IMethodSymbol method && Engine.Catalogue.GetRole(method).Kind == ApiRoleKind.ComplianceStep)
                {
                    return 1;
                }
            }

            return 0;
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
            if (target.Name != "Replace" || target.DeclaringType() is not { } declaring)
            {
                return null;
            }

            var typeName = declaring.ContainingNamespace?.FullName() + "." + declaring.MetadataName;
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
            if (value.Pieces.IsEmpty)
            {
                return;
            }

            var origins = new List<Origin>(value.Pieces.Length);
            foreach (var piece in value.Pieces)
            {
                if (fact.CoversUserInput || piece.Origin.Kind != OriginKind.UserInput)
                {
                    origins.Add(piece.Origin);
                }
            }

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
