using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Corpus.Tests.Evaluation;

/// <summary>A finding, expected or reported: a rule at a 1-based line of a case file.</summary>
public sealed record Finding(string File, int Line, string RuleId);

/// <summary>
/// One corpus file: a self-contained compilation unit with its expected findings written as end-of-line comments
/// (<c>// expect: DSYN001, DSYN003</c>) on the line where each diagnostic must start.
/// A first line <c>// kind: program</c> compiles it as a console application (top-level statements).
/// </summary>
public sealed partial class CorpusCase
{
    private CorpusCase(string name, string text, OutputKind outputKind, ImmutableArray<Finding> expected, ImmutableArray<string> markupErrors)
    {
        Name = name;
        Text = text;
        OutputKind = outputKind;
        Expected = expected;
        MarkupErrors = markupErrors;
        Lines = text.Replace("\r\n", "\n").Split('\n');
    }

    public string Name { get; }

    public string Text { get; }

    public OutputKind OutputKind { get; }

    public ImmutableArray<Finding> Expected { get; }

    /// <summary>Problems in the <c>expect:</c> markup itself (unknown rule ids, duplicates).</summary>
    public ImmutableArray<string> MarkupErrors { get; }

    public IReadOnlyList<string> Lines { get; }

    public string SourceLine(int line) => line >= 1 && line <= Lines.Count ? Lines[line - 1].Trim() : string.Empty;

    public static CorpusCase Load(string path)
    {
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var outputKind = lines.Length > 0 && KindProgram().IsMatch(lines[0]) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var expected = ImmutableArray.CreateBuilder<Finding>();
        var errors = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Expect().Match(lines[i]);
            if (!match.Success)
            {
                if (lines[i].Contains("expect:", StringComparison.Ordinal))
                {
                    errors.Add($"{name}:{i + 1}: malformed expect comment: {lines[i].Trim()}");
                }

                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!CorpusRules.Evaluated.Contains(id))
                {
                    errors.Add($"{name}:{i + 1}: '{id}' is not an evaluated rule ({string.Join(", ", CorpusRules.Evaluated)})");
                }
                else if (!seen.Add(id))
                {
                    errors.Add($"{name}:{i + 1}: '{id}' is listed twice");
                }
                else
                {
                    expected.Add(new Finding(name, i + 1, id));
                }
            }
        }

        return new CorpusCase(name, text, outputKind, expected.ToImmutable(), errors.ToImmutable());
    }

    [GeneratedRegex(@"^\s*//\s*kind:\s*program\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindProgram();

    [GeneratedRegex(@"//\s*expect:\s*(?<ids>DSYN\d{3}(\s*,\s*DSYN\d{3})*)\s*$")]
    private static partial Regex Expect();
}

public static class CorpusRules
{
    /// <summary>The rules this corpus measures.</summary>
    public static readonly ImmutableArray<string> Evaluated = ["DSYN001", "DSYN002", "DSYN003", "DSYN004", "DSYN005", "DSYN006", "DSYN007", "DSYN008", "DSYN009", "DSYN010", "DSYN011", "DSYN012"];
}
