using System.Text;

namespace DeepSynth.Compliance
{
    /// <summary>Lower-case hex; netstandard2.0 has no Convert.ToHexString.</summary>
    internal static class Hex
    {
        public static string Lower(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
