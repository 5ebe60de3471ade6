using System.Globalization;

namespace DeepSynth.Build
{
    /// <summary>$(DeepSynthFailOn): which open findings fail the build.</summary>
    public enum FailurePolicy
    {
        /// <summary>Report only (the local default).</summary>
        None,

        /// <summary>Open findings of severity error fail the build.</summary>
        Error,

        /// <summary>Open findings of severity warning or error fail the build (the CI default).</summary>
        Warning,
    }

    internal static class FailurePolicies
    {
        public static bool TryParse(string? value, out FailurePolicy policy)
        {
            switch ((value ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "none": policy = FailurePolicy.None; return true;
                case "error": policy = FailurePolicy.Error; return true;
                case "warning": policy = FailurePolicy.Warning; return true;
                default: policy = FailurePolicy.None; return false;
            }
        }

        public static string Name(this FailurePolicy policy) => policy.ToString().ToLower(CultureInfo.InvariantCulture);

        /// <summary>Whether an open finding of this SARIF level fails the build. Findings lowered to suggestion (note) never do.</summary>
        public static bool Fails(this FailurePolicy policy, string level) =>
            policy == FailurePolicy.Warning ? level == "warning" || level == "error" : policy == FailurePolicy.Error && level == "error";
    }
}
