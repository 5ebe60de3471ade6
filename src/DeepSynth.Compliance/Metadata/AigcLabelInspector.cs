using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>
    /// One reader for every format: finds each AIGC label a file carries, at standard and common non-standard sites,
    /// and checks them against GB 45438 and the TC260 guides. Never throws for file content: an unknown format is "not
    /// identified" and a damaged container is inconclusive. Stateless and thread-safe.
    /// </summary>
    public static class AigcLabelInspector
    {
        private static readonly string[] RequiredFields = { "Label", "ContentProducer", "ProduceID" };

        /// <param name="content">The file's bytes.</param>
        /// <param name="fileName">Its name, used only for formats without magic bytes (Markdown).</param>
        public static AigcInspection Inspect(byte[] content, string? fileName = null)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            var format = MediaFormatDetector.Detect(content, fileName);
            var carrier = AigcMetadataCarriers.TryFor(format);
            if (carrier is null)
            {
                return new AigcInspection(MediaFormat.Unknown, null, Array.Empty<FoundAigcLabel>(), Array.Empty<AigcCheckResult>());
            }

            IReadOnlyList<AigcLabelSite> sites;
            try
            {
                sites = carrier.FindSites(content);
            }
            catch (AigcMetadataException ex)
            {
                return new AigcInspection(format, ex.Message, Array.Empty<FoundAigcLabel>(), Array.Empty<AigcCheckResult>());
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
            {
                // A parser bug on hostile input must not take a verifier down; the file is reported as not checkable.
                return new AigcInspection(format, $"The {format} reader failed on this file ({ex.GetType().Name}: {ex.Message}).", Array.Empty<FoundAigcLabel>(), Array.Empty<AigcCheckResult>());
            }

            var labels = sites.Select(Read).ToArray();
            return new AigcInspection(format, null, labels, Check(labels));
        }

        private static FoundAigcLabel Read(AigcLabelSite site)
        {
            if (IsEmptyShell(site.Text))
            {
                return new FoundAigcLabel(site, null, "The label holds no field values.", isEmptyShell: true);
            }

            try
            {
                return new FoundAigcLabel(site, AigcMetadata.Parse(site.Text), null, isEmptyShell: false);
            }
            catch (AigcMetadataException ex)
            {
                return new FoundAigcLabel(site, null, ex.Message, isEmptyShell: false);
            }
        }

        private static List<AigcCheckResult> Check(IReadOnlyList<FoundAigcLabel> labels)
        {
            var results = new List<AigcCheckResult>
            {
                new AigcCheckResult(AigcLabelCheck.Present, labels.Count > 0, labels.Count > 0 ? null : "No AIGC label at any known site."),
            };
            if (labels.Count == 0)
            {
                return results;
            }

            var misplaced = labels.Where(l => l.Site.Placement == AigcLabelPlacement.NonStandard).ToList();
            results.AddRange(misplaced.Count == 0
                ? new[] { new AigcCheckResult(AigcLabelCheck.Placement, true) }
                : misplaced.Select(l => new AigcCheckResult(AigcLabelCheck.Placement, false, $"{l.Site.Location} is not a placement the guide ({l.Site.Clause}) names.", l.Site)));

            results.Add(labels.Count == 1
                ? new AigcCheckResult(AigcLabelCheck.Single, true)
                : new AigcCheckResult(AigcLabelCheck.Single, false, $"{labels.Count} labels: {string.Join("; ", labels.Select(l => l.Site.Location))}."));

            var distinct = labels.Where(l => l.Metadata is not null).Select(l => l.Metadata!.ToPayloadJson()).Distinct().Count();
            results.Add(distinct <= 1
                ? new AigcCheckResult(AigcLabelCheck.Agreement, true)
                : new AigcCheckResult(AigcLabelCheck.Agreement, false, $"{distinct} different labels; a reader cannot tell which one holds."));

            foreach (var check in new[] { AigcLabelCheck.Json, AigcLabelCheck.NotEmpty, AigcLabelCheck.RequiredFields, AigcLabelCheck.LabelValue, AigcLabelCheck.Characters })
            {
                var failures = labels.Select(l => (Label: l, Detail: Failure(check, l))).Where(f => f.Detail is not null).ToList();
                results.AddRange(failures.Count == 0
                    ? new[] { new AigcCheckResult(check, true) }
                    : failures.Select(f => new AigcCheckResult(check, false, $"{f.Label.Site.Location}: {f.Detail}", f.Label.Site)));
            }

            return results;
        }

        /// <summary>Why <paramref name="label"/> fails <paramref name="check"/>, or <c>null</c> when it passes or the check does not apply.</summary>
        private static string? Failure(AigcLabelCheck check, FoundAigcLabel label)
        {
            if (check == AigcLabelCheck.NotEmpty)
            {
                return label.IsEmptyShell ? label.Error : null;
            }

            if (check == AigcLabelCheck.Json)
            {
                return label.Metadata is null && !label.IsEmptyShell ? label.Error : null;
            }

            var metadata = label.Metadata;
            if (metadata is null)
            {
                return null;
            }

            if (check == AigcLabelCheck.RequiredFields)
            {
                var missing = RequiredFields.Where(f => metadata[f].Length == 0).ToArray();
                return missing.Length == 0 ? null : string.Join(", ", missing) + (missing.Length == 1 ? " is" : " are") + " missing or empty.";
            }

            if (check == AigcLabelCheck.LabelValue)
            {
                return metadata.LabelKind is null ? $"Label is \"{metadata.Label}\"." : null;
            }

            var bad = AigcMetadata.FieldNames.Where(f => !AigcMetadataBuilder.IsValidValue(metadata[f])).ToArray();
            return bad.Length == 0 ? null : string.Join(", ", bad.Select(f => $"{f} \"{metadata[f]}\"")) + " has characters outside the Annex E set.";
        }

        /// <summary>Empty text, <c>{}</c>, <c>{"AIGC":{}}</c> or an object whose every value is empty.</summary>
        private static bool IsEmptyShell(byte[] text)
        {
            if (text.All(b => b is 0 or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return true;
            }

            if (text.Length > AigcMetadata.MaxJsonBytes)
            {
                return false;
            }

            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8, AllowTrailingCommas = true });
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                var inner = root.EnumerateObject().Where(p => string.Equals(p.Name, "AIGC", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Object)
                    .Select(p => p.Value).DefaultIfEmpty(root).First();
                return inner.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Null || (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length == 0));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return false; // not JSON, or strings that are not UTF-8: the parse reports why
            }
        }
    }
}
