namespace DeepSynth.Compliance.RealName
{
    /// <summary>How a user's real identity was verified (DSP Art. 9, Cybersecurity Law Art. 24).</summary>
    public enum RealNameMethod
    {
        /// <summary>A mobile number registered under the user's real name (手机号码).</summary>
        MobileNumber = 1,
        /// <summary>A resident identity card number (身份证件号码).</summary>
        IdentityNumber,
        /// <summary>An organisation's unified social credit code (统一社会信用代码).</summary>
        UnifiedSocialCreditCode,
        /// <summary>The national network identity authentication public service (国家网络身份认证公共服务).</summary>
        NationalNetworkIdentity,
    }
}
