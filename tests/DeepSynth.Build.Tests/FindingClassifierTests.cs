using DeepSynth.Findings;

namespace DeepSynth.Build.Tests;

/// <summary>Fingerprints, baseline matching and suppression justifications, on real files.</summary>
public class FindingClassifierTests
{
    private readonly string _project = Directory.CreateTempSubdirectory("deepsynth-classify-").FullName;

    [Fact]
    public void Suppressions_count_only_with_a_justification_from_the_attribute_or_the_pragma_comment()
    {
        var file = Write("Chat.cs", """
            class Chat
            {
            #pragma warning disable DSYN001 // Staff preview only (SEC-142)
                void A() => Post(Generate());
            #pragma warning restore DSYN001
            #pragma warning disable DSYN001
                void B() => Post(Generate());
            #pragma warning restore DSYN001
                void C() => Post(Generate());
            }
            """);
        var findings = Classify(null,
            new SarifFinding("DSYN001", "warning", "unlabeled", file, 4, suppressed: true, justification: null),
            new SarifFinding("DSYN001", "warning", "unlabeled", file, 7, suppressed: true, justification: null),
            new SarifFinding("DSYN001", "warning", "unlabeled", file, 9, suppressed: true, justification: "Reviewed by legal (LEG-7)"));

        Assert.Collection(findings,
            f => (f.Status, f.Justification, f.UnjustifiedSuppression).ShouldBe(FindingStatus.Suppressed, "Staff preview only (SEC-142)", false),
            f => (f.Status, f.Justification, f.UnjustifiedSuppression).ShouldBe(FindingStatus.Open, null, true),
            f => (f.Status, f.Justification, f.UnjustifiedSuppression).ShouldBe(FindingStatus.Suppressed, "Reviewed by legal (LEG-7)", false));
        Assert.All(findings, f => Assert.Equal("Chat.cs", f.RelativePath));
    }

    [Fact]
    public void Baselined_findings_survive_line_shifts_and_new_or_fixed_findings_are_told_apart()
    {
        var file = Write("Chat.cs", "class Chat\n{\n    void A() => Post(Generate());\n    void B() => Post(Generate());\n}\n");
        var before = Classify(null, Finding(file, 3), Finding(file, 4));
        var baseline = FindingClassifier.BaselineOf(before);

        // Three lines inserted above, A removed, a new publish point added.
        Write("Chat.cs", "// one\n// two\n// three\nclass Chat\n{\n    void B() => Post(Generate());\n    void D() => Post(Generate() + \"!\");\n}\n");
        var after = Classify(baseline, Finding(file, 6), Finding(file, 7));

        Assert.Equal(new[] { FindingStatus.Baselined, FindingStatus.Open }, after.Select(f => f.Status));
        var stale = Assert.Single(FindingClassifier.StaleEntries(baseline, after));
        Assert.Equal(3, stale.Line);
    }

    [Fact]
    public void Same_line_text_twice_gets_two_fingerprints_and_project_wide_findings_have_no_file()
    {
        var file = Write("Chat.cs", "class Chat\n{\n    void A() => Post(Generate());\n    void A() => Post(Generate());\n}\n");
        var findings = Classify(null, Finding(file, 3), Finding(file, 4), new SarifFinding("DSYN101", "warning", "no filing number", null, 0, false, null));

        Assert.Equal(3, findings.Select(f => f.Fingerprint).Distinct().Count());
        Assert.Equal("(project)", findings.Single(f => f.RuleId == "DSYN101").Where);
    }

    private static SarifFinding Finding(string file, int line) => new("DSYN001", "warning", "unlabeled", file, line, false, null);

    private IReadOnlyList<ComplianceFinding> Classify(BaselineDocument? baseline, params SarifFinding[] findings) =>
        FindingClassifier.Classify(findings, _project, baseline, new SourceLines());

    private string Write(string name, string text)
    {
        var path = Path.Combine(_project, name);
        File.WriteAllText(path, text);
        return path;
    }
}

internal static class TupleAssertions
{
    public static void ShouldBe(this (FindingStatus Status, string? Justification, bool Unjustified) actual, FindingStatus status, string? justification, bool unjustified) =>
        Assert.Equal((status, justification, unjustified), actual);
}
