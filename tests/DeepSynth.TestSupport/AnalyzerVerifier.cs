using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using DeepSynth.TestSupport.Concurrency;

namespace DeepSynth.TestSupport;

/// <summary>
/// Runs an analyzer over test sources compiled against the real packages (see <see cref="TestReferences"/>).
/// Sources use the Microsoft.CodeAnalysis.Testing markup: <c>{|DSYN001:expr|}</c>, or <c>{|#0:expr|}</c> with explicit results.
/// Every test also checks that renamed copies of its sources, analysed at the same time, get the same diagnostics
/// (<see cref="AnalyzerTestWithConcurrentCopies{TAnalyzer}"/>).
/// </summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Usings every test source gets, so tests show only what matters.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Text;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using DeepSynth.Compliance;
        global using Microsoft.AspNetCore.Authorization;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.SignalR;
        global using Microsoft.Extensions.AI;
        """;

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(new[] { source }, OutputKind.DynamicallyLinkedLibrary, null, expected);

    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(new[] { source }, OutputKind.ConsoleApplication, null, expected);

    public static async Task VerifyAsync(IReadOnlyList<string> sources, OutputKind outputKind, Action<AnalyzerTestWithConcurrentCopies<TAnalyzer>>? configure, params DiagnosticResult[] expected)
    {
        var test = Create(sources, outputKind);
        test.ExpectedDiagnostics.AddRange(expected);
        configure?.Invoke(test);
        await test.RunAsync();
    }

    public static AnalyzerTestWithConcurrentCopies<TAnalyzer> Create(IReadOnlyList<string> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var test = new AnalyzerTestWithConcurrentCopies<TAnalyzer>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.OutputKind = outputKind;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        for (var i = 0; i < sources.Count; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        test.TestState.Sources.Add(("/0/GlobalUsings.cs", GlobalUsings));
        return test;
    }
}
