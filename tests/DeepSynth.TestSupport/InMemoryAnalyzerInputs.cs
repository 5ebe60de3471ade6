using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.TestSupport;

/// <summary>An additional file (deepsynth.json, an agreement page) held in memory, for <see cref="AnalyzerRunner"/>.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

/// <summary>
/// .editorconfig options as the compiler hands them to analyzers: the same options for every file, or options for the
/// files whose path is listed (keys lower-case, as the compiler normalises them).
/// </summary>
public sealed class InMemoryAnalyzerConfigOptions(IReadOnlyDictionary<string, string> allFiles, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => new Options(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

    /// <summary>Analyzer options with these additional files and these .editorconfig options.</summary>
    public AnalyzerOptions With(params AdditionalText[] additionalFiles) => new(additionalFiles.ToImmutableArray(), this);

    private Options For(string path)
    {
        var values = allFiles.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
        if (perFile != null && perFile.TryGetValue(path, out var own))
        {
            values = values.SetItems(own);
        }

        return new Options(values);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
