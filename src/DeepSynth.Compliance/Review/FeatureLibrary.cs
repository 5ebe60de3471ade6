using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// A feature library (特征库): rules of keywords and regular expressions, each with a category, a decision and the
    /// stages it applies to, loaded from a JSON file:
    /// <code>{"version":"2026-09","rules":[{"id":"F001","category":"fraud","decision":"Blocked","stages":["Input","Output"],"keywords":["..."],"patterns":["..."]}]}</code>
    /// Immutable once loaded.
    /// </summary>
    public sealed class FeatureLibrary
    {
        private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);

        private FeatureLibrary(string version, IReadOnlyList<FeatureRule> rules)
        {
            Version = version;
            Rules = rules;
        }

        public string Version { get; }

        public IReadOnlyList<FeatureRule> Rules { get; }

        /// <exception cref="ComplianceConfigurationException">The file is missing or invalid; the message names the rule.</exception>
        public static FeatureLibrary Load(string path)
        {
            string json;
            try
            {
                json = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ComplianceConfigurationException(new[] { $"Review:FeatureLibraryPath '{path}' cannot be read: {ex.Message}" });
            }

            return Parse(json, path);
        }

        /// <exception cref="ComplianceConfigurationException">The JSON is invalid; the message names the rule.</exception>
        public static FeatureLibrary Parse(string json, string source = "feature library")
        {
            var problems = new List<string>();
            var rules = new List<FeatureRule>();
            string version;
            try
            {
                using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                var root = document.RootElement;
                version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "unversioned";
                if (!root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw new ComplianceConfigurationException(new[] { $"{source}: a \"rules\" array is required." });
                }

                var index = 0;
                foreach (var element in list.EnumerateArray())
                {
                    var rule = ParseRule(element, $"{source}: rule {index}", problems);
                    if (rule is not null)
                    {
                        if (rules.Any(r => r.Id == rule.Id))
                        {
                            problems.Add($"{source}: rule id '{rule.Id}' is used twice.");
                        }

                        rules.Add(rule);
                    }

                    index++;
                }
            }
            catch (JsonException ex)
            {
                throw new ComplianceConfigurationException(new[] { $"{source} is not valid JSON: {ex.Message}" });
            }

            ComplianceConfigurationException.ThrowIfAny(problems);
            return new FeatureLibrary(version, rules);
        }

        /// <summary>The findings for <paramref name="content"/> at <paramref name="stage"/>.</summary>
        public IReadOnlyList<ReviewFinding> Match(string content, ReviewStage stage)
        {
            var findings = new List<ReviewFinding>();
            var normalized = ReviewText.Normalize(content);
            var folded = ReviewText.Fold(normalized);
            foreach (var rule in Rules)
            {
                if (!rule.Stages.Contains(stage))
                {
                    continue;
                }

                try
                {
                    if (rule.Keywords.Any(k => folded.IndexOf(k, StringComparison.Ordinal) >= 0) || rule.Patterns.Any(p => p.IsMatch(normalized)))
                    {
                        findings.Add(new ReviewFinding(rule.Id, rule.Category, rule.Decision, "library:" + Version));
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pattern that cannot finish is no proof of safety: let a person decide.
                    findings.Add(new ReviewFinding(rule.Id, rule.Category, ReviewDecision.NeedsManualReview, "library:" + Version + ":timeout"));
                }
            }

            return findings;
        }

        private static FeatureRule? ParseRule(JsonElement element, string where, List<string> problems)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where} is not an object.");
                return null;
            }

            string? Text(string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            List<string> Strings(string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : new List<string>();

            var id = Text("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add($"{where} has no id.");
                return null;
            }

            where = where.Substring(0, where.LastIndexOf(':')) + $": rule '{id}'";
            var decision = ReviewDecision.Blocked;
            var decisionText = Text("decision");
            if (decisionText is not null && !Enum.TryParse(decisionText, ignoreCase: true, out decision))
            {
                problems.Add($"{where}: decision '{decisionText}' is not Allowed, NeedsManualReview or Blocked.");
            }

            var stages = new List<ReviewStage>();
            foreach (var stage in Strings("stages"))
            {
                if (Enum.TryParse<ReviewStage>(stage, ignoreCase: true, out var parsed))
                {
                    stages.Add(parsed);
                }
                else
                {
                    problems.Add($"{where}: stage '{stage}' is not Input or Output.");
                }
            }

            if (stages.Count == 0)
            {
                stages.AddRange(new[] { ReviewStage.Input, ReviewStage.Output });
            }

            var keywords = Strings("keywords").Select(k => ReviewText.Fold(ReviewText.Normalize(k))).Where(k => k.Length > 0).Distinct().ToList();
            var patterns = new List<Regex>();
            foreach (var pattern in Strings("patterns"))
            {
                try
                {
                    patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternTimeout));
                }
                catch (ArgumentException ex)
                {
                    problems.Add($"{where}: pattern '{pattern}' is not a valid regular expression: {ex.Message}");
                }
            }

            if (keywords.Count == 0 && patterns.Count == 0)
            {
                problems.Add($"{where} has neither keywords nor patterns.");
            }

            return new FeatureRule(id!, Text("category") ?? "uncategorised", decision, stages, keywords, patterns);
        }
    }

    /// <summary>One rule of a <see cref="FeatureLibrary"/>.</summary>
    public sealed class FeatureRule
    {
        internal FeatureRule(string id, string category, ReviewDecision decision, IReadOnlyList<ReviewStage> stages, IReadOnlyList<string> keywords, IReadOnlyList<Regex> patterns)
        {
            Id = id;
            Category = category;
            Decision = decision;
            Stages = stages;
            Keywords = keywords;
            Patterns = patterns;
        }

        public string Id { get; }

        public string Category { get; }

        public ReviewDecision Decision { get; }

        public IReadOnlyList<ReviewStage> Stages { get; }

        /// <summary>Keywords, normalised like the text they are matched against.</summary>
        public IReadOnlyList<string> Keywords { get; }

        public IReadOnlyList<Regex> Patterns { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2})", Id, Category, Decision);
    }
}
