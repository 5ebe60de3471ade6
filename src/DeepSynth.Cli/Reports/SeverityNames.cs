using System;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Cli.Reports
{
    /// <summary>Severity names as the CLI and SARIF spell them (SARIF's "note" is Roslyn's Info).</summary>
    internal static class SeverityNames
    {
        public static readonly string[] FailOnChoices = { "error", "warning", "note", "never" };

        public static string Of(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        /// <summary>The threshold of --fail-on; null for "never".</summary>
        public static DiagnosticSeverity? Threshold(string choice) => choice.ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "note" => DiagnosticSeverity.Info,
            "never" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "not a --fail-on value"),
        };
    }
}
