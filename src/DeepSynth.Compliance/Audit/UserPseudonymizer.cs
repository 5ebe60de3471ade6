using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Turns user ids into stable pseudonyms with HMAC-SHA256, so audit records can be tied to a user by whoever holds the
    /// key, and to nobody else. Thread-safe.
    /// </summary>
    public sealed class UserPseudonymizer
    {
        private readonly byte[] _key;

        /// <param name="base64Key">At least 32 random bytes, base64-encoded.</param>
        public UserPseudonymizer(string base64Key)
        {
            ComplianceConfigurationException.ThrowIfAny(ValidateKey(base64Key, "Audit"));
            _key = Convert.FromBase64String(base64Key);
        }

        /// <summary>The pseudonym of <paramref name="userId"/>: "u_" and 128 bits of the keyed hash in hex.</summary>
        public string Pseudonymize(string userId)
        {
            if (string.IsNullOrEmpty(userId))
            {
                throw new ArgumentException("A user id is required.", nameof(userId));
            }

            using var hmac = new HMACSHA256(_key);
            var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes("deepsynth-user:" + userId));
            Array.Resize(ref hash, 16);
            return "u_" + Hex.Lower(hash);
        }

        internal static IEnumerable<string> ValidateKey(string? base64Key, string section)
        {
            if (string.IsNullOrWhiteSpace(base64Key))
            {
                yield return $"{section}:PseudonymKey is required: a base64 key of at least 32 bytes for pseudonymising users.";
                yield break;
            }

            byte[]? key = null;
            try
            {
                key = Convert.FromBase64String(base64Key);
            }
            catch (FormatException)
            {
            }

            if (key is null)
            {
                yield return $"{section}:PseudonymKey is not valid base64.";
            }
            else if (key.Length < 32)
            {
                yield return $"{section}:PseudonymKey has {key.Length} bytes; use at least 32 random bytes.";
            }
        }
    }
}
