using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>
/// The C# inputs of the analyzer unit tests, taken from the raw string literals of their source files (read, not run):
/// the markup of Microsoft.CodeAnalysis.Testing (<c>{|DSYN001:x|}</c>, <c>[|x|]</c>) is removed, strings that are not C#
/// (manifests, agreements, HTML) are left out because they do not parse. Each snippet is compiled the way its tests do:
/// with the verifier's global usings and, when it calls them, the tests' annotated <c>Steps</c>.
/// </summary>
public static partial class TestInputHarvester
{
    private const string StepsFile = "TestSteps.cs";

    public static IEnumerable<SourceProject> Harvest(string testsDirectory)
    {
        var files = Directory.GetFiles(testsDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var steps = files.Where(f => Path.GetFileName(f) == StepsFile).SelectMany(f => CSharpSnippets(File.ReadAllText(f))).Single();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var index = 0;
            foreach (var snippet in CSharpSnippets(File.ReadAllText(file)))
            {
                index++;
                if (!seen.Add(snippet))
                {
                    continue;
                }

                var sources = new Dictionary<string, string> { ["Test.cs"] = snippet, ["GlobalUsings.cs"] = AnalyzerVerifier<AnalyzerRunner.NoAnalyzer>.GlobalUsings };
                if (snippet.Contains("Steps.", StringComparison.Ordinal) && !snippet.Contains("class Steps", StringComparison.Ordinal))
                {
                    sources["Steps.cs"] = steps;
                }

                var kind = CSharpSyntaxTree.ParseText(snippet).GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any()
                    ? OutputKind.ConsoleApplication
                    : OutputKind.DynamicallyLinkedLibrary;
                var name = $"tests/{Path.GetRelativePath(testsDirectory, file).Replace('\\', '/')}#{index}";
                yield return new SourceProject(name, sources.ToImmutableSortedDictionary(StringComparer.Ordinal), ["Test.cs"], kind, ImmutableSortedDictionary<string, string>.Empty);
            }
        }
    }

    /// <summary>The raw strings of a test file that, without their markup, are C# that parses.</summary>
    private static IEnumerable<string> CSharpSnippets(string testFile) =>
        CSharpSyntaxTree.ParseText(testFile).GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            .Select(t => WithoutMarkup(t.ValueText))
            .Where(IsCSharp);

    private static string WithoutMarkup(string text) => MarkupOpen().Replace(text, string.Empty).Replace("|}", string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty);

    private static bool IsCSharp(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));
        return ((CompilationUnitSyntax)tree.GetRoot()).Members.Count > 0
            && !tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>The opening of a markup span: <c>{|DSYN001:</c> or <c>{|#0:</c>.</summary>
    [GeneratedRegex(@"\{\|[^:{}|\s]*:")]
    private static partial Regex MarkupOpen();
}
