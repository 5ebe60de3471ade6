using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Metadata;

/// <summary>The severity presets shipped in the package list every rule, at the severity each preset promises.</summary>
public class PresetFileTests
{
    public static TheoryData<string> Presets() => new() { "none", "default", "strict" };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_is_a_low_priority_global_config_that_sets_every_rule(string preset)
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine("src", "DeepSynth.Package", "buildTransitive", "presets", $"deepsynth.{preset}.globalconfig"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2).Select(p => p.Trim()).ToArray())
            .ToList();

        Assert.Contains(lines, l => l[0] == "is_global" && l[1] == "true");
        Assert.Contains(lines, l => l[0] == "global_level" && l[1] == "-1");
        var severities = lines.Where(l => l[0].StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .ToDictionary(l => l[0]["dotnet_diagnostic.".Length..^".severity".Length], l => l[1]);
        var expected = RuleMetadataTests.Descriptors().ToDictionary(d => d.Id, d => Expected(preset, d));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), severities.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    /// <summary>none: everything off; strict: everything an error; default: what the descriptor ships with.</summary>
    private static string Expected(string preset, DiagnosticDescriptor descriptor) => preset switch
    {
        "none" => "none",
        "strict" => "error",
        _ => descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            _ => "silent",
        },
    };
}
