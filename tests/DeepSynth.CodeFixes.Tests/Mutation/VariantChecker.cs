using System.Collections.Concurrent;
using System.Collections.Immutable;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>What went wrong on one variant (nothing, normally) and how much of the product it exercised.</summary>
public sealed record VariantResult(Variant Variant, ImmutableArray<string> Failures, int Diagnostics, int FixesOffered, int FixAllRuns, TimeSpan Elapsed);

/// <summary>
/// Runs every analyzer over a variant as the compiler does, then every code fix as the IDE does (registration, then the
/// first offered action is applied) on each finding in the broken file or new elsewhere, and Fix All once per rule on the
/// broken file, all in a workspace of the real references. A failure is an exception from any of them, or an analyzer's
/// internal-error diagnostic (DSYN999, AD0001): either would break a user's build or light bulb. Findings the unbroken
/// project has in other files are not fixed again on every variant of it: they are the same code, fixed by the fix tests.
/// </summary>
public sealed class VariantChecker
{
    private static readonly string[] InternalErrorIds = ["DSYN999", "AD0001"];

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<CodeFixProvider> _fixes;

    /// <summary>One compiled workspace project per source project; variants change one document of it, so the references are bound once.</summary>
    private readonly ConcurrentDictionary<SourceProject, Lazy<Task<Unbroken>>> _projects = new();

    public VariantChecker(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes)
    {
        _analyzers = analyzers;
        _fixes = fixes;
    }

    public async Task<VariantResult> CheckAsync(Variant variant)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var failures = ImmutableArray.CreateBuilder<string>();
        int diagnostics = 0, offered = 0, fixAll = 0;
        try
        {
            var unbroken = await _projects.GetOrAdd(variant.Subject.Project, p => new Lazy<Task<Unbroken>>(() => UnbrokenAsync(p))).Value;
            var (project, broken) = Break(unbroken.Project, variant);
            var run = await AnalyzeAsync(project);
            diagnostics = run.Diagnostics.Length;
            failures.AddRange(run.Exceptions.Select(e => "analyzer threw " + Describe(e)));
            failures.AddRange(run.Diagnostics.Where(d => InternalErrorIds.Contains(d.Id)).Select(d => "internal error reported: " + d));
            foreach (var fix in _fixes)
            {
                var fixable = run.Diagnostics
                    .Where(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.SourceTree is { } tree && project.GetDocument(tree) != null)
                    .Where(d => d.Location.SourceTree!.FilePath == broken.FilePath || !unbroken.Findings.Contains(d.ToString()))
                    .ToImmutableArray();
                var (count, runs) = await FixAsync(project, broken, fix, fixable, failures);
                offered += count;
                fixAll += runs;
            }
        }
        catch (Exception e)
        {
            failures.Add("the run threw " + Describe(e));
        }

        return new VariantResult(variant, failures.ToImmutable(), diagnostics, offered, fixAll, stopwatch.Elapsed);
    }

    /// <summary>Each finding's first fix applied on its own, then Fix All per rule in the broken file with the first fix's equivalence key.</summary>
    private static async Task<(int Offered, int FixAllRuns)> FixAsync(
        Project project, Document broken, CodeFixProvider fix, ImmutableArray<Diagnostic> fixable, ImmutableArray<string>.Builder failures)
    {
        var runner = new CodeFixRunner(new AnalyzerRunner.NoAnalyzer(), fix);
        var offered = 0;
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var diagnostic in fixable)
        {
            try
            {
                var actions = await runner.OfferedAsync(project, diagnostic);
                if (actions.IsEmpty)
                {
                    continue;
                }

                offered++;
                if (diagnostic.Location.SourceTree!.FilePath == broken.FilePath)
                {
                    keys.TryAdd(diagnostic.Id, actions[0].EquivalenceKey ?? string.Empty);
                }

                await CodeFixRunner.ApplyAsync(project, actions[0]);
            }
            catch (Exception e)
            {
                failures.Add($"{fix.GetType().Name} threw on {diagnostic}: {Describe(e)}");
            }
        }

        foreach (var (id, key) in keys)
        {
            try
            {
                var inBrokenFile = fixable.Where(d => d.Id == id && d.Location.SourceTree!.FilePath == broken.FilePath).ToImmutableArray();
                await runner.FixAllAsync(project, inBrokenFile, key, FixAllScope.Document);
            }
            catch (Exception e)
            {
                failures.Add($"{fix.GetType().Name} Fix All ({key}) threw: {Describe(e)}");
            }
        }

        return (offered, keys.Count);
    }

    private static (Project Project, Document Broken) Break(Project project, Variant variant)
    {
        var document = project.Documents.Single(d => d.Name == variant.Subject.File);
        project = project.Solution.WithDocumentText(document.Id, SourceText.From(variant.Mutation.Text)).GetProject(project.Id)!;
        if (!variant.Mutation.RemovedReferences.IsEmpty)
        {
            var removed = variant.Mutation.RemovedReferences.ToHashSet();
            project = project.WithMetadataReferences(project.MetadataReferences.Where(r => !removed.Contains(r)));
        }

        return (project, project.GetDocument(document.Id)!);
    }

    private async Task<AnalyzerRun> AnalyzeAsync(Project project) =>
        await AnalyzerRunner.RunAsync((await project.GetCompilationAsync())!, _analyzers, project.AnalyzerOptions);

    /// <summary>The project before it is broken, compiled once (variants' compilations start from it) and analysed once.</summary>
    private async Task<Unbroken> UnbrokenAsync(SourceProject source)
    {
        var project = CodeFixRunner.CreateProject(source.Sources, source.OutputKind);
        foreach (var (path, text) in source.AdditionalFiles)
        {
            project = project.AddAdditionalDocument(Path.GetFileName(path), SourceText.From(text), filePath: "/src/" + path).Project;
        }

        if (source.MutableFiles.Length == 1)
        {
            await project.GetCompilationAsync();
            return new Unbroken(project, ImmutableHashSet<string>.Empty); // every finding is in the one file variants break
        }

        var findings = (await AnalyzeAsync(project)).Diagnostics.Select(d => d.ToString()).ToImmutableHashSet(StringComparer.Ordinal);
        return new Unbroken(project, findings);
    }

    /// <summary>The exception with the top of its stack, enough to find the line that threw.</summary>
    private static string Describe(Exception exception)
    {
        var stack = (exception.StackTrace ?? string.Empty).Split('\n').Take(8).Select(l => l.TrimEnd());
        return $"{exception.GetType().FullName}: {exception.Message}\n{string.Join("\n", stack)}";
    }

    private sealed record Unbroken(Project Project, ImmutableHashSet<string> Findings);
}
