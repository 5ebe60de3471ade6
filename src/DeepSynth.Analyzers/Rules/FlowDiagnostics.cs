using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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

        /// <summary>Property for code fixes: the media kinds of the content (text, image, audio, video), comma-separated.</summary>
        public const string MediaProperty = "DeepSynth.Media";

        /// <summary>Property for code fixes (DSYN004): the unreviewed inputs as expressions ("request.Message"), '|'-separated.</summary>
        public const string InputsProperty = "DeepSynth.Inputs";

        /// <summary>
        /// Property for code fixes (publish rules): the expressions in the publish point's file whose value carries generated
        /// content (text, bytes, text streams), as "offset:length" pairs separated by ';', the offset relative to the start of
        /// the diagnostic's location (so they stay valid while Fix All edits code before it). A fix labels, reviews and
        /// records only these, never a user's input or generation metadata (a model name) next to them.
        /// </summary>
        public const string ContentProperty = "DeepSynth.Content";

        /// <summary>
        /// Property for code fixes (publish rules): like <see cref="ContentProperty"/>, the objects and lists of texts (a DTO
        /// a service filled in, a list of strings) that carry generated content, which a fix reviews and records whole.
        /// </summary>
        public const string HoldersProperty = "DeepSynth.Holders";

        /// <summary>
        /// Property for code fixes (DSYN001): the members of an object read back from a store that hold its generated
        /// content ("Text,Summary"), comma-separated; a fix labels those members and no other.
        /// </summary>
        public const string StoredMembersProperty = "DeepSynth.StoredMembers";

        /// <summary>Property for code fixes: present when the publish point or generation is inside the called method.</summary>
        public const string ViaProperty = "DeepSynth.Via";

        /// <summary>
        /// Property for hosts that analyse a solution: source locations in another project (where content came from), which
        /// a diagnostic of this compilation may not carry. One per line: file path, tab, start, tab, length.
        /// </summary>
        public const string ExternalLocationsProperty = "DeepSynth.ExternalLocations";

        /// <summary>
        /// A flow diagnostic at <paramref name="at"/> naming its origins; <paramref name="isHere"/> says whether a tree belongs
        /// to the compilation being analysed (locations elsewhere go to <see cref="ExternalLocationsProperty"/>).
        /// </summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location at, IReadOnlyList<Origin> origins, Location? via, LocalizableString? note, Func<SyntaxTree, bool>? isHere = null, IEnumerable<Microsoft.CodeAnalysis.Text.TextSpan>? carriers = null, IEnumerable<Microsoft.CodeAnalysis.Text.TextSpan>? holders = null)
        {
            var additional = new List<Location>();
            var external = new List<Location>();
            void Attach(Location location)
            {
                if (!location.IsInSource || additional.Contains(location) || external.Contains(location))
                {
                    return;
                }

                (isHere == null || isHere(location.SourceTree!) ? additional : external).Add(location);
            }

            foreach (var origin in origins)
            {
                if (additional.Count + external.Count < MaxAdditionalLocations)
                {
                    Attach(origin.Location);
                }
            }

            if (via != null)
            {
                Attach(via);
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[MediaProperty] = string.Join(",", origins.Where(o => o.Kind == OriginKind.Generation).Select(o => o.Media.ToString().ToLowerInvariant()).Distinct());
            var inputs = origins.Where(o => o.Kind == OriginKind.UserInput && IsExpressionName(o.Description)).Select(o => o.Description).Distinct().ToList();
            if (inputs.Count > 0)
            {
                properties[InputsProperty] = string.Join("|", inputs);
            }

            var storedMembers = origins.Where(o => o.IsStoredCopy).Select(o => o.Member!).Distinct(StringComparer.Ordinal).OrderBy(m => m, StringComparer.Ordinal).ToList();
            if (storedMembers.Count > 0)
            {
                properties[StoredMembersProperty] = string.Join(",", storedMembers);
            }

            if (Spans(carriers, at) is { } content)
            {
                properties[ContentProperty] = content;
            }

            if (Spans(holders, at) is { } holding)
            {
                properties[HoldersProperty] = holding;
            }

            if (via != null)
            {
                properties[ViaProperty] = Where(via);
            }

            if (external.Count > 0)
            {
                properties[ExternalLocationsProperty] = string.Join("\n", external.Select(l =>
                    l.SourceTree!.FilePath + "\t" + l.SourceSpan.Start.ToString(CultureInfo.InvariantCulture) + "\t" + l.SourceSpan.Length.ToString(CultureInfo.InvariantCulture)));
            }

            return Diagnostic.Create(descriptor, at, additional, properties.ToImmutable(), Describe(origins), (object?)note ?? string.Empty);
        }

        /// <summary>"offset:length;..." relative to the diagnostic's start (see <see cref="ContentProperty"/>), or null for none.</summary>
        private static string? Spans(IEnumerable<Microsoft.CodeAnalysis.Text.TextSpan>? spans, Location at)
        {
            var encoded = (spans ?? Enumerable.Empty<Microsoft.CodeAnalysis.Text.TextSpan>()).Distinct().OrderBy(c => c.Start).ThenBy(c => c.Length)
                .Select(c => (c.Start - at.SourceSpan.Start).ToString(CultureInfo.InvariantCulture) + ":" + c.Length.ToString(CultureInfo.InvariantCulture))
                .ToList();
            return encoded.Count > 0 ? string.Join(";", encoded) : null;
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

            // The .razor/.cshtml line for the Razor generator's output (#line), the file's own line elsewhere.
            var span = location.GetMappedLineSpan();
            if (!span.IsValid)
            {
                span = location.GetLineSpan();
            }

            return Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        }

        public static LocalizableString? ViaNote(PublishEvent publish) =>
            publish.Via == null || publish.ViaPoint == null ? null : DiagnosticMessages.Get("Note_PublishedBy", publish.Via, Where(publish.ViaPoint));

        public static LocalizableString? ViaNote(GenerationEvent generation) =>
            generation.Via == null || generation.ViaPoint == null ? null : DiagnosticMessages.Get("Note_GeneratedIn", generation.Via, Where(generation.ViaPoint));

        /// <summary>For a step reported at its call: where the content it undid is published, and the helper that applies it.</summary>
        public static LocalizableString StepNote(StepEvent step, Location publishedAt) =>
            step.Via == null
                ? DiagnosticMessages.Get("Note_StepPublishedAt", step.Step, Where(publishedAt))
                : DiagnosticMessages.Get("Note_StepInCallee", step.Step, Where(publishedAt));

        /// <summary>An input description that is also a C# expression: a parameter name, optionally with member names ("request.Message").</summary>
        private static bool IsExpressionName(string description) =>
            description.Length > 0 && description.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

        public static List<Origin> Sorted(IEnumerable<Origin> origins) => origins.Distinct().OrderBy(o => o).ToList();
    }
}
