using System;
using System.Collections.Generic;
using System.Linq;
using DeepSynth.Analyzers.Resources;
using DeepSynth.Labels;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Labels
{
    /// <summary>The localized words for what a label text or an AIGC value lacks, as message arguments of DSYN010 and DSYN011.</summary>
    internal static class ProblemTexts
    {
        public static LocalizableString Of(LabelTextProblem problem) => DiagnosticMessages.Get(problem switch
        {
            LabelTextProblem.Empty => "LabelText_Empty",
            LabelTextProblem.NoAiElement => "LabelText_NoAi",
            LabelTextProblem.NoGenerationElement => "LabelText_NoGeneration",
            _ => "LabelText_NoElement",
        });

        public static LocalizableString Of(AigcFieldProblem problem, string? value) => DiagnosticMessages.Get(problem.Kind switch
        {
            AigcFieldProblemKind.Missing => "Aigc_Missing",
            AigcFieldProblemKind.BadLabel => "Aigc_BadLabel",
            AigcFieldProblemKind.BadCharacters => "Aigc_BadCharacters",
            AigcFieldProblemKind.TooLong => "Aigc_TooLong",
            AigcFieldProblemKind.Empty => "Aigc_Empty",
            _ => "Aigc_NotString",
        }, problem.Field, value ?? string.Empty);

        public static LocalizableString NotJson() => DiagnosticMessages.Get("Aigc_NotJson");

        /// <summary>Several problems as one message argument, each in the reader's language.</summary>
        public static LocalizableString Join(IReadOnlyList<LocalizableString> parts) => parts.Count == 1 ? parts[0] : new Joined(parts);

        private sealed class Joined : LocalizableString
        {
            private readonly IReadOnlyList<LocalizableString> _parts;

            public Joined(IReadOnlyList<LocalizableString> parts) => _parts = parts;

            protected override string GetText(IFormatProvider? formatProvider) =>
                string.Join("; ", _parts.Select(p => p.ToString(formatProvider)));

            protected override bool AreEqual(object? other) => other is Joined joined && joined._parts.SequenceEqual(_parts);

            protected override int GetHash() => _parts.Aggregate(17, (hash, part) => (hash * 31) + part.GetHashCode());
        }
    }
}
