using System;
using System.Security.Cryptography;

namespace DeepSynth.Compliance.Metadata
{
    /// <summary>Unique content numbers for <c>ProduceID</c> and <c>PropagateID</c>.</summary>
    public static class ContentId
    {
        /// <summary>
        /// A new ID: UTC time to the second (so IDs sort and say when the content was made) and 80 random
        /// bits (so two servers never collide), e.g. <c>20260901T080000Z-3f9a0c...</c>.
        /// </summary>
        public static string New(TimeProvider? time = null)
        {
            var now = (time ?? TimeProvider.System).GetUtcNow();
            var random = new byte[10];
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(random);
            }

            return now.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + Hex.Lower(random);
        }
    }
}
