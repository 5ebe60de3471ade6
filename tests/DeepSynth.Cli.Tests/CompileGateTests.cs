using DeepSynth.Cli.Fixing;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.Cli.Tests;

/// <summary>`deepsynth fix` writes nothing that does not compile: the gate undoes the documents whose changes broke the build.</summary>
public class CompileGateTests
{
    private const string Helper = "public static class Helper { public static int Twice(int x) => x * 2; }";
    private const string Caller = "public static class Caller { public static int Four() => Helper.Twice(2); }";

    [Fact]
    public async Task A_change_that_breaks_the_build_is_undone_and_reported_and_a_good_one_is_kept()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { ["Helper.cs"] = Helper, ["Caller.cs"] = Caller, ["Other.cs"] = "public class Other { }" });
        var good = project.Documents.Single(d => d.Name == "Other.cs");
        var bad = project.Documents.Single(d => d.Name == "Caller.cs");
        var changed = project.Solution
            .WithDocumentText(good.Id, SourceText.From("public class Other { public int Answer => 42; }"))
            .WithDocumentText(bad.Id, SourceText.From("public static class Caller { public static int Four() => Helper.Twice(2, 3); }"));

        var (kept, undone) = await CompileGate.KeepCompilingAsync(project.Solution, changed, CancellationToken.None);

        var broken = Assert.Single(undone);
        Assert.Contains("CS1501", broken.Error);
        Assert.Equal(Caller, (await kept.GetDocument(bad.Id)!.GetTextAsync()).ToString());
        Assert.Contains("Answer", (await kept.GetDocument(good.Id)!.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task A_signature_change_that_breaks_callers_elsewhere_undoes_the_whole_change()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { ["Helper.cs"] = Helper, ["Caller.cs"] = Caller });
        var helper = project.Documents.Single(d => d.Name == "Helper.cs");
        // Like a parameter added to a helper without its callers: the error is in Caller.cs, which the change did not touch.
        var changed = project.Solution.WithDocumentText(helper.Id, SourceText.From("public static class Helper { public static int Twice(int x, int y) => x * y; }"));

        var (kept, undone) = await CompileGate.KeepCompilingAsync(project.Solution, changed, CancellationToken.None);

        Assert.Contains("CS7036", Assert.Single(undone).Error);
        Assert.Equal(Helper, (await kept.GetDocument(helper.Id)!.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task Errors_the_code_had_before_do_not_count_against_a_fix()
    {
        var project = CodeFixRunner.CreateProject(new Dictionary<string, string> { ["Broken.cs"] = "public class Broken { Missing field; }", ["Other.cs"] = "public class Other { }" });
        var other = project.Documents.Single(d => d.Name == "Other.cs");
        var changed = project.Solution.WithDocumentText(other.Id, SourceText.From("public class Other { public int Answer => 42; }"));

        var (kept, undone) = await CompileGate.KeepCompilingAsync(project.Solution, changed, CancellationToken.None);

        Assert.Empty(undone);
        Assert.Same(changed, kept);
    }
}
