namespace DeepSynth.Compliance.Consent
{
    /// <summary>The biometric feature an edit changes (DSP Art. 14 ¶2).</summary>
    public enum BiometricKind
    {
        Face = 1,
        Voice = 2,
    }
}
