namespace DeepSynth.Compliance
{
    /// <summary>The ASP.NET Core authorization policy behind <see cref="RequireRealNameAttribute"/>.</summary>
    public static class RealNamePolicy
    {
        /// <summary>The policy name, <c>DeepSynth.RealName</c>.</summary>
        public const string Name = "DeepSynth.RealName";

        /// <summary>The problem type of the 403 response.</summary>
        public const string ProblemType = "urn:deepsynth:problem:real-name-verification-required";
    }
}
