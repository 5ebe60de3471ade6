using System;
using System.Collections.Generic;

namespace DeepSynth.Labels
{
    /// <summary>How one AIGC metadata field departs from GB 45438 Annex E.</summary>
    internal enum AigcFieldProblemKind
    {
        /// <summary>One of the seven fields is absent.</summary>
        Missing,

        /// <summary><c>Label</c> is not "1", "2" or "3".</summary>
        BadLabel,

        /// <summary>Characters outside printable ASCII, a space, a quote or a backslash.</summary>
        BadCharacters,

        /// <summary>Longer than <see cref="AigcFieldRules.MaxValueLength"/>.</summary>
        TooLong,

        /// <summary>A field that must be filled in is empty (ContentProducer and ProduceID of generated content).</summary>
        Empty,

        /// <summary>A JSON number, boolean, object or array where Annex E has a string.</summary>
        NotString,
    }

    internal readonly struct AigcFieldProblem
    {
        public AigcFieldProblem(AigcFieldProblemKind kind, string field)
        {
            Kind = kind;
            Field = field;
        }

        public AigcFieldProblemKind Kind { get; }

        public string Field { get; }
    }

    /// <summary>
    /// The Annex E rules for AIGC metadata values, shared by the SDK (AigcMetadata, AigcMetadataBuilder, the options) and
    /// the analyzer (DSYN011), so a constant the analyzer accepts is one the SDK writes and a reader accepts.
    /// </summary>
    internal static class AigcFieldRules
    {
        /// <summary>Field names in the order Annex E lists them.</summary>
        public static readonly string[] FieldNames =
        {
            "Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2",
        };

        /// <summary>The longest value the SDK writes.</summary>
        public const int MaxValueLength = 256;

        /// <summary>Annex E values: printable ASCII (0x21-0x7E) without <c>"</c> or <c>\</c>; empty is allowed.</summary>
        public static bool IsValidValue(string? value)
        {
            if (value is null)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (c < 0x21 || c > 0x7E || c == '"' || c == '\\')
                {
                    return false;
                }
            }

            return true;
        }

        public static bool IsValidLabel(string? value) => value is "1" or "2" or "3";

        /// <summary>The value without the characters Annex E does not allow (a code stays a code; a Chinese name becomes empty).</summary>
        public static string Cleaned(string value)
        {
            var kept = new System.Text.StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (!(c < 0x21 || c > 0x7E || c == '"' || c == '\\'))
                {
                    kept.Append(c);
                }
            }

            return kept.ToString();
        }

        /// <summary>
        /// The problems of one metadata object, given each field's value (null when absent). Every one of the seven fields
        /// is expected, <c>Label</c> is 1/2/3, every value is in the Annex E character set, and generated content (label "1")
        /// names its producer and content number.
        /// </summary>
        public static List<AigcFieldProblem> FindProblems(Func<string, string?> field, bool requireEveryField = true)
        {
            var problems = new List<AigcFieldProblem>();
            foreach (var name in FieldNames)
            {
                var value = field(name);
                if (value is null)
                {
                    if (requireEveryField || name == "Label")
                    {
                        problems.Add(new AigcFieldProblem(AigcFieldProblemKind.Missing, name));
                    }

                    continue;
                }

                if (name == "Label" && !IsValidLabel(value))
                {
                    problems.Add(new AigcFieldProblem(AigcFieldProblemKind.BadLabel, name));
                }
                else if (!IsValidValue(value))
                {
                    problems.Add(new AigcFieldProblem(AigcFieldProblemKind.BadCharacters, name));
                }
            }

            if (field("Label") == "1")
            {
                foreach (var name in new[] { "ContentProducer", "ProduceID" })
                {
                    if (field(name) is { Length: 0 })
                    {
                        problems.Add(new AigcFieldProblem(AigcFieldProblemKind.Empty, name));
                    }
                }
            }

            return problems;
        }

        /// <summary>A single value passed to the SDK (a producer or propagator code, a content number, a reserved code).</summary>
        public static AigcFieldProblem? CheckValue(string field, string value, bool required)
        {
            if (required && value.Length == 0)
            {
                return new AigcFieldProblem(AigcFieldProblemKind.Empty, field);
            }

            if (!IsValidValue(value))
            {
                return new AigcFieldProblem(AigcFieldProblemKind.BadCharacters, field);
            }

            return value.Length > MaxValueLength ? new AigcFieldProblem(AigcFieldProblemKind.TooLong, field) : (AigcFieldProblem?)null;
        }
    }
}
