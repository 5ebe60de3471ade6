using System.Collections.Generic;
using System.Security.Claims;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>How the real-name gate finds the user id.</summary>
    public sealed class RealNameOptions
    {
        /// <summary>Claim types tried in order for the user id. Default: name identifier, then "sub".</summary>
        public IList<string> UserIdClaimTypes { get; set; } = new List<string> { ClaimTypes.NameIdentifier, "sub" };

        internal IEnumerable<string> Validate()
        {
            if (UserIdClaimTypes is null || UserIdClaimTypes.Count == 0)
            {
                yield return "RealName:UserIdClaimTypes must name at least one claim type.";
            }
        }
    }
}
