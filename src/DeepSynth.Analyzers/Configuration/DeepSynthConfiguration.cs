using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Configuration
{
    /// <summary>A configuration problem found in deepsynth.json, with the span it refers to.</summary>
    internal sealed class ConfigurationIssue
    {
        public ConfigurationIssue(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
        {
            Descriptor = descriptor;
            Span = span;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TextSpan Span { get; }

        public object[] Arguments { get; }
    }

    /// <summary>One catalogue entry of deepsynth.json: a member name (documentation ID or Namespace.Type.Member) and options.</summary>
    internal sealed class MemberEntry
    {
        public MemberEntry(string name, TextSpan span, MediaKind media, ImmutableArray<JsonString> parameters)
        {
            Name = name;
            Span = span;
            Media = media;
            Parameters = parameters;
        }

        public string Name { get; }

        public TextSpan Span { get; }

        public MediaKind Media { get; }

        /// <summary>For publishers: the parameters that carry content (with their spans, to report a name no overload has); empty means all.</summary>
        public ImmutableArray<JsonString> Parameters { get; }
    }

    /// <summary>The "catalogue" section of deepsynth.json: APIs the project adds to the built-in catalogue.</summary>
    internal sealed class UserCatalogue
    {
        public static readonly UserCatalogue Empty = new UserCatalogue(ImmutableDictionary<string, ImmutableArray<MemberEntry>>.Empty, ImmutableArray<JsonString>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

        public UserCatalogue(ImmutableDictionary<string, ImmutableArray<MemberEntry>> members, ImmutableArray<JsonString> identityAttributes, ImmutableArray<string> identityPolicies,
            ImmutableArray<string> modelEndpoints)
        {
            Members = members;
            IdentityAttributes = identityAttributes;
            IdentityPolicies = identityPolicies;
            ModelEndpoints = modelEndpoints;
        }

        /// <summary>URL paths of model routes of the project's own gateways ("/llm/complete"): an HTTP send to one generates text.</summary>
        public ImmutableArray<string> ModelEndpoints { get; }

        /// <summary>Entries by section name (see <see cref="DeepSynthConfiguration.MemberSections"/>).</summary>
        public ImmutableDictionary<string, ImmutableArray<MemberEntry>> Members { get; }

        /// <summary>Full names of attributes that, on an endpoint, mean real-name verification is required (with their spans).</summary>
        public ImmutableArray<JsonString> IdentityAttributes { get; }

        /// <summary>Authorization policy names that require real-name verification.</summary>
        public ImmutableArray<string> IdentityPolicies { get; }

        public ImmutableArray<MemberEntry> Get(string section) =>
            Members.TryGetValue(section, out var entries) ? entries : ImmutableArray<MemberEntry>.Empty;

        public bool HasSources => !Get(DeepSynthConfiguration.Sources).IsEmpty;
    }

    /// <summary>
    /// deepsynth.json as the analyzers read it. Every problem becomes a <see cref="ConfigurationIssue"/>
    /// (reported as DSYN9xx at its line and column); reading never throws.
    /// </summary>
    internal sealed class DeepSynthConfiguration
    {
        public const string FileName = "deepsynth.json";
        public const string Sources = "sources";
        public const string Publishers = "publishers";
        public const string Inputs = "inputs";
        public const string Labelers = "labelers";
        public const string Reviewers = "reviewers";
        public const string IdentityVerifiers = "identityVerifiers";
        public const string Auditors = "auditors";
        public const string EntryPoints = "entryPoints";
        public const string ModelEndpoints = "modelEndpoints";
        public const string BiometricEditors = "biometricEditors";
        public const string ConsentVerifiers = "consentVerifiers";

        public const string IdentityAttributes = "identityAttributes";
        public const string IdentityPolicies = "identityPolicies";

        public static readonly ImmutableArray<string> MemberSections = ImmutableArray.Create(Sources, Publishers, Inputs, Labelers, Reviewers, IdentityVerifiers, Auditors, EntryPoints, BiometricEditors, ConsentVerifiers);

        /// <summary>The keys of the "catalogue" object.</summary>
        public static readonly ImmutableArray<string> CatalogueKeys = MemberSections.Add(IdentityAttributes).Add(IdentityPolicies).Add(ModelEndpoints);

        /// <summary>
        /// Top-level keys deepsynth.json may have: the catalogue and $schema read here, and the compliance manifest's
        /// sections, which the project-duties analyzer validates and reads (see Manifest/ManifestSchema.cs).
        /// </summary>
        public static readonly ImmutableHashSet<string> KnownTopLevelKeys =
            ImmutableHashSet.Create(ManifestKeys.Schema, ManifestKeys.Catalogue).Union(ManifestKeys.ManifestSections);

        public static readonly DeepSynthConfiguration None = new DeepSynthConfiguration(null, null, UserCatalogue.Empty, ImmutableArray<ConfigurationIssue>.Empty);

        private DeepSynthConfiguration(AdditionalText? file, SourceText? text, UserCatalogue catalogue, ImmutableArray<ConfigurationIssue> issues, JsonObject? root = null)
        {
            Root = root;
            File = file;
            Text = text;
            Catalogue = catalogue;
            Issues = issues;
        }

        public AdditionalText? File { get; }

        public SourceText? Text { get; }

        public UserCatalogue Catalogue { get; }

        /// <summary>The parsed file when it is a JSON object; null when it is missing or broken (DSYN901 says where).</summary>
        public JsonObject? Root { get; }

        public ImmutableArray<ConfigurationIssue> Issues { get; }

        public static bool IsConfigurationFile(AdditionalText file) =>
            string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>Reads the first deepsynth.json among the additional files (by path, so the choice is stable).</summary>
        public static DeepSynthConfiguration Load(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            var file = additionalFiles.Where(IsConfigurationFile).OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();
            if (file == null)
            {
                return None;
            }

            var text = file.GetText(cancellationToken);
            if (text == null)
            {
                return None;
            }

            // Both analyzers (and the CLI's engines) read the same text of a compilation: it is parsed once.
            lock (Parsed)
            {
                if (Parsed.TryGetValue(text, out var parsed) && parsed.File?.Path == file.Path)
                {
                    return parsed;
                }
            }

            var configuration = Parse(file, text);
            lock (Parsed)
            {
                Parsed.Remove(text);
                Parsed.Add(text, configuration);
            }

            return configuration;
        }

        private static readonly ConditionalWeakTable<SourceText, DeepSynthConfiguration> Parsed = new ConditionalWeakTable<SourceText, DeepSynthConfiguration>();

        private static DeepSynthConfiguration Parse(AdditionalText file, SourceText text)
        {
            var issues = ImmutableArray.CreateBuilder<ConfigurationIssue>();
            JsonNode root;
            try
            {
                root = JsonReader.Parse(text.ToString());
            }
            catch (JsonSyntaxException e)
            {
                var position = Math.Min(Math.Max(e.Position, 0), text.Length);
                issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationJson, new TextSpan(position, 0), e.Message));
                return new DeepSynthConfiguration(file, text, UserCatalogue.Empty, issues.ToImmutable());
            }

            if (root is not JsonObject rootObject)
            {
                issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationJson, root.Span, Message("Config_NotObject")));
                return new DeepSynthConfiguration(file, text, UserCatalogue.Empty, issues.ToImmutable());
            }

            AddDuplicateKeys(rootObject, text, issues);
            var catalogue = UserCatalogue.Empty;
            foreach (var property in rootObject.Properties)
            {
                if (!KnownTopLevelKeys.Contains(property.Name))
                {
                    issues.Add(UnknownKey(property, property.Name, KnownTopLevelKeys));
                }
                else if (property.Name == ManifestKeys.Catalogue)
                {
                    catalogue = ReadCatalogue(property.Value, issues);
                }

                // "$schema" and the manifest's keys are validated by the project-duties analyzer (ManifestSchema).
            }

            return new DeepSynthConfiguration(file, text, catalogue, issues.ToImmutable(), rootObject);
        }

        /// <summary>DSYN902 for a key the object does not have, with the known key it was probably meant to be.</summary>
        public static ConfigurationIssue UnknownKey(JsonProperty property, string path, IEnumerable<string> knownKeys)
        {
            var suggestion = KeySuggestion.Closest(property.Name, knownKeys);
            return new ConfigurationIssue(
                RuleDescriptors.InvalidConfigurationKey,
                property.NameSpan,
                suggestion == null ? Message("Config_UnknownKey", path) : Message("Config_UnknownKeySuggestion", path, suggestion));
        }

        /// <summary>The 1-based line of a position, for messages that point at another place in the file.</summary>
        public static string LineOf(SourceText text, int position) =>
            (text.Lines.GetLineFromPosition(Math.Min(position, text.Length)).LineNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A key given twice, at any depth, is a contradiction (DSYN907): every reader uses the first.</summary>
        private static void AddDuplicateKeys(JsonNode node, SourceText text, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            if (node is JsonObject obj)
            {
                foreach (var duplicate in obj.Duplicates)
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.ContradictoryConfiguration, duplicate.Duplicate.NameSpan,
                        Message("Config_DuplicateKey", duplicate.Duplicate.Name, LineOf(text, duplicate.First.NameSpan.Start))));
                }

                foreach (var property in obj.Properties)
                {
                    AddDuplicateKeys(property.Value, text, issues);
                }

                foreach (var duplicate in obj.Duplicates)
                {
                    AddDuplicateKeys(duplicate.Duplicate.Value, text, issues);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array.Items)
                {
                    AddDuplicateKeys(item, text, issues);
                }
            }
        }

        /// <summary>A location in deepsynth.json for a span, for diagnostics.</summary>
        public Location LocationOf(TextSpan span)
        {
            if (File == null || Text == null)
            {
                return Location.None;
            }

            span = TextSpan.FromBounds(Math.Min(span.Start, Text.Length), Math.Min(span.End, Text.Length));
            return Location.Create(File.Path, span, Text.Lines.GetLinePositionSpan(span));
        }

        private static UserCatalogue ReadCatalogue(JsonNode node, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            if (node is not JsonObject catalogueObject)
            {
                issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, node.Span, Message("Config_WrongType", "catalogue", "object", node.TypeName)));
                return UserCatalogue.Empty;
            }

            var members = ImmutableDictionary.CreateBuilder<string, ImmutableArray<MemberEntry>>();
            var identityAttributes = ImmutableArray<JsonString>.Empty;
            var identityPolicies = ImmutableArray<string>.Empty;
            var modelEndpoints = ImmutableArray<string>.Empty;
            foreach (var property in catalogueObject.Properties)
            {
                if (MemberSections.Contains(property.Name))
                {
                    members[property.Name] = ReadEntries(property, issues);
                }
                else if (property.Name == IdentityAttributes)
                {
                    identityAttributes = ReadStrings(property, issues);
                }
                else if (property.Name == IdentityPolicies)
                {
                    identityPolicies = ReadStrings(property, issues).Select(p => p.Value).ToImmutableArray();
                }
                else if (property.Name == ModelEndpoints)
                {
                    modelEndpoints = ReadStrings(property, issues).Select(p => "/" + p.Value.Trim().TrimStart('/').ToLowerInvariant())
                        .Where(p => p.Length > 1).ToImmutableArray();
                }
                else
                {
                    issues.Add(UnknownKey(property, "catalogue." + property.Name, CatalogueKeys));
                }
            }

            return new UserCatalogue(members.ToImmutable(), identityAttributes, identityPolicies, modelEndpoints);
        }

        private static ImmutableArray<MemberEntry> ReadEntries(JsonProperty section, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            if (section.Value is not JsonArray array)
            {
                issues.Add(WrongType(section, "array"));
                return ImmutableArray<MemberEntry>.Empty;
            }

            var entries = ImmutableArray.CreateBuilder<MemberEntry>();
            foreach (var item in array.Items)
            {
                if (item is JsonString name)
                {
                    entries.Add(new MemberEntry(name.Value, name.Span, MediaKind.Text, ImmutableArray<JsonString>.Empty));
                }
                else if (item is JsonObject entry)
                {
                    var parsed = ReadEntryObject(section.Name, entry, issues);
                    if (parsed != null)
                    {
                        entries.Add(parsed);
                    }
                }
                else
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, item.Span, Message("Config_BadEntry", "catalogue." + section.Name, item.TypeName)));
                }
            }

            return entries.ToImmutable();
        }

        private static MemberEntry? ReadEntryObject(string section, JsonObject entry, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            JsonString? member = null;
            var hasMember = false;
            var hasUnknownKey = false;
            var media = MediaKind.Text;
            var parameters = ImmutableArray<JsonString>.Empty;
            foreach (var property in entry.Properties)
            {
                switch (property.Name)
                {
                    case "member":
                        hasMember = true;
                        member = property.Value as JsonString;
                        if (member == null)
                        {
                            issues.Add(WrongType(property, "string"));
                        }

                        break;
                    case "media" when section == Sources || section == BiometricEditors:
                        if (property.Value is not JsonString mediaName)
                        {
                            issues.Add(WrongType(property, "string"));
                        }
                        else if (TryParseMedia(mediaName.Value, out var parsedMedia))
                        {
                            media = parsedMedia;
                        }
                        else
                        {
                            issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidManifestValue, property.Value.Span, Message("Config_BadMedia")));
                        }

                        break;
                    case "parameters" when section == Publishers:
                        parameters = ReadStrings(property, issues);
                        if (property.Value is JsonArray { Items.Count: 0 })
                        {
                            // An empty list would silently mean "every parameter", the opposite of what it says.
                            issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidManifestValue, property.Value.Span, Message("Config_EmptyParameters")));
                        }

                        break;
                    default:
                        hasUnknownKey = true;
                        issues.Add(UnknownKey(property, "catalogue." + section + "[]." + property.Name, EntryKeys(section)));
                        break;
                }
            }

            if (member == null)
            {
                // A "member" of the wrong type is reported at its value, a misspelt one ("membr") at its key.
                if (!hasMember && !hasUnknownKey)
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, entry.Span, Message("Config_MissingMember", "catalogue." + section)));
                }

                return null;
            }

            return new MemberEntry(member.Value, member.Span, media, parameters);
        }

        /// <summary>The keys an entry object of a catalogue section may have.</summary>
        private static IEnumerable<string> EntryKeys(string section)
        {
            yield return "member";
            if (section == Sources || section == BiometricEditors)
            {
                yield return "media";
            }
            else if (section == Publishers)
            {
                yield return "parameters";
            }
        }

        private static ImmutableArray<JsonString> ReadStrings(JsonProperty property, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            if (property.Value is not JsonArray array)
            {
                issues.Add(WrongType(property, "array"));
                return ImmutableArray<JsonString>.Empty;
            }

            var values = ImmutableArray.CreateBuilder<JsonString>();
            foreach (var item in array.Items)
            {
                if (item is JsonString value)
                {
                    values.Add(value);
                }
                else
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, item.Span, Message("Config_OnlyStrings", property.Name, item.TypeName)));
                }
            }

            return values.ToImmutable();
        }

        private static bool TryParseMedia(string value, out MediaKind media)
        {
            switch (value.ToLowerInvariant())
            {
                case "text": media = MediaKind.Text; return true;
                case "image": media = MediaKind.Image; return true;
                case "audio": media = MediaKind.Audio; return true;
                case "video": media = MediaKind.Video; return true;
                default: media = MediaKind.Text; return false;
            }
        }

        private static ConfigurationIssue WrongType(JsonProperty property, string expected) =>
            new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, property.Value.Span, Message("Config_WrongType", property.Name, expected, property.Value.TypeName));

        /// <summary>A detail of a configuration message, localized like the message itself.</summary>
        private static LocalizableString Message(string name, params string[] arguments) => Resources.DiagnosticMessages.Get(name, arguments);
    }
}
