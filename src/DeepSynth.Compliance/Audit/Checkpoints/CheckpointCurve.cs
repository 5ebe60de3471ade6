using System;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// The two curves checkpoints are signed on and their key encodings: a private key is the 32-byte scalar, a public key
    /// the uncompressed point (0x04 || X || Y). Point arithmetic comes from BouncyCastle because netstandard2.0's BCL
    /// cannot derive a public key from a private one.
    /// </summary>
    internal sealed class CheckpointCurve
    {
        public static readonly CheckpointCurve P256 = new CheckpointCurve("ecdsa-p256", ECNamedCurveTable.GetByName("P-256"));
        public static readonly CheckpointCurve Sm2 = new CheckpointCurve("sm2", GMNamedCurves.GetByName("SM2P256V1"));

        private CheckpointCurve(string name, X9ECParameters curve)
        {
            Name = name;
            Domain = new ECDomainParameters(curve);
        }

        /// <summary>The prefix of the key texts: "ecdsa-p256" or "sm2".</summary>
        public string Name { get; }

        public ECDomainParameters Domain { get; }

        public static CheckpointCurve ByName(string name) =>
            name == P256.Name ? P256
            : name == Sm2.Name ? Sm2
            : throw new FormatException($"Unknown checkpoint key algorithm '{name}'; use ecdsa-p256 or sm2. 未知的检查点密钥算法。");

        public byte[] NewPrivateKey()
        {
            var random = new SecureRandom();
            BigInteger d;
            do
            {
                d = new BigInteger(Domain.N.BitLength, random);
            }
            while (d.SignValue <= 0 || d.CompareTo(Domain.N) >= 0);

            return d.ToByteArrayUnsigned().PadLeft(32);
        }

        public ECPrivateKeyParameters PrivateKey(byte[] scalar)
        {
            var d = new BigInteger(1, scalar);
            if (scalar.Length != 32 || d.SignValue <= 0 || d.CompareTo(Domain.N) >= 0)
            {
                throw new FormatException($"A {Name} private key is a 32-byte scalar between 1 and the curve order. 私钥格式错误。");
            }

            return new ECPrivateKeyParameters(d, Domain);
        }

        public byte[] PublicPoint(byte[] scalar) => Domain.G.Multiply(PrivateKey(scalar).D).Normalize().GetEncoded(false);

        public ECPublicKeyParameters PublicKey(byte[] point)
        {
            try
            {
                var decoded = Domain.Curve.DecodePoint(point);
                if (point.Length != 65 || !decoded.IsValid())
                {
                    throw new FormatException("not an uncompressed point");
                }

                return new ECPublicKeyParameters(decoded, Domain);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"The {Name} public key is not a point on the curve. 公钥不在曲线上。", ex);
            }
        }
    }

    internal static class ByteArrayPadding
    {
        public static byte[] PadLeft(this byte[] bytes, int length)
        {
            if (bytes.Length >= length)
            {
                return bytes;
            }

            var padded = new byte[length];
            Buffer.BlockCopy(bytes, 0, padded, length - bytes.Length, bytes.Length);
            return padded;
        }
    }
}
