using DeepSynth.Analyzers;
using DeepSynth.CodeFixes.Fixes;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;

namespace DeepSynth.CodeFixes.Tests;

/// <summary>DSYN008: the fix uses the labeled copy or acts on the verdict or check; Fix All over a controller and a minimal API.</summary>
public class StepResultFixTests
{
    private const string Controller = """
        using System.Security.Claims;
        using DeepSynth.Compliance;
        using DeepSynth.Compliance.Audit;
        using DeepSynth.Compliance.Labeling;
        using DeepSynth.Compliance.RealName;
        using DeepSynth.Compliance.Review;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;
        using OpenAI.Moderations;

        public sealed record Ask(string Question);

        [ApiController]
        public class AnswersController(IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit, ModerationClient moderation, IRealNameGate gate) : ControllerBase
        {
            [HttpPost("label"), RequireRealName]
            public async Task<IActionResult> Label(Ask ask, CancellationToken ct)
            {
                var text = await Generate(ask, ct);
                labeler.Label(text);
                return Ok(text);
            }

            [HttpPost("unread"), RequireRealName]
            public async Task<IActionResult> Unread(Ask ask, CancellationToken ct)
            {
                var text = await Generate(ask, ct);
                var shown = labeler.Label(text);
                return Ok(text);
            }

            [HttpPost("verdict"), RequireRealName]
            public async Task<IActionResult> Verdict(Ask ask, CancellationToken ct)
            {
                var text = (await chat.GetResponseAsync(await reviewer.EnsureAllowedAsync(ask.Question, ReviewStage.Input, ct), cancellationToken: ct)).Text;
                var verdict = await reviewer.ReviewAsync(text, ReviewStage.Output, ct);
                await audit.RecordAsync(text, new GenerationRecord(), ct);
                return Ok(labeler.Label(text));
            }

            [HttpPost("moderation"), RequireRealName]
            public async Task<IActionResult> Moderation(Ask ask, CancellationToken ct)
            {
                var text = (await chat.GetResponseAsync(await reviewer.EnsureAllowedAsync(ask.Question, ReviewStage.Input, ct), cancellationToken: ct)).Text;
                await moderation.ClassifyTextAsync(text, ct);
                await audit.RecordAsync(text, new GenerationRecord(), ct);
                return Ok(labeler.Label(text));
            }

            [HttpPost("identity")]
            public async Task<IActionResult> Identity(Ask ask, CancellationToken ct)
            {
                await gate.IsVerifiedAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
                return Ok(labeler.Label(await Generate(ask, ct)));
            }

            private async Task<string> Generate(Ask ask, CancellationToken ct)
            {
                var question = await reviewer.EnsureAllowedAsync(ask.Question, ReviewStage.Input, ct);
                var text = await reviewer.EnsureAllowedAsync((await chat.GetResponseAsync(question, cancellationToken: ct)).Text, ReviewStage.Output, ct);
                await audit.RecordAsync(text, new GenerationRecord(), ct);
                return text;
            }
        }
        """;

    private const string MinimalApi = """
        using DeepSynth.Compliance;
        using DeepSynth.Compliance.Audit;
        using DeepSynth.Compliance.Labeling;
        using DeepSynth.Compliance.Review;
        using Microsoft.Extensions.AI;

        public static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/ask", async (IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit, string question, CancellationToken ct) =>
                {
                    var text = (await chat.GetResponseAsync(await reviewer.EnsureAllowedAsync(question, ReviewStage.Input, ct), cancellationToken: ct)).Text;
                    await reviewer.ReviewAsync(text, ReviewStage.Output, ct);
                    await audit.RecordAsync(text, new GenerationRecord(), ct);
                    return Results.Ok(labeler.Label(text));
                }).RequireRealName();
            }
        }
        """;

    private static readonly CodeFixRunner Runner = new(new ContentFlowAnalyzer(), new ActOnStepResultFixProvider());

    private static Project Project(string code) => CodeFixRunner.CreateProject(new Dictionary<string, string>
    {
        ["Code.cs"] = code,
        ["GlobalUsings.g.cs"] = WebSdk.ImplicitUsings,
    });

    [Fact]
    public async Task Fix_all_in_a_controller_uses_the_copy_and_guards_on_each_result()
    {
        var project = Project(Controller);
        Assert.Equal(5, (await Runner.AnalyzeAsync(project)).Count(d => d.Id == "DSYN008"));

        project = await Runner.FixAllAsync(project, "DSYN008", "DSYN008.Act");

        var text = await AssertCompiledAndClean(project);
        Assert.Equal(2, text.Split("text = labeler.Label(text);").Length - 1);
        Assert.DoesNotContain("var shown", text, StringComparison.Ordinal);
        Assert.Contains("if (!verdict.IsAllowed)", text, StringComparison.Ordinal);
        Assert.Contains("return UnprocessableEntity();", text, StringComparison.Ordinal);
        // Another method of the class declares a "verdict": the new local takes a name no method uses.
        Assert.Matches(@"if \(verdict\d*\.Value\.Flagged\)", text);
        Assert.Contains("if (!await gate.IsVerifiedAsync(", text, StringComparison.Ordinal);
        Assert.Contains("return Forbid();", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_in_a_minimal_api_returns_a_result_when_the_verdict_blocks()
    {
        var project = await Runner.FixAllAsync(Project(MinimalApi), "DSYN008", "DSYN008.Act");

        var text = await AssertCompiledAndClean(project);
        Assert.Contains("var verdict = await reviewer.ReviewAsync(text, ReviewStage.Output, ct);", text, StringComparison.Ordinal);
        Assert.Contains("return Results.UnprocessableEntity();", text, StringComparison.Ordinal);
    }

    private static async Task<string> AssertCompiledAndClean(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty((await Runner.AnalyzeAsync(project)).Where(d => d.Id.StartsWith("DSYN00", StringComparison.Ordinal)).Select(d => d.ToString()));
        return (await project.Documents.Single(d => d.Name == "Code.cs").GetTextAsync()).ToString();
    }
}
