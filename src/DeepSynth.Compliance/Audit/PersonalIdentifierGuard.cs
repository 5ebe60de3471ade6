using System;
using System.Text.RegularExpressions;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>
    /// Refuses audit fields that hold a raw mainland mobile number or resident ID number. The log references people only
    /// by pseudonym; a raw identifier slipped into a free-text field would defeat that.
    /// </summary>
    internal static class PersonalIdentifierGuard
    {
        private static readonly Regex MobileNumber = new Regex(@"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        private static readonly Regex IdentityNumber = new Regex(@"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

        public static void Check(string field, string? value)
        {
            if (value is null)
            {
                return;
            }

            if (MobileNumber.IsMatch(value) || IdentityNumber.IsMatch(value))
            {
                throw new ArgumentException(
                    $"Audit field '{field}' looks like a raw mobile or ID number. The audit log refers to people only by pseudonym; pass the user id as the user, or leave the number out.",
                    field);
            }
        }
    }
}
