using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>
/// Every fix on every shape of code it must handle (controllers, minimal APIs, method groups, hubs, middleware, streaming,
/// services): Fix All per rule, in the order a developer would go; after each step the project compiles against the real
/// packages, the rule's findings are gone and no other finding appeared. The final file is a reviewed snapshot.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class FixShapeTests
{
    /// <summary>Inputs before outputs: review the input, require real name, review and record the output, then label it.</summary>
    internal static readonly (string Rule, string Key, CodeFixProvider Fixer)[] Steps =
    {
        ("DSYN004", "DSYN004.Review", new ReviewInputFixProvider()),
        ("DSYN002", "DSYN002.Endpoint", new RequireRealNameFixProvider()),
        ("DSYN002", "DSYN002.Verify", new RequireRealNameFixProvider()),
        ("DSYN003", "DSYN003.Review", new ReviewOutputFixProvider()),
        ("DSYN005", "DSYN005.Record", new RecordGenerationFixProvider()),
        ("DSYN001", "DSYN001.Label", new AddAigcLabelFixProvider()),
        ("DSYN006", "DSYN006.Consent", new VerifyConsentFixProvider()),
        ("DSYN008", "DSYN008.Act", new ActOnStepResultFixProvider()),
        ("DSYN007", RelabelAfterStrippingFixProvider.EquivalenceKey, new RelabelAfterStrippingFixProvider()),
        ("DSYN009", UnlabeledExportGateFixProvider.EquivalenceKey, new UnlabeledExportGateFixProvider()),
        ("DSYN012", InspectUploadFixProvider.EquivalenceKey, new InspectUploadFixProvider()),
    };

    /// <summary>Every rule's Fix All, in the developer's order (<see cref="Steps"/>).</summary>
    internal static async Task<Project> ApplyEveryFixAsync(Project project)
    {
        foreach (var (rule, key, fixer) in Steps)
        {
            project = await new CodeFixRunner(new ContentFlowAnalyzer(), fixer).FixAllAsync(project, rule, key);
        }

        return project;
    }

    /// <param name="shape">The file under Shapes/.</param>
    /// <param name="leftByDesign">Findings no fix can address there (none today; the list is checked exactly).</param>
    [Theory]
    [InlineData("Controller", "")]
    [InlineData("ControllerWithConstructor", "")]
    [InlineData("MinimalApiLambda", "")]
    [InlineData("MethodGroupHandler", "")]
    [InlineData("SignalRHub", "")]
    [InlineData("Middleware", "")]
    [InlineData("StreamingEndpoint", "")]
    [InlineData("ServiceWithPrimaryConstructor", "")]
    [InlineData("ReturnedStream", "")]
    [InlineData("AnonymousMembers", "")]
    [InlineData("ArgumentsAndRecords", "")]
    [InlineData("Initializers", "")]
    [InlineData("Interpolation", "")]
    [InlineData("LocalIterator", "")]
    [InlineData("LambdaAndLocalFunction", "")]
    [InlineData("StaticClassHandlers", "")]
    [InlineData("CollectionInLoop", "")]
    [InlineData("MiddlewareClass", "")]
    [InlineData("InputShapes", "")]
    // The DTO the service filled in is reviewed and recorded whole at the controller, and labeled where the service
    // puts each generated text in (DSYN001's Fix All edits the service's file too); the user's SKU stays unlabeled.
    [InlineData("ServiceDto", "")]
    [InlineData("TextFrames", "DSYN001")]
    [InlineData("StoredDrafts", "")]
    // A generated image saved under the web root (static files serve it): labeled, reviewed and recorded before the write.
    [InlineData("PublicImageFile", "")]
    // Records and a class read back from a store: only the members that hold generated text are labeled (a record is copied).
    [InlineData("StoredRecords", "")]
    // The channel a streaming hub method returns, fed by a Task.Run producer, is found since the producer's writes flow
    // back; no fix labels, reviews or records tokens written into a channel yet (the notice would have to go in first).
    [InlineData("HubChannelAndTypedLambda", "DSYN001,DSYN003,DSYN005")]
    public async Task All_fixes_make_the_shape_compliant_and_it_still_compiles(string shape, string leftByDesign)
    {
        var (project, documentName) = await ShapeProjectAsync(shape);
        var initial = await new CodeFixRunner(new ContentFlowAnalyzer(), Steps[0].Fixer).AnalyzeAsync(project);
        Assert.NotEmpty(initial.Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)));
        var compilerWarnings = CompilerWarnings(await project.GetCompilationAsync());

        foreach (var (rule, key, fixer) in Steps)
        {
            var runner = new CodeFixRunner(new ContentFlowAnalyzer(), fixer);
            var before = Count(await runner.AnalyzeAsync(project));
            project = await runner.FixAllAsync(project, rule, key);
            var compilation = await project.GetCompilationAsync();
            var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"after {key} on {shape}:\n" + string.Join("\n", errors) + "\n" +
                (await project.Documents.Single(d => d.Name == documentName).GetTextAsync()));
            // No new compiler warning either (CS8604 for a nullable input, CS8425 for an iterator's token).
            var warnings = CompilerWarnings(compilation);
            Assert.True(warnings.Count <= compilerWarnings.Count, $"after {key} on {shape}: new compiler warnings:\n" + string.Join("\n", warnings.Except(compilerWarnings)));
            var after = Count(await runner.AnalyzeAsync(project));
            foreach (var (id, count) in after)
            {
                Assert.True(count <= before.GetValueOrDefault(id), $"{key} on {shape} added {id}: {before.GetValueOrDefault(id)} -> {count}");
            }
        }

        var fixedText = (await project.Documents.Single(d => d.Name == documentName).GetTextAsync()).ToString();
        var remaining = (await new CodeFixRunner(new ContentFlowAnalyzer(), Steps[0].Fixer).AnalyzeAsync(project))
            .Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).ToList();
        Assert.True(
            string.Join(",", remaining.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal)) == leftByDesign,
            string.Join("\n", remaining.Select(d => d.ToString())) + "\n" + fixedText);

        using (ApprovalResults.ForScenario(shape))
        {
            Approvals.Verify(fixedText);
        }
    }

    [Fact]
    public async Task Verify_at_start_variant_injects_the_gate_into_the_handler()
    {
        var (project, documentName) = await ShapeProjectAsync("MinimalApiLambda");
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new RequireRealNameFixProvider());
        project = await runner.FixAllAsync(project, "DSYN002", "DSYN002.Verify");

        var after = await runner.AnalyzeAsync(project);
        Assert.DoesNotContain(after, d => d.Id == "DSYN002");
        var text = (await project.Documents.Single(d => d.Name == documentName).GetTextAsync()).ToString();
        Assert.Contains("await realName.EnsureVerifiedAsync(user", text);
        Assert.Contains("ClaimsPrincipal user", text);
    }

    [Fact]
    public async Task Fixes_are_offered_only_where_they_can_be_made()
    {
        // A helper constructed with `new` cannot take services through its constructor: no fix is offered there.
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string>
        {
            ["Helper.cs"] = """
                using DeepSynth.Compliance;
                public class Composer
                {
                    [GeneratedContentSource] public string Compose() => "generated";
                    [ContentPublisher] public void Post(string text) { }
                    public void Run() => Post(Compose());
                }
                public static class Factory { public static Composer Create() => new Composer(); }
                """,
            ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings,
        });
        var runner = new CodeFixRunner(new ContentFlowAnalyzer(), new RecordGenerationFixProvider());
        var diagnostic = (await runner.AnalyzeAsync(project)).Single(d => d.Id == "DSYN005");

        Assert.Empty(await runner.OfferedAsync(project, diagnostic));
    }

    private static async Task<(Project Project, string DocumentName)> ShapeProjectAsync(string shape)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Shapes", shape + ".cs");
        var source = await File.ReadAllTextAsync(path);
        var kind = source.StartsWith("// kind: program", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string>
        {
            [shape + ".cs"] = source,
            ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings,
        }, kind);
        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        return (project, shape + ".cs");
    }

    private static List<string> CompilerWarnings(Compilation? compilation) =>
        compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Id is not ("CS1701" or "CS1702"))
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static Dictionary<string, int> Count(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("DSYN", StringComparison.Ordinal)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
}
