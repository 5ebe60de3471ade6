using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSynth.Analyzers.Benchmarks.Measurement;

/// <summary>
/// The cheapest analyzer that asks for operations: it registers for every operation block and does nothing. Real builds
/// already pay this (the .NET SDK's own analyzers and ASP.NET Core's ask for operations), so what DeepSynth adds to them is
/// its time minus this one's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
#pragma warning disable RS1036 // A benchmark's analyzer, never shipped.
public sealed class OperationBaselineAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1036
{
    // The driver skips an analyzer that can report nothing, so it declares one diagnostic it never reports.
    private static readonly DiagnosticDescriptor Never = new("BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static ImmutableArray<DiagnosticAnalyzer> Alone { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationBaselineAnalyzer());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockAction(_ => { });
    }
}
