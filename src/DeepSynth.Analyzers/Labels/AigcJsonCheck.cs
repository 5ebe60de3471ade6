using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Labels;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Labels
{
    /// <summary>What is wrong with one constant AIGC JSON text, and the text that would conform (null when none can be made).</summary>
    internal sealed class AigcJsonResult
    {
        public AigcJsonResult(IReadOnlyList<LocalizableString> problems, string? corrected)
        {
            Problems = problems;
            Corrected = corrected;
        }

        public IReadOnlyList<LocalizableString> Problems { get; }

        public string? Corrected { get; }
    }

    /// <summary>
    /// Checks a JSON text meant as AIGC metadata with the SDK's Annex E rules (<see cref="AigcFieldRules"/>): read the way the
    /// SDK's <c>AigcMetadata.Parse</c> reads it (wrapped in an <c>AIGC</c> key or bare, field names in any case).
    /// </summary>
    internal static class AigcJsonCheck
    {
        /// <summary>
        /// The problems of <paramref name="text"/>. With <paramref name="payload"/> false the text counts as metadata only
        /// when it is a JSON object with an AIGC key (null otherwise); with true it was written under an AIGC key, so a text
        /// that is not a JSON object is a problem too.
        /// </summary>
        public static AigcJsonResult? Check(string text, bool payload)
        {
            JsonObject? root;
            try
            {
                root = JsonReader.Parse(text) as JsonObject;
            }
            catch (JsonSyntaxException)
            {
                root = null;
            }

            if (root == null)
            {
                return payload ? new AigcJsonResult(new[] { ProblemTexts.NotJson() }, null) : null;
            }

            var wrapper = root.Properties.FirstOrDefault(p => p.Name.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) >= 0 && p.Value is JsonObject);
            if (wrapper == null && !payload)
            {
                return null;
            }

            var inner = (JsonObject?)wrapper?.Value ?? root;
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var additional = new List<KeyValuePair<string, string>>();
            var problems = new List<LocalizableString>();
            foreach (var property in inner.Properties)
            {
                var known = AigcFieldRules.FieldNames.FirstOrDefault(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase));
                var value = property.Value switch
                {
                    JsonString s => s.Value,
                    JsonNull => string.Empty,
                    JsonNumber n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    JsonBoolean b => b.Value ? "true" : "false",
                    _ => string.Empty,
                };
                if (property.Value is not (JsonString or JsonNull))
                {
                    problems.Add(ProblemTexts.Of(new AigcFieldProblem(AigcFieldProblemKind.NotString, known ?? property.Name), property.Value.TypeName));
                }

                if (known == null)
                {
                    additional.Add(new KeyValuePair<string, string>(property.Name, value));
                }
                else if (!fields.ContainsKey(known))
                {
                    fields[known] = value;
                }
            }

            string? Field(string name) => fields.TryGetValue(name, out var value) ? value : null;
            problems.AddRange(AigcFieldRules.FindProblems(Field).Select(p => ProblemTexts.Of(p, Field(p.Field))));
            return problems.Count == 0 ? new AigcJsonResult(problems, null) : new AigcJsonResult(problems, Corrected(Field, additional, wrapper?.Name));
        }

        /// <summary>
        /// The conforming text: the seven fields in Annex E order, a label other than 1/2/3 made "1", disallowed characters
        /// dropped, on first write the propagator fields copied from the producer's, and the reserved codes empty. Null when
        /// the producer or content number cannot be known (the author has to supply them).
        /// </summary>
        private static string? Corrected(Func<string, string?> field, List<KeyValuePair<string, string>> additional, string? wrapper)
        {
            var label = AigcFieldRules.IsValidLabel(field("Label")) ? field("Label")! : "1";
            var producer = AigcFieldRules.Cleaned(field("ContentProducer") ?? string.Empty);
            var produceId = AigcFieldRules.Cleaned(field("ProduceID") ?? string.Empty);
            var values = new Dictionary<string, string>
            {
                ["Label"] = label,
                ["ContentProducer"] = producer,
                ["ProduceID"] = produceId,
                ["ReservedCode1"] = AigcFieldRules.Cleaned(field("ReservedCode1") ?? string.Empty),
                ["ContentPropagator"] = Or(AigcFieldRules.Cleaned(field("ContentPropagator") ?? string.Empty), producer),
                ["PropagateID"] = Or(AigcFieldRules.Cleaned(field("PropagateID") ?? string.Empty), produceId),
                ["ReservedCode2"] = AigcFieldRules.Cleaned(field("ReservedCode2") ?? string.Empty),
            };
            if (label == "1" && (producer.Length == 0 || produceId.Length == 0))
            {
                return null;
            }

            var json = new StringBuilder();
            json.Append('{');
            if (wrapper != null)
            {
                json.Append('"').Append(Escape(wrapper)).Append("\":{");
            }

            json.Append(string.Join(",", AigcFieldRules.FieldNames.Select(n => "\"" + n + "\":\"" + values[n] + "\"")
                .Concat(additional.Select(a => "\"" + Escape(a.Key) + "\":\"" + AigcFieldRules.Cleaned(a.Value) + "\""))));
            json.Append('}');
            if (wrapper != null)
            {
                json.Append('}');
            }

            return json.ToString();
        }

        private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

        private static string Escape(string text) => AigcFieldRules.IsValidValue(text) ? text : AigcFieldRules.Cleaned(text);
    }
}
