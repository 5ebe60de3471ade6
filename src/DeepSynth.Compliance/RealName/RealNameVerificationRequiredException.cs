using System;

namespace DeepSynth.Compliance.RealName
{
    /// <summary>Thrown when a user without verified real identity reaches a publishing step (DSP Art. 9).</summary>
    public sealed class RealNameVerificationRequiredException : UnauthorizedAccessException
    {
        public RealNameVerificationRequiredException(RealNameVerification verification)
            : base($"Real-name verification is required before this service publishes information for the user (DSP Art. 9): {verification?.Reason ?? "not verified"}.")
        {
            Verification = verification ?? throw new ArgumentNullException(nameof(verification));
        }

        public RealNameVerification Verification { get; }
    }
}
