using System;
using Microsoft.AspNetCore.Authorization;

namespace DeepSynth.Compliance
{
    public partial class RequireRealNameAttribute : IAuthorizeData
    {
        /// <summary>Always <see cref="RealNamePolicy.Name"/>; the policy is what makes the check happen.</summary>
        public string? Policy
        {
            get => RealNamePolicy.Name;
            set
            {
                if (!string.Equals(value, RealNamePolicy.Name, StringComparison.Ordinal))
                {
                    throw new NotSupportedException($"[RequireRealName] always uses the {RealNamePolicy.Name} policy; add other policies with [Authorize].");
                }
            }
        }

        /// <summary>Roles the user must also have, comma-separated; usually none.</summary>
        public string? Roles { get; set; }

        /// <summary>Authentication schemes to sign the user in with, comma-separated; the default scheme when empty.</summary>
        public string? AuthenticationSchemes { get; set; }
    }
}
