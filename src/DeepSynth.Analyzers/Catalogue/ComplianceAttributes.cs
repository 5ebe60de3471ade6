using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Catalogue
{
    /// <summary>
    /// The annotation attributes of DeepSynth.Compliance, matched by full name (namespace and type name) so that a
    /// project can declare its own copies, as with the nullable attributes.
    /// </summary>
    internal static class ComplianceAttributes
    {
        public const string Namespace = "DeepSynth.Compliance";

        /// <summary>The runtime SDK's assembly, which declares the attributes.</summary>
        public const string SdkAssemblyName = "DeepSynth.Compliance";
        public const string GeneratedContentSource = "GeneratedContentSourceAttribute";
        public const string ContentPublisher = "ContentPublisherAttribute";
        public const string AigcLabeler = "AigcLabelerAttribute";
        public const string ContentReviewer = "ContentReviewerAttribute";
        public const string IdentityVerifier = "IdentityVerifierAttribute";
        public const string SynthesisAuditor = "SynthesisAuditorAttribute";
        public const string BiometricEditor = "BiometricEditorAttribute";
        public const string ConsentVerifier = "ConsentVerifierAttribute";
        public const string RequireRealName = "RequireRealNameAttribute";

        /// <summary>The endpoint convention the SDK offers for minimal APIs, hubs and controllers.</summary>
        public const string RequireRealNameConvention = "RequireRealName";

        /// <summary>
        /// The authorization policy behind [RequireRealName] (the SDK's <c>RealNamePolicy.Name</c>): naming it in
        /// [Authorize(Policy = ...)], RequireAuthorization(...) or a global AuthorizeFilter requires real-name verification.
        /// </summary>
        public const string RealNamePolicy = "DeepSynth.RealName";

        public static bool Is(AttributeData attribute, string name) => Is(attribute.AttributeClass, name);

        public static bool Is(INamedTypeSymbol? attributeClass, string name) =>
            attributeClass != null && attributeClass.Name == name && IsComplianceNamespace(attributeClass.ContainingNamespace);

        public static bool IsComplianceNamespace(INamespaceSymbol? ns) =>
            ns is { Name: "Compliance" } && ns.ContainingNamespace is { Name: "DeepSynth" } parent && parent.ContainingNamespace is { IsGlobalNamespace: true };
    }
}
