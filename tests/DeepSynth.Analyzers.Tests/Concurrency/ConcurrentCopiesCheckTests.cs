using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using DeepSynth.TestSupport;

namespace DeepSynth.Analyzers.Tests.Concurrency;

// The analyzers below exist only to exercise the check; they are never shipped, so release tracking does not apply.
#pragma warning disable RS1036, RS2008

/// <summary>
/// The concurrent copies check that every verifier test runs: it passes an analyzer that treats copies alike, and catches
/// the three ways an analyzer's answer can change from run to run (state shared between copies, state kept between
/// compilations, diagnostics the report order cannot tell apart).
/// </summary>
public class ConcurrentCopiesCheckTests
{
    private const string Library = """
        namespace Shop.Orders;

        public class Checkout
        {
            public string Total() => {|TEST001:Format("total")|};
            private static string Format(string s) => s;
        }
        """;

    private const string Program = """
        var checkout = new Checkout();
        System.Console.WriteLine({|TEST001:Describe(checkout)|});
        static string Describe(Checkout c) => {|TEST001:c.ToString()|}!;

        public class Checkout
        {
            public override string ToString() => {|TEST001:Name()|};
            private static string Name() => "checkout";
        }
        """;

    [Fact]
    public async Task Analyzer_that_treats_copies_alike_passes_for_libraries_and_programs()
    {
        await AnalyzerVerifier<InvocationReporter>.VerifyAsync(Library);
        await AnalyzerVerifier<InvocationReporter>.VerifyProgramAsync(Program);
    }

    [Fact]
    public async Task State_shared_by_the_copies_is_caught()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AnalyzerVerifier<CountingReporter>.VerifyProgramAsync(Program));
        Assert.Contains("Copy 1 of the sources (namespace Concurrent1), analysed at the same time as the original, got other diagnostics", failure.Message);
    }

    [Fact]
    public async Task State_kept_from_one_compilation_to_the_next_is_caught()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AnalyzerVerifier<CompilationCountingReporter>.VerifyAsync(Library));
        Assert.Contains("A second analysis of the same compilation gave other diagnostics", failure.Message);
    }

    [Fact]
    public async Task Diagnostics_the_report_order_cannot_tell_apart_are_caught()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AnalyzerVerifier<TwinReporter>.VerifyAsync(Library.Replace("{|TEST001:Format(\"total\")|}", "{|TEST001:{|TEST001:Format(\"total\")|}|}")));
        Assert.Contains("Diagnostics that the SARIF order (file, line, column, rule, message) cannot tell apart", failure.Message);
    }

    [Fact]
    public async Task A_test_that_cannot_be_copied_opts_out_with_a_reason()
    {
        await AnalyzerVerifier<CountingReporter>.VerifyAsync(new[] { Library }, OutputKind.DynamicallyLinkedLibrary,
            test => test.SkipConcurrentCopies("this analyzer numbers its findings across the compilation on purpose"));
        await Assert.ThrowsAsync<ArgumentException>(() => AnalyzerVerifier<CountingReporter>.VerifyAsync(new[] { Library }, OutputKind.DynamicallyLinkedLibrary,
            test => test.SkipConcurrentCopies(" ")));
    }

    /// <summary>Reports every call to a method of the source, naming the method and where the call is.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public class InvocationReporter : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST001", "Call", "Call to '{0}' {1}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var tag = Tag();
                start.RegisterOperationAction(
                    operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        if (invocation.TargetMethod.Locations.Any(l => l.IsInSource))
                        {
                            var at = invocation.Syntax.GetLocation();
                            var where = Path.GetFileName(at.GetLineSpan().Path) + ":" + (at.GetLineSpan().StartLinePosition.Line + 1);
                            var properties = ImmutableDictionary<string, string?>.Empty.Add("Where", where);
                            var findings = Messages(invocation.TargetMethod.ToDisplayString(), where + tag).ToList();
                            for (var i = 0; i < findings.Count; i++)
                            {
                                operation.ReportDiagnostic(Diagnostic.Create(Rule, at, invocation.TargetMethod.Locations, properties.Add("Finding", i.ToString()), findings[i]));
                            }
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        /// <summary>Text added to every message of a compilation.</summary>
        protected virtual string Tag() => string.Empty;

        /// <summary>The message arguments of the findings for one call.</summary>
        protected virtual IEnumerable<object[]> Messages(string method, string where) => new[] { new object[] { method, where } };
    }

    /// <summary>Numbers its findings with a static counter: the copies get other numbers than the original.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CountingReporter : InvocationReporter
    {
        private static int s_findings;

        protected override IEnumerable<object[]> Messages(string method, string where) =>
            new[] { new object[] { method, where + " #" + Interlocked.Increment(ref s_findings) } };
    }

    /// <summary>Numbers the compilations it has seen: alike for the copies, different in the second run.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CompilationCountingReporter : InvocationReporter
    {
        private int _compilations;

        protected override string Tag() => " in compilation " + Interlocked.Increment(ref _compilations);
    }

    /// <summary>Reports each call twice with the same message (they differ in the Finding property): findings the report order cannot tell apart.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TwinReporter : InvocationReporter
    {
        protected override IEnumerable<object[]> Messages(string method, string where) =>
            new[] { new object[] { method, where }, new object[] { method, where } };
    }
}
