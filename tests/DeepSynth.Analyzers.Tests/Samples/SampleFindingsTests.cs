using System.Globalization;
using ApprovalTests;
using ApprovalTests.Reporters;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Tests.Samples;

/// <summary>
/// The bundled sample's findings, as a reviewed snapshot (SampleFindingsTests.*.approved.txt): every deliberately
/// non-compliant path is reported as its comment says, and nothing on the compliant paths.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class SampleFindingsTests
{
    [Fact]
    public async Task ChatService_findings_match_the_approved_list()
    {
        var sampleDirectory = RepositoryPaths.Combine("samples", "ChatService");
        var files = Directory.GetFiles(sampleDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var trees = files.Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: Path.GetRelativePath(sampleDirectory, f).Replace('\\', '/')))
            .Append(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(WebSdk.ImplicitUsings, path: "ImplicitUsings.g.cs"));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("ChatService", trees, TestReferences.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = await AnalyzerRunner.RunAsync(compilation, new[] { new ContentFlowAnalyzer() });

        Assert.Empty(run.Exceptions);
        Approvals.Verify(Format(run.Diagnostics));
    }

    /// <summary>One line per finding, in a stable order, with where the content came from.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var where = $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
                var also = d.AdditionalLocations.Select(l => $"{l.GetLineSpan().Path}:{l.GetLineSpan().StartLinePosition.Line + 1}");
                return $"{where}: {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)} [also: {string.Join(", ", also)}]";
            })) + "\n";
}
