using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Resources;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Manifest;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>The JSON shape a manifest key must have.</summary>
    internal enum ManifestValueKind
    {
        String,
        Boolean,
        Integer,
        StringArray,
        Object,
        ObjectArray,

        /// <summary>Validated elsewhere (the catalogue, by the content-flow analyzer's configuration reader).</summary>
        Any,
    }

    /// <summary>One key of the manifest: its shape, an optional check of its value, and its own keys when it is an object.</summary>
    internal sealed class ManifestKey
    {
        public ManifestKey(string name, ManifestValueKind kind, Func<string, JsonNode, ConfigurationIssue?>? check = null, params ManifestKey[] keys)
        {
            Name = name;
            Kind = kind;
            Check = check;
            Keys = keys;
        }

        public string Name { get; }

        public ManifestValueKind Kind { get; }

        /// <summary>Checks a value of the right shape (for arrays: each item); given the dotted path and the node.</summary>
        public Func<string, JsonNode, ConfigurationIssue?>? Check { get; }

        public IReadOnlyList<ManifestKey> Keys { get; }
    }

    /// <summary>
    /// The manifest's keys as data, and the validation that turns every mistake into a located diagnostic: DSYN902 for an
    /// unknown key or a wrong type, DSYN905 for a value the key does not allow, DSYN906 for a retention under 180 days.
    /// docs/manifest.md and deepsynth.schema.json describe the same keys (a test keeps them together).
    /// </summary>
    internal static class ManifestSchema
    {
        public static readonly ManifestKey Root = new ManifestKey(string.Empty, ManifestValueKind.Object, null,
            new ManifestKey(ManifestKeys.Schema, ManifestValueKind.String),
            new ManifestKey(ManifestKeys.Catalogue, ManifestValueKind.Any),
            new ManifestKey(ManifestKeys.ProviderCode, ManifestValueKind.String, ProviderCode),
            new ManifestKey(ManifestKeys.LabelText, ManifestValueKind.String),
            new ManifestKey(ManifestKeys.Roles, ManifestValueKind.StringArray, OneOf(ManifestValues.Roles)),
            new ManifestKey(ManifestKeys.Jurisdictions, ManifestValueKind.StringArray, OneOf(ManifestValues.Jurisdictions)),
            new ManifestKey(ManifestKeys.PublicOpinionAttributes, ManifestValueKind.Boolean),
            new ManifestKey(ManifestKeys.AlgorithmFiling, ManifestValueKind.Object, null,
                new ManifestKey(ManifestKeys.FilingNumber, ManifestValueKind.String, NotEmpty),
                new ManifestKey(ManifestKeys.DisplayedAt, ManifestValueKind.StringArray, NotEmpty)),
            new ManifestKey(ManifestKeys.Complaints, ManifestValueKind.Object, null,
                new ManifestKey(ManifestKeys.Portal, ManifestValueKind.String, NotEmpty),
                new ManifestKey(ManifestKeys.FeedbackDays, ManifestValueKind.Integer, Positive)),
            new ManifestKey(ManifestKeys.UserAgreement, ManifestValueKind.Object, null,
                new ManifestKey(ManifestKeys.AgreementFile, ManifestValueKind.String, NotEmpty),
                new ManifestKey(ManifestKeys.LabelingSection, ManifestValueKind.String, NotEmpty)),
            new ManifestKey(ManifestKeys.SecurityAssessments, ManifestValueKind.ObjectArray, null,
                new ManifestKey(ManifestKeys.Scope, ManifestValueKind.String, OneOf(ManifestValues.AssessmentScopes)),
                new ManifestKey(ManifestKeys.Date, ManifestValueKind.String, Date),
                new ManifestKey(ManifestKeys.Reference, ManifestValueKind.String)),
            new ManifestKey(ManifestKeys.LogRetentionDays, ManifestValueKind.Integer, Retention),
            new ManifestKey(ManifestKeys.RumorRefutation, ManifestValueKind.Object, null,
                new ManifestKey(ManifestKeys.Contact, ManifestValueKind.String, NotEmpty)),
            new ManifestKey(ManifestKeys.Users, ManifestValueKind.Object, null,
                new ManifestKey(ManifestKeys.ApplicableUsers, ManifestValueKind.String, NotEmpty),
                new ManifestKey(ManifestKeys.Minors, ManifestValueKind.String, OneOf(ManifestValues.MinorsPolicies))));

        /// <summary>
        /// The problems of the manifest keys of a parsed deepsynth.json. Unknown top-level keys are left to the
        /// configuration reader, which reports them for the whole file.
        /// </summary>
        public static ImmutableArray<ConfigurationIssue> Validate(JsonObject root)
        {
            var issues = ImmutableArray.CreateBuilder<ConfigurationIssue>();
            foreach (var property in root.Properties)
            {
                var key = Root.Keys.FirstOrDefault(k => k.Name == property.Name);
                if (key != null)
                {
                    ValidateValue(key, property.Name, property.Value, issues);
                }
            }

            return issues.ToImmutable();
        }

        /// <summary>True when the node has the shape the kind asks for (a whole number for integers).</summary>
        public static bool HasKind(JsonNode node, ManifestValueKind kind) => kind switch
        {
            ManifestValueKind.String => node is JsonString,
            ManifestValueKind.Boolean => node is JsonBoolean,
            ManifestValueKind.Integer => node is JsonNumber number && IsWholeNumber(number.Value),
            ManifestValueKind.StringArray => node is JsonArray,
            ManifestValueKind.Object => node is JsonObject,
            ManifestValueKind.ObjectArray => node is JsonArray,
            _ => true,
        };

        private static void ValidateValue(ManifestKey key, string path, JsonNode value, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            if (!HasKind(value, key.Kind))
            {
                issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, value.Span, Message("Config_WrongType", path, TypeName(key.Kind), value.TypeName)));
                return;
            }

            switch (key.Kind)
            {
                case ManifestValueKind.Object:
                    ValidateObject(key, path, (JsonObject)value, issues);
                    break;
                case ManifestValueKind.StringArray:
                    foreach (var item in ((JsonArray)value).Items)
                    {
                        if (item is JsonString)
                        {
                            AddCheck(key, path, item, issues);
                        }
                        else
                        {
                            issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, item.Span, Message("Config_OnlyStrings", path, item.TypeName)));
                        }
                    }

                    break;
                case ManifestValueKind.ObjectArray:
                    foreach (var item in ((JsonArray)value).Items)
                    {
                        if (item is JsonObject entry)
                        {
                            ValidateObject(key, path + "[]", entry, issues);
                        }
                        else
                        {
                            issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, item.Span, Message("Manifest_NotObject", path, item.TypeName)));
                        }
                    }

                    break;
                default:
                    AddCheck(key, path, value, issues);
                    break;
            }
        }

        private static void ValidateObject(ManifestKey key, string path, JsonObject value, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            foreach (var property in value.Properties)
            {
                var child = key.Keys.FirstOrDefault(k => k.Name == property.Name);
                if (child == null)
                {
                    issues.Add(DeepSynthConfiguration.UnknownKey(property, path + "." + property.Name, key.Keys.Select(k => k.Name)));
                }
                else
                {
                    ValidateValue(child, path + "." + property.Name, property.Value, issues);
                }
            }
        }

        private static void AddCheck(ManifestKey key, string path, JsonNode value, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            if (key.Check?.Invoke(path, value) is { } issue)
            {
                issues.Add(issue);
            }
        }

        private static Func<string, JsonNode, ConfigurationIssue?> OneOf(string[] allowed) => (path, node) =>
            node is JsonString text && !allowed.Contains(text.Value, StringComparer.Ordinal)
                ? Invalid(node, Message("Manifest_NotOneOf", path, string.Join(", ", allowed.Select(a => "\"" + a + "\"")), text.Value))
                : null;

        private static ConfigurationIssue? NotEmpty(string path, JsonNode node) =>
            node is JsonString text && string.IsNullOrWhiteSpace(text.Value) ? Invalid(node, Message("Manifest_Empty", path)) : null;

        private static ConfigurationIssue? Positive(string path, JsonNode node) =>
            node is JsonNumber number && number.Value < 1 ? Invalid(node, Message("Manifest_NotPositive", path, Number(number))) : null;

        private static ConfigurationIssue? Retention(string path, JsonNode node)
        {
            if (node is not JsonNumber number)
            {
                return null;
            }

            if (number.Value < 1)
            {
                return Positive(path, node);
            }

            return number.Value < ManifestKeys.MinimumLogRetentionDays
                ? new ConfigurationIssue(RuleDescriptors.ManifestRetentionTooShort, node.Span, Number(number))
                : null;
        }

        private static ConfigurationIssue? Date(string path, JsonNode node) =>
            node is JsonString text && !DateTime.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? Invalid(node, Message("Manifest_BadDate", path, text.Value))
                : null;

        /// <summary>GB 45438 Annex E: metadata values are printable ASCII without space, '"' or '\'.</summary>
        private static ConfigurationIssue? ProviderCode(string path, JsonNode node) =>
            node is JsonString text && (text.Value.Length == 0 || !DeepSynth.Labels.AigcFieldRules.IsValidValue(text.Value))
                ? Invalid(node, Message("Manifest_BadProviderCode", text.Value))
                : null;

        private static ConfigurationIssue Invalid(JsonNode node, LocalizableString detail) =>
            new ConfigurationIssue(RuleDescriptors.InvalidManifestValue, node.Span, detail);

        private static bool IsWholeNumber(double value) => Math.Abs(value - Math.Round(value)) < double.Epsilon && Math.Abs(value) <= int.MaxValue;

        private static string Number(JsonNumber number) => number.Value.ToString(CultureInfo.InvariantCulture);

        private static string TypeName(ManifestValueKind kind) => kind switch
        {
            ManifestValueKind.String => "string",
            ManifestValueKind.Boolean => "boolean",
            ManifestValueKind.Integer => "integer",
            ManifestValueKind.Object => "object",
            _ => "array",
        };

        private static LocalizableString Message(string name, params string[] arguments) => DiagnosticMessages.Get(name, arguments);
    }
}
