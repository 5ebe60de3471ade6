using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using DeepSynth.Manifest;

namespace DeepSynth.Build
{
    /// <summary>
    /// What deepsynth.json declares, as the report states it for a compliance officer. The analyzers validate the file
    /// and report its mistakes at their line and column; this reader only describes it and never fails the build.
    /// </summary>
    public sealed class ManifestSummary
    {
        private ManifestSummary(string? relativePath, string? problem, IReadOnlyList<KeyValuePair<string, string>> declarations, IReadOnlyList<string> roles, bool appliesInChina)
        {
            RelativePath = relativePath;
            Problem = problem;
            Declarations = declarations;
            Roles = roles;
            AppliesInChina = appliesInChina;
        }

        /// <summary>Relative to the project directory; null when the project has no manifest.</summary>
        public string? RelativePath { get; }

        /// <summary>Why the manifest could not be read (see the DSYN901 diagnostic for where).</summary>
        public string? Problem { get; }

        /// <summary>Each declaration: what it is (English / Chinese) and its value as written.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Declarations { get; }

        public IReadOnlyList<string> Roles { get; }

        public bool AppliesInChina { get; }

        public static ManifestSummary None { get; } = new ManifestSummary(null, null, Array.Empty<KeyValuePair<string, string>>(), new[] { ManifestValues.Provider }, true);

        public static ManifestSummary Read(string? path, string projectDirectory)
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                return None;
            }

            var relativePath = RelativePaths.From(projectDirectory, path!);
            // As strict as the analyzers' reader (comments yes, trailing commas no): values the analyzers rejected must not be shown as declared.
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new ManifestSummary(relativePath, "the document is not a JSON object", Array.Empty<KeyValuePair<string, string>>(), None.Roles, true);
                }

                var roles = Strings(root, ManifestKeys.Roles).Where(r => ManifestValues.Roles.Contains(r)).DefaultIfEmpty(ManifestValues.Provider).ToList();
                var jurisdictions = Strings(root, ManifestKeys.Jurisdictions).DefaultIfEmpty(ManifestValues.China).ToList();
                return new ManifestSummary(relativePath, null, Describe(root, roles, jurisdictions), roles, jurisdictions.Contains(ManifestValues.China));
            }
            catch (JsonException e)
            {
                // System.Text.Json positions are 0-based and its message names reader options: say it as editors do.
                var at = e.LineNumber is { } line ? string.Format(CultureInfo.InvariantCulture, " at line {0}, column {1}", line + 1, (e.BytePositionInLine ?? 0) + 1) : string.Empty;
                return new ManifestSummary(relativePath, "not valid JSON" + at, Array.Empty<KeyValuePair<string, string>>(), None.Roles, true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return new ManifestSummary(relativePath, e.Message, Array.Empty<KeyValuePair<string, string>>(), None.Roles, true);
            }
        }

        private static List<KeyValuePair<string, string>> Describe(JsonElement root, List<string> roles, List<string> jurisdictions)
        {
            var filing = Object(root, ManifestKeys.AlgorithmFiling);
            var complaints = Object(root, ManifestKeys.Complaints);
            var agreement = Object(root, ManifestKeys.UserAgreement);
            var users = Object(root, ManifestKeys.Users);
            var feedbackDays = Text(complaints, ManifestKeys.FeedbackDays);
            var assessments = root.TryGetProperty(ManifestKeys.SecurityAssessments, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object)
                    .Select(a => string.Join(" ", new[] { Text(a, ManifestKeys.Scope), Text(a, ManifestKeys.Date), Text(a, ManifestKeys.Reference) }.Where(p => p != null)))
                    .ToList()
                : new List<string>();
            var filingNumber = Text(filing, ManifestKeys.FilingNumber);
            var shownAt = Strings(filing, ManifestKeys.DisplayedAt).ToList();
            var section = Text(agreement, ManifestKeys.LabelingSection);
            var rows = new List<KeyValuePair<string, string>>
            {
                Row("Provider code / 服务提供者编码", Text(root, ManifestKeys.ProviderCode)),
                Row("Roles / 角色", string.Join(", ", roles)),
                Row("Jurisdictions / 适用法域", string.Join(", ", jurisdictions)),
                Row("Public-opinion attributes / 舆论属性", root.TryGetProperty(ManifestKeys.PublicOpinionAttributes, out var opinion) && opinion.ValueKind == JsonValueKind.False ? "no" : "yes"),
                Row("Algorithm filing number / 算法备案编号", filingNumber == null ? null : filingNumber + (shownAt.Count == 0 ? string.Empty : ", shown at " + string.Join(", ", shownAt))),
                Row("Complaint portal / 投诉举报入口", Text(complaints, ManifestKeys.Portal) is { } portal ? portal + (feedbackDays == null ? string.Empty : ", feedback within " + feedbackDays + " days") : null),
                Row("User agreement / 用户服务协议", Text(agreement, ManifestKeys.AgreementFile) is { } file ? file + (section == null ? string.Empty : ", labeling section \"" + section + "\"") : null),
                Row("Security assessments / 安全评估", assessments.Count == 0 ? null : string.Join("; ", assessments)),
                Row("Log retention / 日志留存", Text(root, ManifestKeys.LogRetentionDays) is { } days ? days + " days" : null),
                Row("Rumor refutation / 辟谣机制", Text(Object(root, ManifestKeys.RumorRefutation), ManifestKeys.Contact)),
                Row("Applicable users / 适用人群", Text(users, ManifestKeys.ApplicableUsers)),
                Row("Minors / 未成年人", Text(users, ManifestKeys.Minors)),
            };
            return rows;
        }

        private static KeyValuePair<string, string> Row(string what, string? value) => new KeyValuePair<string, string>(what, value ?? "(not declared)");

        private static JsonElement Object(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

        private static string? Text(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString(),
                JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        private static IEnumerable<string> Strings(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? string.Empty)
                : Enumerable.Empty<string>();
    }
}
