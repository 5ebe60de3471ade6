using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Corpus.Tests.Evaluation;

/// <summary>A finding the analyzer reported, with its message.</summary>
public sealed record Reported(Finding Finding, string Message);

/// <summary>What happened to one case file: compile errors, analyzer failures and the DSYN findings it reported.</summary>
public sealed record CaseResult(
    CorpusCase Case,
    ImmutableArray<string> CompileErrors,
    ImmutableArray<string> AnalyzerFailures,
    ImmutableArray<Reported> Actual,
    ImmutableArray<string> OtherDiagnostics,
    TimeSpan Elapsed);

/// <summary>Compiles every case on its own (plus the Web SDK's implicit global usings) and runs the analyzer on it.</summary>
public static class CorpusRunner
{
    /// <summary>The implicit global usings of a project on Microsoft.NET.Sdk.Web.</summary>
    public const string WebSdkGlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    public static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "Cases");

    /// <summary>Held-out cases of helpers (written before their rules were tuned): scored apart, reported, not part of the bar.</summary>
    public static string HeldOutDirectory => Path.Combine(AppContext.BaseDirectory, "HeldOut");

    public static IReadOnlyList<CorpusCase> LoadCases() => LoadCases(CasesDirectory);

    public static IReadOnlyList<CorpusCase> LoadCases(string directory) =>
        Directory.GetFiles(directory, "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(CorpusCase.Load)
            .ToList();

    /// <summary>A first or second line "// deepsynth.json: {...}" gives the case that configuration file.</summary>
    private static AnalyzerOptions? ConfigurationOf(CorpusCase corpusCase)
    {
        const string Marker = "// deepsynth.json:";
        var line = corpusCase.Text.Split('\n').Take(2).FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        return line == null
            ? null
            : new AnalyzerOptions([new InMemoryAdditionalText("/corpus/deepsynth.json", line.Substring(Marker.Length).Trim())]);
    }

    public static CSharpCompilation Compile(CorpusCase corpusCase)
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(corpusCase.Text, parseOptions, path: corpusCase.Name),
            CSharpSyntaxTree.ParseText(WebSdkGlobalUsings, parseOptions, path: "GlobalUsings.g.cs"),
        };
        var options = new CSharpCompilationOptions(corpusCase.OutputKind, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Preview APIs real projects opt into (Responses API, experimental Microsoft.Extensions.AI and Semantic Kernel members).
                ["OPENAI001"] = ReportDiagnostic.Suppress,
                ["MEAI001"] = ReportDiagnostic.Suppress,
                ["SKEXP0001"] = ReportDiagnostic.Suppress,
                ["SKEXP0010"] = ReportDiagnostic.Suppress,
            });
        var assemblyName = "Corpus_" + Path.GetFileNameWithoutExtension(corpusCase.Name).Replace('-', '_');
        return CSharpCompilation.Create(assemblyName, trees, TestReferences.All, options);
    }

    public static Task<ImmutableArray<CaseResult>> RunAllAsync() => RunAllAsync(CasesDirectory);

    public static async Task<ImmutableArray<CaseResult>> RunAllAsync(string directory)
    {
        var cases = LoadCases(directory);
        _ = TestReferences.All; // load the references once, before the parallel part
        var results = new ConcurrentBag<CaseResult>();
        await Parallel.ForEachAsync(
            cases,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) },
            async (corpusCase, _) => results.Add(await RunAsync(corpusCase)));
        return results.OrderBy(r => r.Case.Name, StringComparer.Ordinal).ToImmutableArray();
    }

    public static async Task<CaseResult> RunAsync(CorpusCase corpusCase)
    {
        var stopwatch = Stopwatch.StartNew();
        var compilation = Compile(corpusCase);
        var compileErrors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .ToImmutableArray();

        var failures = ImmutableArray.CreateBuilder<string>();
        var actual = ImmutableArray.CreateBuilder<Reported>();
        var other = ImmutableArray.CreateBuilder<string>();
        AnalyzerRun run;
        try
        {
            run = await AnalyzerRunner.RunAsync(compilation, [new ContentFlowAnalyzer(), new LabelTextAnalyzer(), new AigcMetadataAnalyzer()], ConfigurationOf(corpusCase));
        }
        catch (Exception e)
        {
            failures.Add($"{corpusCase.Name}: the analyzer run threw {e.GetType().Name}: {e.Message}");
            return new CaseResult(corpusCase, compileErrors, failures.ToImmutable(), actual.ToImmutable(), other.ToImmutable(), stopwatch.Elapsed);
        }

        foreach (var exception in run.Exceptions)
        {
            failures.Add($"{corpusCase.Name}: analyzer exception {exception.GetType().Name}: {exception.Message}");
        }

        foreach (var diagnostic in run.Diagnostics)
        {
            if (diagnostic.Id == "AD0001" || diagnostic.Id == "DSYN999")
            {
                failures.Add(Describe(diagnostic));
                continue;
            }

            if (!CorpusRules.Evaluated.Contains(diagnostic.Id))
            {
                other.Add(Describe(diagnostic));
                continue;
            }

            var span = diagnostic.Location.GetLineSpan();
            if (!diagnostic.Location.IsInSource || !string.Equals(span.Path, corpusCase.Name, StringComparison.Ordinal))
            {
                // Counted as a false positive at line 0 so it shows in the report.
                actual.Add(new Reported(new Finding(corpusCase.Name, 0, diagnostic.Id), Describe(diagnostic)));
                continue;
            }

            actual.Add(new Reported(new Finding(corpusCase.Name, span.StartLinePosition.Line + 1, diagnostic.Id), diagnostic.GetMessage()));
        }

        return new CaseResult(corpusCase, compileErrors, failures.ToImmutable(), actual.ToImmutable(), other.ToImmutable(), stopwatch.Elapsed);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location.IsInSource ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}" : "(no location)";
        return $"{where}: {diagnostic.Id}: {diagnostic.GetMessage()}";
    }
}
