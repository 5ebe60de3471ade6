using System.Collections.Immutable;
using System.Globalization;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>
/// Guarantee: the analyzers and code fixes never crash a build or an IDE on broken code. Real C# (the sample service, the
/// analyzer corpus, the fix shapes, the analyzer tests' inputs) is broken in numbered, reproducible ways (truncated,
/// tokens and lines deleted, identifiers swapped, tokens duplicated, stray punctuation, references missing) and every
/// analyzer and fix runs over each variant; any exception or internal-error diagnostic fails the test.
///
/// CI runs the first <see cref="MutationSettings.CiVariants"/> variants. The full run (docs/robustness.md):
///   DEEPSYNTH_MUTATION_VARIANTS=10000 dotnet test tests/DeepSynth.CodeFixes.Tests --filter "FullyQualifiedName~Mutation" --logger "console;verbosity=detailed"
/// A failure names its variant and the command that replays it alone (DEEPSYNTH_MUTATION_VARIANT=N), and the broken file
/// is written to mutation-failures/ in the test output folder.
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Analyzers_and_code_fixes_never_throw_on_broken_variants_of_real_code()
    {
        var settings = MutationSettings.FromEnvironment();
        var plan = new VariantPlan(settings.Seed, MutationInputs.Subjects, VariantPlan.AllMutators);
        var checker = new VariantChecker(ProductUnderTest.Analyzers(), ProductUnderTest.CodeFixes());

        var report = await MutationRun.RunAsync(plan, checker, settings.Indices);

        output.WriteLine(report.Summary());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "mutation-report.txt"), report.Summary() + "\n\nSlowest:\n" + report.Slowest(20) + "\n\n" + report.FailureDetails(int.MaxValue) + "\n");
        if (settings.IsReplay)
        {
            foreach (var result in report.Results)
            {
                output.WriteLine(result.Variant.Id);
                output.WriteLine(result.Variant.Mutation.Text);
            }
        }

        SaveFailingFiles(report);
        Assert.True(report.Failed.IsEmpty, $"{report.Summary()}\n\n{report.FailureDetails()}");
        if (!settings.IsReplay)
        {
            // A run that analysed nothing or offered no fix proves nothing: the tool itself must be working.
            Assert.True(report.Results.Length > settings.Indices.Count * 9 / 10, report.Summary());
            Assert.True(report.Results.Sum(r => r.Diagnostics) > report.Results.Length, report.Summary());
            Assert.True(report.Results.Sum(r => r.FixesOffered) > 0, report.Summary());
        }
    }

    [Fact]
    public void Every_input_kind_and_every_shipped_analyzer_and_fix_take_part()
    {
        var subjects = MutationInputs.Subjects;
        Assert.Equal(10, subjects.Count(s => s.Project.Name == "sample"));
        Assert.True(subjects.Count(s => s.Name.StartsWith("corpus/", StringComparison.Ordinal)) >= 35);
        Assert.True(subjects.Count(s => s.Name.StartsWith("shapes/", StringComparison.Ordinal)) >= 9);
        Assert.True(subjects.Count(s => s.Name.StartsWith("tests/", StringComparison.Ordinal)) >= 50);
        Assert.Contains(subjects, s => s.Project.AdditionalFiles.ContainsKey("deepsynth.json"));
        Assert.Equal(
            new[] { "surfaces/Components/Chat_razor.g.cs", "surfaces/Pages/Index.cshtml.cs", "surfaces/Pages/Index_cshtml.g.cs", "surfaces/Services/WriterService.cs", "surfaces/Steps.cs" },
            subjects.Where(s => s.Project.Name == "surfaces").Select(s => s.Name));

        Assert.Equal(new[] { "AigcMetadataAnalyzer", "ComplianceRegistrationAnalyzer", "ContentFlowAnalyzer", "LabelTextAnalyzer", "ProjectDutiesAnalyzer" }, ProductUnderTest.Analyzers().Select(a => a.GetType().Name));
        Assert.Equal(
            new[] { "ActOnStepResultFixProvider", "AddAigcLabelFixProvider", "CorrectAigcMetadataFixProvider", "CorrectLabelTextFixProvider", "InspectUploadFixProvider", "RecordGenerationFixProvider", "RegisterComplianceFixProvider", "RelabelAfterStrippingFixProvider", "RequireRealNameFixProvider", "ReviewInputFixProvider", "ReviewOutputFixProvider", "UnlabeledExportGateFixProvider", "VerifyConsentFixProvider" },
            ProductUnderTest.CodeFixes().Select(f => f.GetType().Name));
    }

    /// <summary>Unbroken, the surfaces project is analysed where it publishes (Razor output included) and without internal errors.</summary>
    [Fact]
    public async Task The_surfaces_input_reports_in_the_razor_output_and_the_services_it_stands_for()
    {
        var surfaces = MutationInputs.Subjects.First(s => s.Project.Name == "surfaces").Project;
        var compilation = await CodeFixRunner.CreateProject(surfaces.Sources, surfaces.OutputKind).GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var run = await AnalyzerRunner.RunAsync(compilation, ProductUnderTest.Analyzers());
        Assert.Empty(run.Exceptions);
        var findings = run.Diagnostics
            .Select(d => $"{Path.GetFileName(d.Location.SourceTree?.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Id}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var all = string.Join("\n", findings);
        Assert.True(!findings.Any(f => f.EndsWith("DSYN999", StringComparison.Ordinal)), all);
        Assert.All(
            new[]
            {
                "Chat_razor.g.cs:14 DSYN001",   // the answer an event handler stored, rendered
                "Chat_razor.g.cs:25 DSYN001",   // and handed to a child component
                "Chat_razor.g.cs:16 DSYN002",   // the labelled greeting of OnInitializedAsync: only real name is missing
                "Index_cshtml.g.cs:17 DSYN001", // a generated image's address in an attribute
                "WriterService.cs:11 DSYN001",  // e-mail
                "WriterService.cs:12 DSYN001",  // hub context
                "WriterService.cs:13 DSYN001",  // unary reply
                "WriterService.cs:18 DSYN004",  // a request message reaching the model unreviewed
                "WriterService.cs:20 DSYN001",  // server stream
            },
            expected => Assert.True(findings.Contains(expected), expected + " not in:\n" + all));
        Assert.All(
            new[]
            {
                "Chat_razor.g.cs:16 DSYN001",   // labelled
                "Index_cshtml.g.cs:12 DSYN001", // labelled
                "Index_cshtml.g.cs:12 DSYN002", // the page model requires real name
                "WriterService.cs:13 DSYN002",  // MapGrpcService(...).RequireRealName()
            },
            unexpected => Assert.False(findings.Contains(unexpected), unexpected + " in:\n" + all));
    }

    [Fact]
    public void A_variant_is_the_same_every_time_it_is_made_and_each_mutator_changes_something()
    {
        var plan = new VariantPlan(VariantPlan.DefaultSeed, MutationInputs.Subjects, VariantPlan.AllMutators);
        var firstRound = Enumerable.Range(0, plan.Subjects.Length * plan.Mutators.Length).ToList();

        // Made in reverse order the second time: a variant depends on its number only, not on what was made before.
        var again = firstRound.AsEnumerable().Reverse().Select(plan.Create).Reverse().ToList();
        var once = firstRound.Select(plan.Create).ToList();
        Assert.Equal(once.Select(v => (v?.Id, v?.Mutation.Text)), again.Select(v => (v?.Id, v?.Mutation.Text)));

        foreach (var mutator in plan.Mutators)
        {
            var made = once.Where(v => v != null && v.Mutator == mutator).Select(v => v!).ToList();
            Assert.True(made.Count >= plan.Subjects.Length * 9 / 10, $"{mutator.Name} made {made.Count} variants of {plan.Subjects.Length} files");
            Assert.All(made, v => Assert.True(v.Mutation.Text != v.Subject.Text || !v.Mutation.RemovedReferences.IsEmpty, v.Id));
        }
    }

    private void SaveFailingFiles(MutationReport report)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "mutation-failures");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true); // only this run's failures, never an earlier run's
        }

        if (report.Failed.IsEmpty)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        foreach (var failed in report.Failed)
        {
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"variant-{failed.Variant.Index}.cs"));
            File.WriteAllText(path, $"// {failed.Variant.Id}\n{failed.Variant.Mutation.Text}");
            output.WriteLine("broken file: " + path);
        }
    }
}
