using System.Collections.Immutable;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Manifest;
using DeepSynth.Manifest;

namespace DeepSynth.Analyzers.Rules
{
    /// <summary>
    /// Which flow rules apply to the project's roles (deepsynth.json <c>roles</c>; a provider when none are declared): a
    /// rule whose duty bears on some roles only (DSYN012, propagation platforms) is not reported for the others.
    /// </summary>
    internal sealed class RoleDuties
    {
        private readonly ImmutableArray<string> _roles;

        public RoleDuties(DeepSynthConfiguration configuration)
        {
            _roles = configuration.Root != null
                ? new ProjectManifest(configuration, configuration.Root).Roles
                : ImmutableArray.Create(ManifestValues.Provider);
        }

        public bool AppliesTo(string ruleId) =>
            ComplianceDuties.ForRule(ruleId) is not { Scope: DutyScope.ContentFlow } duty || duty.AppliesTo(_roles);
    }
}
