using System.Collections.Generic;

namespace DeepSynth.Build
{
    /// <summary>What the build task needs from the compiler's SARIF log: the DeepSynth results and the titles of the DeepSynth rules.</summary>
    public sealed class SarifLog
    {
        public SarifLog(IReadOnlyList<SarifFinding> findings, IReadOnlyDictionary<string, string> ruleTitles, int filesWithCompileErrors = 0)
        {
            FilesWithCompileErrors = filesWithCompileErrors;
            Findings = findings;
            RuleTitles = ruleTitles;
        }

        public IReadOnlyList<SarifFinding> Findings { get; }

        /// <summary>Rule id to title, for every DeepSynth rule the compiler loaded (in the build's UI language).</summary>
        public IReadOnlyDictionary<string, string> RuleTitles { get; }

        /// <summary>Source files the compiler reported errors in (not DeepSynth's own findings): the analysis of them is incomplete.</summary>
        public int FilesWithCompileErrors { get; }
    }
}
