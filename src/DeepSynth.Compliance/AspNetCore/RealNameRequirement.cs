using Microsoft.AspNetCore.Authorization;

namespace DeepSynth.Compliance.AspNetCore
{
    /// <summary>The user's real identity is verified (DSP Art. 9).</summary>
    public sealed class RealNameRequirement : IAuthorizationRequirement
    {
    }
}
