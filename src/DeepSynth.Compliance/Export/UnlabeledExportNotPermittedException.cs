using System;

namespace DeepSynth.Compliance.Export
{
    /// <summary>Thrown when a user asks for output without the explicit label but has not accepted the labeling duty (LM Art. 9).</summary>
    public sealed class UnlabeledExportNotPermittedException : InvalidOperationException
    {
        public UnlabeledExportNotPermittedException()
            : base("Output without the explicit label may be provided only after the user agreement states the user's labeling duty and the user accepted it (Labeling Measures Art. 9). Serve the labeled version.")
        {
        }
    }
}
