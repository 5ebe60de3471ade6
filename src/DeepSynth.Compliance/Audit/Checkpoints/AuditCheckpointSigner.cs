using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The key a service signs its audit checkpoints with. Its text form, <c>ecdsa-p256-private:&lt;base64&gt;</c> or
    /// <c>sm2-private:&lt;base64&gt;</c> (the 32-byte scalar), belongs in a secret store like the pseudonym key; publish
    /// <see cref="PublicKey"/> to whoever checks the log. Thread-safe.
    /// </summary>
    public sealed class AuditCheckpointSigner
    {
        private const string PrivateSuffix = "-private";
        private readonly CheckpointCurve _curve;
        private readonly byte[] _scalar;
        private readonly byte[] _point;

        private AuditCheckpointSigner(CheckpointCurve curve, byte[] scalar)
        {
            _curve = curve;
            _scalar = scalar;
            _point = curve.PublicPoint(scalar); // once: a managed scalar multiplication costs milliseconds
            PublicKey = new AuditPublicKey(curve, _point);
        }

        public AuditPublicKey PublicKey { get; }

        /// <summary>A new random key: <paramref name="algorithm"/> is "ecdsa-p256" (ECDSA from the BCL) or "sm2" (SM2/SM3, BouncyCastle).</summary>
        public static AuditCheckpointSigner Generate(string algorithm = "ecdsa-p256")
        {
            var curve = CheckpointCurve.ByName(algorithm);
            return new AuditCheckpointSigner(curve, curve.NewPrivateKey());
        }

        /// <exception cref="FormatException">Not a private key text this class wrote.</exception>
        public static AuditCheckpointSigner Parse(string privateKey)
        {
            var colon = privateKey?.IndexOf(':') ?? -1;
            var name = colon > 0 ? privateKey!.Substring(0, colon).Trim() : string.Empty;
            if (!name.EndsWith(PrivateSuffix, StringComparison.Ordinal))
            {
                throw new FormatException("A checkpoint private key looks like 'ecdsa-p256-private:BASE64' or 'sm2-private:BASE64'. 私钥格式应为“算法-private:Base64”。");
            }

            var curve = CheckpointCurve.ByName(name.Substring(0, name.Length - PrivateSuffix.Length));
            try
            {
                return new AuditCheckpointSigner(curve, Convert.FromBase64String(privateKey!.Substring(colon + 1).Trim()));
            }
            catch (FormatException ex) when (ex.InnerException is null)
            {
                throw new FormatException("The checkpoint private key is not valid base64 or not a key on its curve. 私钥无效。", ex);
            }
        }

        /// <summary>The private key as text, for the secret store.</summary>
        public string ExportPrivateKey() => _curve.Name + PrivateSuffix + ":" + Convert.ToBase64String(_scalar);

        internal byte[] Sign(byte[] message)
        {
            if (_curve == CheckpointCurve.Sm2)
            {
                var signer = new SM2Signer();
                signer.Init(true, new ParametersWithRandom(_curve.PrivateKey(_scalar), new SecureRandom()));
                signer.BlockUpdate(message, 0, message.Length);
                return signer.GenerateSignature();
            }

            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = _scalar,
                Q = new ECPoint { X = AuditPublicKey.Slice(_point, 1, 32), Y = AuditPublicKey.Slice(_point, 33, 32) },
            });
            return ecdsa.SignData(message, HashAlgorithmName.SHA256);
        }
    }
}
