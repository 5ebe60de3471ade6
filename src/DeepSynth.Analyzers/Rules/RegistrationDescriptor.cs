using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// DSYN908: SDK services injected, the SDK never registered. A Warning, not Info: the app fails at run time (the first
    /// request that needs the service throws), which a build should say; it is a setup mistake, hence Configuration. It is
    /// decided once the whole compilation is seen (the registration may be in any file), so it is a compilation-end diagnostic.
    /// </summary>
    public static class RegistrationDescriptor
    {
        public const string Id = RuleIds.ComplianceNotRegistered;

        /// <summary>Property for the code fix: the SDK service the diagnostic is about ("IAigcTextLabeler").</summary>
        public const string ServiceProperty = "DeepSynth.Service";

        /// <summary>The rule table's descriptor (severity, category, compilation-end tag come from its row).</summary>
        public static readonly DiagnosticDescriptor ComplianceNotRegistered = RuleDescriptors.For(Id);
    }
}
