namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>A service of the compliance SDK that fixes take from dependency injection.</summary>
    internal sealed class ComplianceService
    {
        public static readonly ComplianceService TextLabeler = new ComplianceService("DeepSynth.Compliance.Labeling", "IAigcTextLabeler", "label");
        public static readonly ComplianceService FileLabeler = new ComplianceService("DeepSynth.Compliance.Metadata", "IAigcFileLabeler", "fileLabeler");
        public static readonly ComplianceService Reviewer = new ComplianceService("DeepSynth.Compliance.Review", "IContentReviewer", "review");
        public static readonly ComplianceService AuditLog = new ComplianceService("DeepSynth.Compliance.Audit", "ISynthesisAuditLog", "audit");
        public static readonly ComplianceService RealNameGate = new ComplianceService("DeepSynth.Compliance.RealName", "IRealNameGate", "realName");
        public static readonly ComplianceService ConsentVerifier = new ComplianceService("DeepSynth.Compliance.Consent", "IBiometricConsentVerifier", "consent");
        public static readonly ComplianceService UnlabeledExportGate = new ComplianceService("DeepSynth.Compliance.Export", "IUnlabeledExportGate", "exportGate");
        public static readonly ComplianceService PropagationInspector = new ComplianceService("DeepSynth.Compliance.Propagation", "IPropagationInspector", "inspector");

        private ComplianceService(string @namespace, string typeName, string variableName)
        {
            Namespace = @namespace;
            TypeName = typeName;
            VariableName = variableName;
        }

        public string Namespace { get; }

        public string TypeName { get; }

        /// <summary>The name a developer would give a parameter of this type ("label"); fields get an underscore.</summary>
        public string VariableName { get; }

        public string MetadataName => Namespace + "." + TypeName;
    }
}
