namespace DeepSynth.Manifest
{
    /// <summary>
    /// The names of the compliance manifest (deepsynth.json): its keys and the values they accept. This file is linked
    /// into the build task as well, so the analyzers, the task and the JSON schema speak of the same keys.
    /// </summary>
    internal static class ManifestKeys
    {
        public const string FileName = "deepsynth.json";

        public const string Schema = "$schema";
        public const string Catalogue = "catalogue";
        public const string ProviderCode = "providerCode";
        public const string LabelText = "labelText";
        public const string Roles = "roles";
        public const string Jurisdictions = "jurisdictions";
        public const string PublicOpinionAttributes = "publicOpinionAttributes";
        public const string AlgorithmFiling = "algorithmFiling";
        public const string FilingNumber = "number";
        public const string DisplayedAt = "displayedAt";
        public const string Complaints = "complaints";
        public const string Portal = "portal";
        public const string FeedbackDays = "feedbackDays";
        public const string UserAgreement = "userAgreement";
        public const string AgreementFile = "file";
        public const string LabelingSection = "labelingSection";
        public const string SecurityAssessments = "securityAssessments";
        public const string Scope = "scope";
        public const string Date = "date";
        public const string Reference = "reference";
        public const string LogRetentionDays = "logRetentionDays";
        public const string RumorRefutation = "rumorRefutation";
        public const string Contact = "contact";
        public const string Users = "users";
        public const string ApplicableUsers = "applicable";
        public const string Minors = "minors";

        /// <summary>The top-level keys of the manifest proper (the catalogue and $schema belong to the configuration).</summary>
        public static readonly string[] ManifestSections =
        {
            ProviderCode, LabelText, Roles, Jurisdictions, PublicOpinionAttributes, AlgorithmFiling, Complaints, UserAgreement,
            SecurityAssessments, LogRetentionDays, RumorRefutation, Users,
        };

        /// <summary>Cybersecurity Law Art. 21(3): network logs are kept at least six months.</summary>
        public const int MinimumLogRetentionDays = 180;
    }

    /// <summary>The values of the manifest's enumerations.</summary>
    internal static class ManifestValues
    {
        public const string Provider = "provider";
        public const string TechnicalSupporter = "technicalSupporter";
        public const string PropagationPlatform = "propagationPlatform";
        public static readonly string[] Roles = { Provider, TechnicalSupporter, PropagationPlatform };

        public const string China = "CN";
        public const string EuropeanUnion = "EU";
        public const string California = "US-CA";
        public static readonly string[] Jurisdictions = { China, EuropeanUnion, California };

        /// <summary>DSP Art. 15(1): models and tools that generate or edit faces, voices and other biometric information.</summary>
        public const string BiometricScope = "biometric";

        /// <summary>DSP Art. 15(2): special objects and scenes that may touch national security or the public interest.</summary>
        public const string SpecialObjectsScope = "specialObjects";

        /// <summary>DSP Art. 20: new products, applications or functions with public-opinion attributes.</summary>
        public const string PublicOpinionScope = "publicOpinion";
        public static readonly string[] AssessmentScopes = { BiometricScope, SpecialObjectsScope, PublicOpinionScope };

        public const string MinorsNotServed = "notServed";
        public const string MinorsProtected = "protected";
        public static readonly string[] MinorsPolicies = { MinorsNotServed, MinorsProtected };
    }
}
