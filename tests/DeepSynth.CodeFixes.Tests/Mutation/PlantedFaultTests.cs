using System.Collections.Immutable;
using DeepSynth.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.CodeFixes.Tests.Mutation;

/// <summary>The mutation tool can fail: an analyzer or a fix that throws, or an internal-error finding, fails the variant, and the report names it.</summary>
public sealed class PlantedFaultTests
{
    [Fact]
    public async Task A_throwing_analyzer_or_fix_or_an_internal_error_fails_the_variant_and_the_report_names_it()
    {
        var plan = new VariantPlan(VariantPlan.DefaultSeed, MutationInputs.Subjects, VariantPlan.AllMutators);
        var checker = new VariantChecker([new ContentFlowAnalyzer(), new ThrowsOnEveryCompilation(), new ReportsInternalError()], [new ThrowsOnLabelFindings()]);
        var variants = Enumerable.Range(0, plan.Subjects.Length * plan.Mutators.Length)
            .Select(plan.Create)
            .Where(v => v?.Subject.Name == "shapes/Controller.cs")
            .Select(v => v!)
            .ToList();

        var results = new List<VariantResult>();
        foreach (var variant in variants)
        {
            results.Add(await checker.CheckAsync(variant));
        }

        var report = new MutationReport(plan.Seed, plan.Subjects.Length, variants.Count, [.. results], 0, TimeSpan.Zero);
        Assert.Equal(plan.Mutators.Length, report.Failed.Length);
        Assert.All(report.Failed, r => Assert.Contains(r.Failures, f => f.StartsWith("analyzer threw System.InvalidOperationException: planted analyzer fault", StringComparison.Ordinal)));
        Assert.All(report.Failed, r => Assert.Contains(r.Failures, f => f.StartsWith("internal error reported: ", StringComparison.Ordinal) && f.Contains("DSYN999", StringComparison.Ordinal)));
        Assert.Contains(report.Failed, r => r.Failures.Any(f => f.StartsWith("ThrowsOnLabelFindings threw on ", StringComparison.Ordinal) && f.Contains("planted fix fault", StringComparison.Ordinal)));
        var details = report.FailureDetails(int.MaxValue);
        Assert.All(report.Failed, r => Assert.Contains(r.Variant.Id, details, StringComparison.Ordinal));
        Assert.Contains($"DEEPSYNTH_MUTATION_SEED={plan.Seed} DEEPSYNTH_MUTATION_VARIANT={report.Failed[0].Variant.Index} dotnet test", details, StringComparison.Ordinal);
    }

#pragma warning disable RS1036, RS1037, RS1038, RS2008 // test doubles, never shipped
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowsOnEveryCompilation : DiagnosticAnalyzer
    {
        // An analyzer without a diagnostic it could report is never run at all.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            [new DiagnosticDescriptor("PLANTED", "Planted fault", "Planted fault", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true)];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(_ => throw new InvalidOperationException("planted analyzer fault"));
        }
    }

    /// <summary>An analyzer that caught its own failure still lost a member's analysis: DSYN999 fails the variant too.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ReportsInternalError : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor InternalError =
            new("DSYN999", "Planted internal error", "Planted internal error", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [InternalError];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(c => c.ReportDiagnostic(Diagnostic.Create(InternalError, Location.None)));
        }
    }
#pragma warning restore RS1036, RS1037, RS1038, RS2008

    private sealed class ThrowsOnLabelFindings : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ["DSYN001"];

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => throw new InvalidOperationException("planted fix fault");
    }
}
