using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using DeepSynth.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Analyzers.Labels
{
    /// <summary>
    /// The SDK's options as an app binds them from configuration (<c>GetSection("DeepSynth").Bind(options)</c>): string
    /// values of appsettings.json and appsettings.&lt;Environment&gt;.json that reach the analyzers as additional files (the
    /// DeepSynth package adds them). Keys are compared ignoring case, as .NET configuration does; reading never throws.
    /// </summary>
    internal static class SettingsFiles
    {
        public static bool IsSettingsFile(AdditionalText file)
        {
            var name = Path.GetFileName(file.Path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The string at a path of keys (e.g. DeepSynth, Label, Text) in one settings file, with its location.</summary>
        public static (string Value, Location Location)? Find(AdditionalText file, CancellationToken cancellationToken, params string[] path)
        {
            var text = file.GetText(cancellationToken);
            if (text == null)
            {
                return null;
            }

            JsonNode? node;
            try
            {
                node = JsonReader.Parse(text.ToString());
            }
            catch (JsonSyntaxException)
            {
                return null;
            }

            foreach (var key in path)
            {
                node = Property(node as JsonObject, key);
            }

            return node is JsonString value ? (value.Value, LocationOf(file, text, value.Span)) : null;
        }

        /// <summary>A location in an additional file.</summary>
        public static Location LocationOf(AdditionalText file, SourceText text, TextSpan span)
        {
            span = TextSpan.FromBounds(Math.Min(span.Start, text.Length), Math.Min(span.End, text.Length));
            return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
        }

        private static JsonNode? Property(JsonObject? parent, string key)
        {
            foreach (var property in parent?.Properties ?? Array.Empty<JsonProperty>())
            {
                if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}
