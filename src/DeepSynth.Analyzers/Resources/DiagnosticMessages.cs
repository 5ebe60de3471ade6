using System.Resources;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Resources
{
    /// <summary>
    /// Access to the rule texts in DiagnosticMessages.resx (English) and DiagnosticMessages.zh-Hans.resx
    /// (Simplified Chinese). Strings stay localizable until the host formats them in the user's culture.
    /// </summary>
    internal static class DiagnosticMessages
    {
        internal static readonly ResourceManager ResourceManager =
            new ResourceManager("DeepSynth.Analyzers.Resources.DiagnosticMessages", typeof(DiagnosticMessages).Assembly);

        public static LocalizableString Get(string name, params string[] formatArguments) =>
            new LocalizableResourceString(name, ResourceManager, typeof(DiagnosticMessages), formatArguments);
    }
}
