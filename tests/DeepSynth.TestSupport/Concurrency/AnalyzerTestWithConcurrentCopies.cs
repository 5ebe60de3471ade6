using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DeepSynth.TestSupport.Concurrency;

/// <summary>
/// An analyzer test that, once the expected diagnostics are verified, analyses the same project again with renamed
/// copies of its sources at the same time (<see cref="ConcurrentCopiesCheck"/>). Every test through
/// <see cref="AnalyzerVerifier{TAnalyzer}"/> gets the check; a test whose input cannot be copied meaningfully opts out
/// with <see cref="SkipConcurrentCopies"/> and says why.
/// </summary>
public sealed class AnalyzerTestWithConcurrentCopies<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private Project? _verifiedProject;

    /// <summary>Why this test skips the concurrent copies check, or null when it runs it.</summary>
    public string? ConcurrentCopiesSkippedBecause { get; private set; }

    /// <summary>Skips the concurrent copies check; <paramref name="reason"/> says why a renamed copy cannot get the same diagnostics.</summary>
    public void SkipConcurrentCopies(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Say why the test cannot be copied.", nameof(reason));
        }

        ConcurrentCopiesSkippedBecause = reason;
    }

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        await base.RunImplAsync(cancellationToken);
        if (ConcurrentCopiesSkippedBecause != null)
        {
            return;
        }

        Verify.True(_verifiedProject != null, "The verification analysed no project to copy");
        await ConcurrentCopiesCheck.RunAsync(_verifiedProject!, GetDiagnosticAnalyzers().ToImmutableArray(), Verify.PushContext("Concurrent copies"), cancellationToken);
    }

    /// <summary>Keeps the first project analysed: the one of the main verification (later ones add generated-code or pragma lines).</summary>
    protected override AnalyzerOptions GetAnalyzerOptions(Project project)
    {
        _verifiedProject ??= project;
        return base.GetAnalyzerOptions(project);
    }
}
