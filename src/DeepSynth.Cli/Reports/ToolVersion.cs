using System.Reflection;

namespace DeepSynth.Cli.Reports
{
    /// <summary>The tool's name and version as reports state them.</summary>
    internal static class ToolVersion
    {
        public const string InformationUri = "https://github.com/deepsynth/deepsynth-analyzers";

        /// <summary>The package version without build metadata ("0.1.0", not "0.1.0+3f2a...").</summary>
        public static string Semantic { get; } =
            (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
    }
}
