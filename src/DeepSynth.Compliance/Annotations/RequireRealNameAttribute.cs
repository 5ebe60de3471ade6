using System;

namespace DeepSynth.Compliance
{
    /// <summary>
    /// Endpoint metadata: the action, controller, hub or minimal-API handler it is applied to may be
    /// called only by users whose real identity was verified (DSP Art. 9). The analyzers treat code under
    /// it as running after real-name verification.
    /// </summary>
    /// <remarks>
    /// Matched by full name; a project may declare its own copy. In the net8.0 build it is also ASP.NET Core
    /// authorization data (policy <c>DeepSynth.RealName</c>), so MVC, minimal APIs and SignalR enforce it once
    /// <c>AddDeepSynthCompliance</c> has registered the policy.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public partial class RequireRealNameAttribute : Attribute
    {
    }
}
