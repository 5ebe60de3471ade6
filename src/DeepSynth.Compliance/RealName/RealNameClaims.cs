using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>Finds the user id of a signed-in principal by the configured claim types.</summary>
    internal static class RealNameClaims
    {
        public static string? FindUserId(ClaimsPrincipal? user, IEnumerable<string> claimTypes)
        {
            if (user?.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            return claimTypes.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        }
    }
}
