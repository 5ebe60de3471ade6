using DeepSynth.Compliance.Metadata;

namespace DeepSynth.Cli.Labels
{
    /// <summary>One file <c>deepsynth verify</c> looked at: its path as given and relative, and what the inspector found.</summary>
    internal sealed class VerifiedFile
    {
        public VerifiedFile(string path, string displayPath, AigcInspection? inspection, string? readError)
        {
            Path = path;
            DisplayPath = displayPath;
            Inspection = inspection;
            ReadError = readError;
        }

        public string Path { get; }

        /// <summary>Relative to the working folder, with forward slashes, as reports show it.</summary>
        public string DisplayPath { get; }

        /// <summary><c>null</c> when the file could not be read at all.</summary>
        public AigcInspection? Inspection { get; }

        public string? ReadError { get; }

        public AigcVerdict Verdict => Inspection?.Verdict ?? AigcVerdict.Inconclusive;

        /// <summary>Why the file could not be checked, for an inconclusive verdict.</summary>
        public string? Reason => ReadError
            ?? (Inspection is { IsIdentified: false } ? "format not identified (格式无法识别)" : Inspection?.ContainerError);
    }
}
