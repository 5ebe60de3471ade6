using System;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Signers;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The public half of a checkpoint key, as text: <c>ecdsa-p256:&lt;base64 point&gt;</c> (ECDSA P-256 with SHA-256,
    /// signatures r||s) or <c>sm2:&lt;base64 point&gt;</c> (SM2 with SM3 and the default user id, signatures DER). It is
    /// all a third party needs to check checkpoints and proofs.
    /// </summary>
    public sealed class AuditPublicKey : IEquatable<AuditPublicKey>
    {
        private static AuditPublicKey? _lastParsed;
        private readonly CheckpointCurve _curve;
        private readonly byte[] _point;

        internal AuditPublicKey(CheckpointCurve curve, byte[] point)
        {
            _curve = curve;
            _point = point;
            curve.PublicKey(point); // refuse a point off the curve now, not at the first verification
        }

        /// <summary>"ecdsa-p256" or "sm2".</summary>
        public string Algorithm => _curve.Name;

        /// <summary>The first 16 hex digits of SHA-256 of the point: a short name for logs and file names.</summary>
        public string KeyId
        {
            get
            {
                using var sha = SHA256.Create();
                return Hex.Lower(sha.ComputeHash(_point)).Substring(0, 16);
            }
        }

        /// <exception cref="FormatException">The text is not an <c>algorithm:base64</c> key on a known curve.</exception>
        public static AuditPublicKey Parse(string text)
        {
            // A checkpoint file names the same key on every line; checking the point each time would dominate verification.
            var last = _lastParsed;
            if (last is not null && string.Equals(last.ToString(), text, StringComparison.Ordinal))
            {
                return last;
            }

            return _lastParsed = ParseNew(text);
        }

        private static AuditPublicKey ParseNew(string text)
        {
            var colon = text?.IndexOf(':') ?? -1;
            if (colon <= 0)
            {
                throw new FormatException("A checkpoint public key looks like 'ecdsa-p256:BASE64' or 'sm2:BASE64'. 公钥格式应为“算法:Base64”。");
            }

            byte[] point;
            try
            {
                point = Convert.FromBase64String(text!.Substring(colon + 1).Trim());
            }
            catch (FormatException ex)
            {
                throw new FormatException("The checkpoint public key is not valid base64. 公钥不是有效的 Base64。", ex);
            }

            return new AuditPublicKey(CheckpointCurve.ByName(text.Substring(0, colon).Trim()), point);
        }

        public bool Verify(byte[] message, byte[] signature)
        {
            if (_curve == CheckpointCurve.Sm2)
            {
                var signer = new SM2Signer();
                signer.Init(false, _curve.PublicKey(_point));
                signer.BlockUpdate(message, 0, message.Length);
                return signer.VerifySignature(signature);
            }

            if (signature.Length != 64)
            {
                return false;
            }

            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Slice(_point, 1, 32), Y = Slice(_point, 33, 32) },
            });
            return ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256);
        }

        public override string ToString() => _curve.Name + ":" + Convert.ToBase64String(_point);

        public bool Equals(AuditPublicKey? other) => other is not null && ToString() == other.ToString();

        public override bool Equals(object? obj) => Equals(obj as AuditPublicKey);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

        internal static byte[] Slice(byte[] bytes, int offset, int length)
        {
            var slice = new byte[length];
            Buffer.BlockCopy(bytes, offset, slice, 0, length);
            return slice;
        }
    }
}
