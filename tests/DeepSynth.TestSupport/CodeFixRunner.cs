using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.TestSupport;

/// <summary>
/// Applies code fixes the way an IDE or `dotnet format` does, in a real workspace whose project references the real
/// packages: one fix for one diagnostic, or Fix All over a document or the whole project.
/// </summary>
public sealed class CodeFixRunner
{
    private readonly DiagnosticAnalyzer _analyzer;
    private readonly CodeFixProvider _fixer;

    public CodeFixRunner(DiagnosticAnalyzer analyzer, CodeFixProvider fixer)
    {
        _analyzer = analyzer;
        _fixer = fixer;
    }

    public static Project CreateProject(IReadOnlyDictionary<string, string> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Fixed", "Fixed", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.All));
        foreach (var source in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), source.Key, SourceText.From(source.Value), filePath: "/src/" + source.Key);
        }

        return solution.GetProject(projectId)!;
    }

    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        // The project's additional files (deepsynth.json) reach the analyzer as they would in a build.
        var additional = new List<AdditionalText>();
        foreach (var document in project.AdditionalDocuments)
        {
            additional.Add(new InMemoryAdditionalText(document.FilePath ?? document.Name, (await document.GetTextAsync()).ToString()));
        }

        var options = additional.Count == 0 ? null : new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(additional.ToImmutableArray());
        var run = await AnalyzerRunner.RunAsync(compilation!, new[] { _analyzer }, options);
        if (!run.Exceptions.IsEmpty)
        {
            throw new InvalidOperationException("The analyzer threw: " + run.Exceptions[0]);
        }

        return run.Diagnostics;
    }

    /// <summary>The titles and equivalence keys of the fixes offered for a diagnostic.</summary>
    public async Task<ImmutableArray<CodeAction>> OfferedAsync(Project project, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree!)!;
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await _fixer.RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    /// <summary>Fix All in the given scope for one rule and one fix variant; returns the changed project.</summary>
    public async Task<Project> FixAllAsync(Project project, string diagnosticId, string equivalenceKey, FixAllScope scope = FixAllScope.Project)
    {
        var diagnostics = (await AnalyzeAsync(project)).Where(d => d.Id == diagnosticId).ToImmutableArray();
        return await FixAllAsync(project, diagnostics, equivalenceKey, scope);
    }

    /// <summary>Fix All for diagnostics of one rule that are already known (the project is not analysed again).</summary>
    public async Task<Project> FixAllAsync(Project project, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, FixAllScope scope = FixAllScope.Project)
    {
        if (diagnostics.IsEmpty)
        {
            return project;
        }

        var document = project.GetDocument(diagnostics[0].Location.SourceTree!)!;
        var context = new FixAllContext(document, _fixer, scope, equivalenceKey, new[] { diagnostics[0].Id }, new Diagnostics(diagnostics, project), CancellationToken.None);
        var action = await _fixer.GetFixAllProvider()!.GetFixAsync(context);
        if (action == null)
        {
            return project;
        }

        return await ApplyAsync(project, action);
    }

    public static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
            {
                return apply.ChangedSolution.GetProject(project.Id)!;
            }
        }

        return project;
    }

    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;
        private readonly Project _project;

        public Diagnostics(ImmutableArray<Diagnostic> diagnostics, Project project)
        {
            _diagnostics = diagnostics;
            _project = project;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
