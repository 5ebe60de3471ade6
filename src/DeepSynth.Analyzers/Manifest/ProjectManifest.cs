using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>
    /// deepsynth.json as the project-duties analyzer reads it: typed values with the spans they came from, and the
    /// location to report a missing key at (its nearest declared parent key, else the start of the file). A project
    /// without a manifest is read as an empty one whose locations are <see cref="Location.None"/>.
    /// </summary>
    internal sealed class ProjectManifest
    {
        public static readonly ProjectManifest Missing = new ProjectManifest(DeepSynthConfiguration.None, new JsonObject(default, Array.Empty<JsonProperty>()));

        private readonly DeepSynthConfiguration _configuration;
        private readonly JsonObject _root;

        /// <param name="configuration">The file the manifest was read from (it locates the spans).</param>
        /// <param name="root">The parsed file.</param>
        public ProjectManifest(DeepSynthConfiguration configuration, JsonObject root)
        {
            _configuration = configuration;
            _root = root;
            Roles = Strings(ManifestKeys.Roles).Select(s => s.Value).Where(ManifestValues.Roles.Contains).DefaultIfEmpty(ManifestValues.Provider).ToImmutableArray();
            var jurisdictions = Strings(ManifestKeys.Jurisdictions);
            AppliesInChina = jurisdictions.IsEmpty || jurisdictions.Any(j => j.Value == ManifestValues.China);
            PublicOpinionAttributes = Node(ManifestKeys.PublicOpinionAttributes) is not JsonBoolean { Value: false };
        }

        public bool Exists => _configuration.File != null;

        /// <summary>The declared roles; a provider when none are declared.</summary>
        public ImmutableArray<string> Roles { get; }

        /// <summary>Chinese law applies unless the jurisdictions are declared without "CN".</summary>
        public bool AppliesInChina { get; }

        /// <summary>Conservatively true unless declared false: a public chat or writing service usually has them.</summary>
        public bool PublicOpinionAttributes { get; }

        /// <summary>The value at a path of object keys, or null when a key is missing or a parent is not an object.</summary>
        public JsonNode? Node(params string[] path) => Property(path)?.Value;

        public JsonString? String(params string[] path) => Node(path) is JsonString { Value: var value } text && value.Trim().Length > 0 ? text : null;

        /// <summary>The string items of an array at a path (other items are reported by validation and skipped here).</summary>
        public ImmutableArray<JsonString> Strings(params string[] path) =>
            Node(path) is JsonArray array ? array.Items.OfType<JsonString>().Where(s => s.Value.Trim().Length > 0).ToImmutableArray() : ImmutableArray<JsonString>.Empty;

        /// <summary>The object items of an array at a path.</summary>
        public ImmutableArray<JsonObject> Objects(params string[] path) =>
            Node(path) is JsonArray array ? array.Items.OfType<JsonObject>().ToImmutableArray() : ImmutableArray<JsonObject>.Empty;

        public Location LocationOf(JsonNode node) => LocationOf(node.Span);

        /// <summary>Where to say that the key at the path is missing: at its nearest declared parent key, else at the file start.</summary>
        public Location MissingAt(params string[] path)
        {
            for (var length = path.Length - 1; length > 0; length--)
            {
                if (Property(path.Take(length).ToArray()) is { } parent)
                {
                    return LocationOf(parent.NameSpan);
                }
            }

            return LocationOf(new TextSpan(0, 0));
        }

        /// <summary>Resolves a path written in the manifest (relative to the manifest's folder) to a normalised full path.</summary>
        public string? Resolve(string relativePath)
        {
            if (_configuration.File == null)
            {
                return null;
            }

            var directory = Path.GetDirectoryName(_configuration.File.Path) ?? string.Empty;
            return ManifestPaths.Normalize(Path.IsPathRooted(relativePath) ? relativePath : directory + "/" + relativePath);
        }

        private JsonProperty? Property(string[] path)
        {
            JsonObject? current = _root;
            JsonProperty? property = null;
            foreach (var name in path)
            {
                property = current?.Find(name);
                if (property == null)
                {
                    return null;
                }

                current = property.Value as JsonObject;
            }

            return property;
        }

        private Location LocationOf(TextSpan span) => _configuration.LocationOf(span);
    }

    /// <summary>File paths compared the same way on every OS: '/' separators, '.' and '..' resolved, case ignored.</summary>
    internal static class ManifestPaths
    {
        public static string Normalize(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Replace('\\', '/').Split('/'))
            {
                if (part == "..")
                {
                    if (parts.Count > 0 && parts[parts.Count - 1].Length > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }
                else if (part != "." && (part.Length > 0 || parts.Count == 0))
                {
                    parts.Add(part);
                }
            }

            return string.Join("/", parts);
        }

        public static bool SameFile(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);
    }
}
