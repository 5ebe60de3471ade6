using System;
using System.Collections.Generic;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>What the app knows about a user's real-name verification. Carries no phone or ID number, only how and when.</summary>
    public sealed class RealNameVerification
    {
        private RealNameVerification(string userId, bool isVerified, IReadOnlyList<RealNameMethod> methods, DateTimeOffset? verifiedAt, string? reason)
        {
            UserId = userId;
            IsVerified = isVerified;
            Methods = methods;
            VerifiedAt = verifiedAt;
            Reason = reason;
        }

        public string UserId { get; }

        public bool IsVerified { get; }

        /// <summary>The methods that verified the user (empty when not verified).</summary>
        public IReadOnlyList<RealNameMethod> Methods { get; }

        public DateTimeOffset? VerifiedAt { get; }

        /// <summary>Why the user is not verified, for logs and the 403 response.</summary>
        public string? Reason { get; }

        public static RealNameVerification Verified(string userId, DateTimeOffset verifiedAt, params RealNameMethod[] methods)
        {
            if (string.IsNullOrEmpty(userId))
            {
                throw new ArgumentException("A user id is required.", nameof(userId));
            }

            if (methods is null || methods.Length == 0)
            {
                throw new ArgumentException("Say how the identity was verified (mobile number, ID number, unified social credit code or national network identity).", nameof(methods));
            }

            return new RealNameVerification(userId, true, methods, verifiedAt, null);
        }

        public static RealNameVerification NotVerified(string userId, string reason) =>
            new RealNameVerification(userId ?? string.Empty, false, Array.Empty<RealNameMethod>(), null, reason);
    }
}
