using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace DeepSynth.Analyzers.Corpus.Tests.Evaluation;

public enum DisagreementKind
{
    /// <summary>Reported but not expected.</summary>
    FalsePositive,

    /// <summary>Expected but not reported.</summary>
    FalseNegative,
}

public sealed record Disagreement(DisagreementKind Kind, Finding Finding, string SourceLine, string? Message);

public sealed record RuleScore(string RuleId, int Expected, int Reported, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when the rule reported nothing.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was expected.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Compares expected with reported findings over the whole corpus, per rule.</summary>
public sealed class CorpusScore
{
    public const double QualityBar = 0.90;

    private CorpusScore(ImmutableArray<CaseResult> results, ImmutableArray<RuleScore> rules, ImmutableArray<Disagreement> disagreements)
    {
        Results = results;
        Rules = rules;
        Disagreements = disagreements;
    }

    public ImmutableArray<CaseResult> Results { get; }

    public ImmutableArray<RuleScore> Rules { get; }

    public ImmutableArray<Disagreement> Disagreements { get; }

    public static CorpusScore Compute(ImmutableArray<CaseResult> results)
    {
        var disagreements = ImmutableArray.CreateBuilder<Disagreement>();
        var tp = CorpusRules.Evaluated.ToDictionary(r => r, _ => 0);
        var fp = CorpusRules.Evaluated.ToDictionary(r => r, _ => 0);
        var fn = CorpusRules.Evaluated.ToDictionary(r => r, _ => 0);
        var expectedCount = CorpusRules.Evaluated.ToDictionary(r => r, _ => 0);
        var reportedCount = CorpusRules.Evaluated.ToDictionary(r => r, _ => 0);

        foreach (var result in results)
        {
            var remaining = result.Case.Expected.ToHashSet();
            foreach (var expected in result.Case.Expected)
            {
                expectedCount[expected.RuleId]++;
            }

            // A second report of the same rule on the same line is a false positive (one finding per publish point).
            foreach (var reported in result.Actual.OrderBy(r => r.Finding.Line))
            {
                reportedCount[reported.Finding.RuleId]++;
                if (remaining.Remove(reported.Finding))
                {
                    tp[reported.Finding.RuleId]++;
                }
                else
                {
                    fp[reported.Finding.RuleId]++;
                    disagreements.Add(new Disagreement(DisagreementKind.FalsePositive, reported.Finding, result.Case.SourceLine(reported.Finding.Line), reported.Message));
                }
            }

            foreach (var missed in remaining)
            {
                fn[missed.RuleId]++;
                disagreements.Add(new Disagreement(DisagreementKind.FalseNegative, missed, result.Case.SourceLine(missed.Line), null));
            }
        }

        var rules = CorpusRules.Evaluated
            .Select(r => new RuleScore(r, expectedCount[r], reportedCount[r], tp[r], fp[r], fn[r]))
            .ToImmutableArray();
        var ordered = disagreements
            .OrderBy(d => d.Finding.File, StringComparer.Ordinal)
            .ThenBy(d => d.Finding.Line)
            .ThenBy(d => d.Finding.RuleId, StringComparer.Ordinal)
            .ToImmutableArray();
        return new CorpusScore(results, rules, ordered);
    }

    public string ToMarkdown()
    {
        var culture = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# DeepSynth corpus evaluation");
        sb.AppendLine();
        var files = Results.Length;
        var programs = Results.Count(r => r.Case.OutputKind == Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);
        sb.AppendLine(culture, $"{files} case files ({programs} programs, {files - programs} libraries), {Results.Sum(r => r.Case.Expected.Length)} expected findings, {Results.Sum(r => r.Actual.Length)} reported. Quality bar: precision and recall >= {QualityBar:0.00} per rule.");
        sb.AppendLine();
        sb.AppendLine("| Rule | Expected | Reported | TP | FP | FN | Precision | Recall | F1 | Bar |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Rules)
        {
            var pass = r.Precision >= QualityBar && r.Recall >= QualityBar ? "pass" : "FAIL";
            sb.AppendLine(culture, $"| {r.RuleId} | {r.Expected} | {r.Reported} | {r.TruePositives} | {r.FalsePositives} | {r.FalseNegatives} | {r.Precision:0.000} | {r.Recall:0.000} | {r.F1:0.000} | {pass} |");
        }

        var total = new RuleScore("all", Rules.Sum(r => r.Expected), Rules.Sum(r => r.Reported), Rules.Sum(r => r.TruePositives), Rules.Sum(r => r.FalsePositives), Rules.Sum(r => r.FalseNegatives));
        sb.AppendLine(culture, $"| **all** | {total.Expected} | {total.Reported} | {total.TruePositives} | {total.FalsePositives} | {total.FalseNegatives} | {total.Precision:0.000} | {total.Recall:0.000} | {total.F1:0.000} | |");
        sb.AppendLine();

        var failures = Results.SelectMany(r => r.CompileErrors.Concat(r.AnalyzerFailures).Concat(r.Case.MarkupErrors)).ToList();
        if (failures.Count > 0)
        {
            sb.AppendLine("## Compile errors, analyzer failures, markup errors");
            sb.AppendLine();
            foreach (var f in failures)
            {
                sb.AppendLine(culture, $"- {f}");
            }

            sb.AppendLine();
        }

        sb.AppendLine(culture, $"## Disagreements ({Disagreements.Count(d => d.Kind == DisagreementKind.FalsePositive)} false positives, {Disagreements.Count(d => d.Kind == DisagreementKind.FalseNegative)} false negatives)");
        sb.AppendLine();
        if (Disagreements.IsEmpty)
        {
            sb.AppendLine("None.");
            sb.AppendLine();
        }

        foreach (var group in Disagreements.GroupBy(d => d.Finding.File))
        {
            sb.AppendLine(culture, $"### {group.Key}");
            sb.AppendLine();
            foreach (var d in group)
            {
                var kind = d.Kind == DisagreementKind.FalsePositive ? "FP (reported, not expected)" : "FN (expected, not reported)";
                sb.AppendLine(culture, $"- `{d.Finding.File}:{d.Finding.Line}` **{d.Finding.RuleId}** {kind}");
                sb.AppendLine(culture, $"  - code: `{d.SourceLine.Replace("`", "'", StringComparison.Ordinal)}`");
                if (d.Message != null)
                {
                    sb.AppendLine(culture, $"  - message: {d.Message}");
                }
            }

            sb.AppendLine();
        }

        sb.AppendLine("## Per file");
        sb.AppendLine();
        sb.AppendLine("| File | Kind | Expected | Reported | FP | FN | ms |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in Results)
        {
            var fpCount = Disagreements.Count(d => d.Finding.File == r.Case.Name && d.Kind == DisagreementKind.FalsePositive);
            var fnCount = Disagreements.Count(d => d.Finding.File == r.Case.Name && d.Kind == DisagreementKind.FalseNegative);
            var kind = r.Case.OutputKind == Microsoft.CodeAnalysis.OutputKind.ConsoleApplication ? "program" : "library";
            sb.AppendLine(culture, $"| {r.Case.Name} | {kind} | {r.Case.Expected.Length} | {r.Actual.Length} | {fpCount} | {fnCount} | {r.Elapsed.TotalMilliseconds:0} |");
        }

        var others = Results.SelectMany(r => r.OtherDiagnostics).ToList();
        if (others.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Other diagnostics (not scored)");
            sb.AppendLine();
            foreach (var o in others)
            {
                sb.AppendLine(culture, $"- {o}");
            }
        }

        return sb.ToString();
    }
}
