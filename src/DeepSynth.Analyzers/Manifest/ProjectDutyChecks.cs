using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Manifest;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Manifest
{
    /// <summary>
    /// The project-level duties (DSYN101-DSYN107), decided from the manifest and from what the code shows. Findings about
    /// the manifest are located at the key concerned (or where it is missing); findings the code shows are located at the code.
    /// </summary>
    internal sealed class ProjectDutyChecks
    {
        private readonly ProjectManifest _manifest;
        private readonly ProjectFacts _facts;
        private readonly ImmutableArray<AdditionalText> _additionalFiles;
        private readonly CancellationToken _cancellationToken;

        public ProjectDutyChecks(ProjectManifest manifest, ProjectFacts facts, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            _manifest = manifest;
            _facts = facts;
            _additionalFiles = additionalFiles;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Appended to "missing" details when the project has no manifest at all.</summary>
        private object NoManifestNote => _manifest.Exists ? string.Empty : Text("Duty_NoManifest");

        public IEnumerable<Diagnostic> Run()
        {
            if (!_manifest.AppliesInChina)
            {
                yield break;
            }

            var checks = new (DiagnosticDescriptor Rule, Func<IEnumerable<Diagnostic>> Check)[]
            {
                (RuleDescriptors.AlgorithmFilingNotDisplayed, AlgorithmFiling),
                (RuleDescriptors.ComplaintPortalMissing, ComplaintPortal),
                (RuleDescriptors.AgreementLabelingSectionMissing, AgreementLabelingSection),
                (RuleDescriptors.SecurityAssessmentMissing, SecurityAssessment),
                (RuleDescriptors.LogRetentionTooShort, LogRetention),
                (RuleDescriptors.RumorRefutationMissing, RumorRefutation),
                (RuleDescriptors.MinorsPolicyMissing, MinorsPolicy),
            };
            foreach (var (rule, check) in checks)
            {
                if (ComplianceDuties.ForRule(rule.Id) is { } duty && !duty.AppliesTo(_manifest.Roles))
                {
                    continue;
                }

                // Without a manifest every duty is unmet: one finding per duty says so, rather than one per missing key.
                foreach (var diagnostic in check().Take(_manifest.Exists ? int.MaxValue : 1))
                {
                    yield return diagnostic;
                }
            }
        }

        private IEnumerable<Diagnostic> AlgorithmFiling()
        {
            var number = _manifest.String(ManifestKeys.AlgorithmFiling, ManifestKeys.FilingNumber);
            if (number == null)
            {
                // DSP Art. 19 ¶1 obliges services with public-opinion attributes to file; a filed number must be shown (¶3).
                if (_manifest.PublicOpinionAttributes)
                {
                    yield return Report(RuleDescriptors.AlgorithmFilingNotDisplayed, _manifest.MissingAt(ManifestKeys.AlgorithmFiling, ManifestKeys.FilingNumber), Text("Duty_FilingMissing", NoManifestNote));
                }

                yield break;
            }

            var places = _manifest.Strings(ManifestKeys.AlgorithmFiling, ManifestKeys.DisplayedAt);
            if (places.IsEmpty)
            {
                yield return Report(RuleDescriptors.AlgorithmFilingNotDisplayed, _manifest.LocationOf(number), Text("Duty_FilingNotShown"));
            }

            foreach (var place in places)
            {
                if (PlaceProblem(place.Value, number.Value) is { } problem)
                {
                    yield return Report(RuleDescriptors.AlgorithmFilingNotDisplayed, _manifest.LocationOf(place), problem);
                }
            }
        }

        private IEnumerable<Diagnostic> ComplaintPortal()
        {
            var portal = _manifest.String(ManifestKeys.Complaints, ManifestKeys.Portal);
            if (portal == null)
            {
                yield return Report(RuleDescriptors.ComplaintPortalMissing, _manifest.MissingAt(ManifestKeys.Complaints, ManifestKeys.Portal), Text("Duty_PortalMissing", NoManifestNote));
            }
            else if (PlaceProblem(portal.Value, null) is { } problem)
            {
                yield return Report(RuleDescriptors.ComplaintPortalMissing, _manifest.LocationOf(portal), problem);
            }

            if (_manifest.Node(ManifestKeys.Complaints, ManifestKeys.FeedbackDays) == null)
            {
                yield return Report(RuleDescriptors.ComplaintPortalMissing, _manifest.MissingAt(ManifestKeys.Complaints, ManifestKeys.FeedbackDays), Text("Duty_FeedbackLimitMissing"));
            }
        }

        private IEnumerable<Diagnostic> AgreementLabelingSection()
        {
            var file = _manifest.String(ManifestKeys.UserAgreement, ManifestKeys.AgreementFile);
            var section = _manifest.String(ManifestKeys.UserAgreement, ManifestKeys.LabelingSection);
            if (file == null)
            {
                yield return Report(RuleDescriptors.AgreementLabelingSectionMissing, _manifest.MissingAt(ManifestKeys.UserAgreement, ManifestKeys.AgreementFile), Text("Duty_AgreementMissing", NoManifestNote));
            }

            if (section == null)
            {
                yield return Report(RuleDescriptors.AgreementLabelingSectionMissing, _manifest.MissingAt(ManifestKeys.UserAgreement, ManifestKeys.LabelingSection), Text("Duty_SectionMissing"));
            }

            if (file == null || section == null)
            {
                yield break;
            }

            var agreement = ReadFile(file.Value);
            if (agreement == null)
            {
                yield return Report(RuleDescriptors.AgreementLabelingSectionMissing, _manifest.LocationOf(file), Text("Duty_FileNotFound", file.Value));
            }
            else if (!ContainsText(agreement, section.Value))
            {
                yield return Report(RuleDescriptors.AgreementLabelingSectionMissing, _manifest.LocationOf(section), Text("Duty_SectionNotInFile", file.Value, section.Value));
            }
        }

        private IEnumerable<Diagnostic> SecurityAssessment()
        {
            var scopes = _manifest.Objects(ManifestKeys.SecurityAssessments)
                .Select(a => (a.Find(ManifestKeys.Scope)?.Value as JsonString)?.Value)
                .ToImmutableHashSet();
            var calls = _facts.BiometricCalls;
            if (calls.Count > 0 && !scopes.Contains(ManifestValues.BiometricScope))
            {
                var others = calls.Skip(1).Take(8).Select(c => c.Location);
                yield return Diagnostic.Create(RuleDescriptors.SecurityAssessmentMissing, calls[0].Location, others, Text("Duty_BiometricWithoutAssessment", calls[0].Description));
            }

            if (_manifest.PublicOpinionAttributes && !scopes.Contains(ManifestValues.PublicOpinionScope))
            {
                yield return Report(RuleDescriptors.SecurityAssessmentMissing, _manifest.MissingAt(ManifestKeys.PublicOpinionAttributes, ManifestKeys.Scope), Text("Duty_PublicOpinionWithoutAssessment"));
            }
        }

        private IEnumerable<Diagnostic> LogRetention()
        {
            if (_manifest.Node(ManifestKeys.LogRetentionDays) == null)
            {
                yield return Report(RuleDescriptors.LogRetentionTooShort, _manifest.MissingAt(ManifestKeys.LogRetentionDays), Text("Duty_RetentionMissing", NoManifestNote));
            }

            foreach (var retention in _facts.ShortRetentions)
            {
                yield return Report(RuleDescriptors.LogRetentionTooShort, retention.Location, Text("Duty_RetentionInCode", retention.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        private IEnumerable<Diagnostic> RumorRefutation()
        {
            if (_manifest.String(ManifestKeys.RumorRefutation, ManifestKeys.Contact) == null)
            {
                yield return Report(RuleDescriptors.RumorRefutationMissing, _manifest.MissingAt(ManifestKeys.RumorRefutation, ManifestKeys.Contact), Text("Duty_RumorContactMissing", NoManifestNote));
            }
        }

        private IEnumerable<Diagnostic> MinorsPolicy()
        {
            if (_manifest.String(ManifestKeys.Users, ManifestKeys.ApplicableUsers) == null)
            {
                yield return Report(RuleDescriptors.MinorsPolicyMissing, _manifest.MissingAt(ManifestKeys.Users, ManifestKeys.ApplicableUsers), Text("Duty_ApplicableUsersMissing", NoManifestNote));
            }

            if (_manifest.String(ManifestKeys.Users, ManifestKeys.Minors) == null)
            {
                yield return Report(RuleDescriptors.MinorsPolicyMissing, _manifest.MissingAt(ManifestKeys.Users, ManifestKeys.Minors), Text("Duty_MinorsPolicyMissing", NoManifestNote));
            }
        }

        /// <summary>
        /// What is wrong with a place the manifest names: a URL is taken as declared; a route ("/about") must be mapped by
        /// the code; a file (relative to the manifest) must be among the additional files and show <paramref name="mustShow"/>.
        /// </summary>
        private LocalizableString? PlaceProblem(string place, string? mustShow)
        {
            if (place.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || place.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (place.StartsWith("/", StringComparison.Ordinal) || mustShow == null)
            {
                return _facts.Routes.Contains(place) ? null : Text("Duty_RouteNotMapped", place);
            }

            var text = ReadFile(place);
            if (text == null)
            {
                return Text("Duty_FileNotFound", place);
            }

            return ContainsText(text, mustShow) ? null : Text("Duty_NumberNotInFile", place, mustShow);
        }

        /// <summary>A file the manifest names, if the build passed it to the compiler (the DeepSynth package does).</summary>
        private string? ReadFile(string relativePath)
        {
            var path = _manifest.Resolve(relativePath);
            var file = path == null ? null : _additionalFiles.FirstOrDefault(f => ManifestPaths.SameFile(f.Path, path));
            return file?.GetText(_cancellationToken)?.ToString();
        }

        /// <summary>Whitespace-insensitive, case-insensitive containment, so line breaks and indentation in documents do not matter.</summary>
        private static bool ContainsText(string text, string value) =>
            Collapse(text).IndexOf(Collapse(value), StringComparison.OrdinalIgnoreCase) >= 0;

        private static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private static Diagnostic Report(DiagnosticDescriptor rule, Location location, LocalizableString detail) => Diagnostic.Create(rule, location, detail);

        private static LocalizableString Text(string name, params object[] arguments) => new LocalizedText(name, arguments);
    }
}
