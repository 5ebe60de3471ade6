using DeepSynth.Analyzers;
using DeepSynth.Analyzers.Rules;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>
/// The fixes change what the engine says carries generated content, passed on the diagnostic (FlowDiagnostics.ContentProperty),
/// and nothing next to it: not the user's question, not the model name, not a constant.
/// </summary>
public class ContentCarrierTests
{
    private const string Source = """
        using Microsoft.Extensions.AI;

        public sealed record Question(string Text);

        public static class Endpoints
        {
            public static void Map(WebApplication app) =>
                app.MapPost("/ask", async (Question question, IChatClient chat) =>
                {
                    var response = await chat.GetResponseAsync(question.Text);
                    return Results.Ok(new { asked = question.Text, reply = response.Text, model = response.ModelId, kind = "chat" });
                });
        }
        """;

    [Fact]
    public async Task Publish_diagnostics_name_the_expressions_that_carry_generated_content()
    {
        var project = Project();
        var diagnostic = (await Runner().AnalyzeAsync(project)).Single(d => d.Id == "DSYN001");
        var text = (await project.Documents.Single(d => d.Name == "Endpoints.cs").GetTextAsync()).ToString();

        var carriers = Carriers(diagnostic, text);

        Assert.Contains("response.Text", carriers);
        Assert.DoesNotContain("question.Text", carriers);
        Assert.DoesNotContain("response.ModelId", carriers);
        Assert.DoesNotContain(carriers, c => c.Contains("\"chat\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generation_inputs_carry_no_content_spans()
    {
        var diagnostic = (await Runner().AnalyzeAsync(Project())).Single(d => d.Id == "DSYN004");
        Assert.False(diagnostic.Properties.ContainsKey(FlowDiagnostics.ContentProperty));
    }

    [Fact]
    public async Task The_label_goes_on_the_generated_member_only()
    {
        var project = await Runner().FixAllAsync(Project(), "DSYN001", "DSYN001.Label");
        var text = (await project.Documents.Single(d => d.Name == "Endpoints.cs").GetTextAsync()).ToString();

        Assert.Contains("reply = label.Label(response.Text)", text);
        Assert.Contains("asked = question.Text,", text);
        Assert.Contains("model = response.ModelId,", text);
        Assert.DoesNotContain(await Runner().AnalyzeAsync(project), d => d.Id == "DSYN001");
    }

    [Fact]
    public async Task Review_and_audit_take_the_generated_member_only()
    {
        var project = await new CodeFixRunner(new ContentFlowAnalyzer(), new ReviewOutputFixProvider()).FixAllAsync(Project(), "DSYN003", "DSYN003.Review");
        project = await new CodeFixRunner(new ContentFlowAnalyzer(), new RecordGenerationFixProvider()).FixAllAsync(project, "DSYN005", "DSYN005.Record");
        var text = (await project.Documents.Single(d => d.Name == "Endpoints.cs").GetTextAsync()).ToString();

        Assert.Contains("EnsureAllowedAsync(response.Text, ReviewStage.Output", text);
        Assert.Contains("RecordAsync(response.Text,", text);
        Assert.DoesNotContain("EnsureAllowedAsync(question.Text, ReviewStage.Output", text);
        Assert.DoesNotContain("ModelId, ReviewStage", text);
        Assert.DoesNotContain("RecordAsync(response.ModelId", text);
    }

    /// <summary>The source text of each span the diagnostic names (offsets relative to its location).</summary>
    private static List<string> Carriers(Diagnostic diagnostic, string text)
    {
        Assert.True(diagnostic.Properties.TryGetValue(FlowDiagnostics.ContentProperty, out var value), "no " + FlowDiagnostics.ContentProperty);
        return value!.Split(';').Select(pair =>
        {
            var parts = pair.Split(':').Select(int.Parse).ToArray();
            return text.Substring(diagnostic.Location.SourceSpan.Start + parts[0], parts[1]);
        }).ToList();
    }

    private static CodeFixRunner Runner() => new(new ContentFlowAnalyzer(), new AddAigcLabelFixProvider());

    private static Project Project() => CodeFixRunner.CreateProject(new Dictionary<string, string>
    {
        ["Endpoints.cs"] = Source,
        ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings,
    });
}
