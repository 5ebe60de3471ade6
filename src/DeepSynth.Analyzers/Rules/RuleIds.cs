namespace DeepSynth.Analyzers.Rules
{
    /// <summary>Every diagnostic ID the analyzers report. IDs are a public contract: never reuse one.</summary>
    public static class RuleIds
    {
        public const string UnlabeledContent = "DSYN001";
        public const string UnverifiedIdentity = "DSYN002";
        public const string UnreviewedOutput = "DSYN003";
        public const string UnreviewedInput = "DSYN004";
        public const string UnauditedGeneration = "DSYN005";

        public const string InvalidConfigurationJson = "DSYN901";
        public const string InvalidConfigurationKey = "DSYN902";
        public const string UnresolvedConfigurationMember = "DSYN903";
        public const string InvalidOption = "DSYN904";
        public const string InternalError = "DSYN999";
    }
}
