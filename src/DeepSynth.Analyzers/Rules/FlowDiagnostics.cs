using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DeepSynth.Analyzers.Flow;
using DeepSynth.Analyzers.Resources;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>Builds the diagnostics of the flow rules: message arguments that name where content came from, and additional locations.</summary>
    internal static class FlowDiagnostics
    {
        /// <summary>At most this many origins are attached as additional locations.</summary>
        public const int MaxAdditionalLocations = 8;

        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location at, IReadOnlyList<Origin> origins, Location? via, LocalizableString? note)
        {
            var additional = new List<Location>();
            foreach (var origin in origins)
            {
                if (origin.Location.IsInSource && !additional.Contains(origin.Location) && additional.Count < MaxAdditionalLocations)
                {
                    additional.Add(origin.Location);
                }
            }

            if (via != null && via.IsInSource && !additional.Contains(via))
            {
                additional.Add(via);
            }

            return Diagnostic.Create(descriptor, at, additional, properties: null, Describe(origins), (object?)note ?? string.Empty);
        }

        /// <summary>"'IChatClient.GetResponseAsync' (Program.cs:12)", with "and N more" when there are several.</summary>
        public static object Describe(IReadOnlyList<Origin> origins)
        {
            if (origins.Count == 0)
            {
                return string.Empty;
            }

            var first = DescribeOne(origins[0]);
            return origins.Count == 1
                ? first
                : DiagnosticMessages.Get("Note_AndMore", first, (origins.Count - 1).ToString(CultureInfo.InvariantCulture));
        }

        public static string DescribeOne(Origin origin) => "'" + origin.Description + "' (" + Where(origin.Location) + ")";

        public static string Where(Location location)
        {
            if (!location.IsInSource)
            {
                return "?";
            }

            var span = location.GetLineSpan();
            return Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        }

        public static LocalizableString? ViaNote(PublishEvent publish) =>
            publish.Via == null || publish.ViaPoint == null ? null : DiagnosticMessages.Get("Note_PublishedBy", publish.Via, Where(publish.ViaPoint));

        public static LocalizableString? ViaNote(GenerationEvent generation) =>
            generation.Via == null || generation.ViaPoint == null ? null : DiagnosticMessages.Get("Note_GeneratedIn", generation.Via, Where(generation.ViaPoint));

        public static List<Origin> Sorted(IEnumerable<Origin> origins) => origins.Distinct().OrderBy(o => o).ToList();
    }
}
