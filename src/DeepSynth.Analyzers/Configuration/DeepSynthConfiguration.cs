using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
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
        public MemberEntry(string name, TextSpan span, MediaKind media, ImmutableArray<string> parameters)
        {
            Name = name;
            Span = span;
            Media = media;
            Parameters = parameters;
        }

        public string Name { get; }

        public TextSpan Span { get; }

        public MediaKind Media { get; }

        /// <summary>For publishers: the parameters that carry content; empty means all.</summary>
        public ImmutableArray<string> Parameters { get; }
    }

    /// <summary>The "catalogue" section of deepsynth.json: APIs the project adds to the built-in catalogue.</summary>
    internal sealed class UserCatalogue
    {
        public static readonly UserCatalogue Empty = new UserCatalogue(ImmutableDictionary<string, ImmutableArray<MemberEntry>>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

        public UserCatalogue(ImmutableDictionary<string, ImmutableArray<MemberEntry>> members, ImmutableArray<string> identityAttributes, ImmutableArray<string> identityPolicies)
        {
            Members = members;
            IdentityAttributes = identityAttributes;
            IdentityPolicies = identityPolicies;
        }

        /// <summary>Entries by section name (see <see cref="DeepSynthConfiguration.MemberSections"/>).</summary>
        public ImmutableDictionary<string, ImmutableArray<MemberEntry>> Members { get; }

        /// <summary>Full names of attributes that, on an endpoint, mean real-name verification is required.</summary>
        public ImmutableArray<string> IdentityAttributes { get; }

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

        public static readonly ImmutableArray<string> MemberSections = ImmutableArray.Create(Sources, Publishers, Inputs, Labelers, Reviewers, IdentityVerifiers, Auditors);

        /// <summary>
        /// Top-level keys deepsynth.json may have: the catalogue and $schema read here, and the compliance manifest's
        /// sections, which the project-duties analyzer validates and reads (see Manifest/ManifestSchema.cs).
        /// </summary>
        public static readonly ImmutableHashSet<string> KnownTopLevelKeys =
            ImmutableHashSet.Create(ManifestKeys.Schema, ManifestKeys.Catalogue).Union(ManifestKeys.ManifestSections);

        public static readonly DeepSynthConfiguration None = new DeepSynthConfiguration(null, null, UserCatalogue.Empty, ImmutableArray<ConfigurationIssue>.Empty);

        private DeepSynthConfiguration(AdditionalText? file, SourceText? text, UserCatalogue catalogue, ImmutableArray<ConfigurationIssue> issues)
        {
            File = file;
            Text = text;
            Catalogue = catalogue;
            Issues = issues;
        }

        public AdditionalText? File { get; }

        public SourceText? Text { get; }

        public UserCatalogue Catalogue { get; }

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

            var catalogue = UserCatalogue.Empty;
            foreach (var property in rootObject.Properties)
            {
                if (!KnownTopLevelKeys.Contains(property.Name))
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, property.NameSpan, Message("Config_UnknownKey", property.Name)));
                }
                else if (property.Name == "catalogue")
                {
                    catalogue = ReadCatalogue(property.Value, issues);
                }
                else if (property.Name == ManifestKeys.Schema && property.Value is not JsonString)
                {
                    issues.Add(WrongType(property, "string"));
                }
            }

            return new DeepSynthConfiguration(file, text, catalogue, issues.ToImmutable());
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
            var identityAttributes = ImmutableArray<string>.Empty;
            var identityPolicies = ImmutableArray<string>.Empty;
            foreach (var property in catalogueObject.Properties)
            {
                if (MemberSections.Contains(property.Name))
                {
                    members[property.Name] = ReadEntries(property, issues);
                }
                else if (property.Name == "identityAttributes")
                {
                    identityAttributes = ReadStrings(property, issues);
                }
                else if (property.Name == "identityPolicies")
                {
                    identityPolicies = ReadStrings(property, issues);
                }
                else
                {
                    issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, property.NameSpan, Message("Config_UnknownKey", "catalogue." + property.Name)));
                }
            }

            return new UserCatalogue(members.ToImmutable(), identityAttributes, identityPolicies);
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
                    entries.Add(new MemberEntry(name.Value, name.Span, MediaKind.Text, ImmutableArray<string>.Empty));
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
            var media = MediaKind.Text;
            var parameters = ImmutableArray<string>.Empty;
            foreach (var property in entry.Properties)
            {
                switch (property.Name)
                {
                    case "member":
                        member = property.Value as JsonString;
                        if (member == null)
                        {
                            issues.Add(WrongType(property, "string"));
                        }

                        break;
                    case "media" when section == Sources:
                        if (property.Value is JsonString mediaName && TryParseMedia(mediaName.Value, out var parsedMedia))
                        {
                            media = parsedMedia;
                        }
                        else
                        {
                            issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, property.Value.Span, Message("Config_BadMedia")));
                        }

                        break;
                    case "parameters" when section == Publishers:
                        parameters = ReadStrings(property, issues);
                        break;
                    default:
                        issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, property.NameSpan, Message("Config_UnknownKey", "catalogue." + section + "[]." + property.Name)));
                        break;
                }
            }

            if (member == null)
            {
                issues.Add(new ConfigurationIssue(RuleDescriptors.InvalidConfigurationKey, entry.Span, Message("Config_MissingMember", "catalogue." + section)));
                return null;
            }

            return new MemberEntry(member.Value, member.Span, media, parameters);
        }

        private static ImmutableArray<string> ReadStrings(JsonProperty property, ImmutableArray<ConfigurationIssue>.Builder issues)
        {
            if (property.Value is not JsonArray array)
            {
                issues.Add(WrongType(property, "array"));
                return ImmutableArray<string>.Empty;
            }

            var values = ImmutableArray.CreateBuilder<string>();
            foreach (var item in array.Items)
            {
                if (item is JsonString value)
                {
                    values.Add(value.Value);
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
