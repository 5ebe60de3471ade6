using DeepSynth.Analyzers.Tests.Flow;
using DeepSynth.TestSupport;
using Microsoft.CodeAnalysis;
using Verifier = DeepSynth.TestSupport.AnalyzerVerifier<DeepSynth.Analyzers.ContentFlowAnalyzer>;

namespace DeepSynth.Analyzers.Tests.Robustness;

/// <summary>
/// Crashes the mutation test (tests/DeepSynth.CodeFixes.Tests/Mutation, docs/robustness.md) found, each kept here as the
/// smallest code that showed it, plus the broken variant itself.
/// </summary>
public class MutationFindingsTests
{
    /// <summary>
    /// Variants 2289 and 6307 of seed 20250901 (DSYN999, IndexOutOfRangeException in MethodRun.RecordExceptional): the graph
    /// of a handler lambda declared inside a try region (here the one a using declaration opens) chains its root on to the
    /// enclosing graph's regions, and the engine took that graph's finally block for one of the lambda's. Valid code hit
    /// it too: the streaming handler went unanalysed.
    /// </summary>
    [Fact]
    public async Task A_handler_lambda_after_a_using_declaration_is_analysed()
    {
        await Verifier.VerifyProgramAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            await using var log = new StreamWriter(Stream.Null);
            app.MapGet("/stream", (IChatClient chat, HttpContext context) =>
            {
                Steps.EnsureRealName(context);
                return Results.Stream(async body =>
                {
                    var response = await chat.GetResponseAsync("Tell a joke");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await {|DSYN001:body.WriteAsync(Encoding.UTF8.GetBytes(response.Text))|};
                });
            });
            app.Run();
            """ + TestSteps.Source);
    }

    /// <summary>Variant 2289 as the mutation test made it: three lines of a minimal-API test deleted, so the rest of a handler spills into the top level.</summary>
    [Fact]
    public async Task Variant_2289_a_handler_body_spilled_into_top_level_statements_is_analysed_without_internal_errors()
    {
        const string Broken = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/write", async (HttpContext context, IChatClient chat) =>
                Steps.EnsureAllowed(response.Text);
                Steps.Record(response.Text);
                await context.Response.WriteAsync(response.Text);
                await using var writer = new StreamWriter(context.Response.Body);
                await writer.WriteAsync(response.Text);
            });
            app.MapGet("/stream", (IChatClient chat, HttpContext context) =>
            {
                Steps.EnsureRealName(context);
                return Results.Stream(async body =>
                {
                    var response = await chat.GetResponseAsync("Tell a joke");
                    Steps.EnsureAllowed(response.Text);
                    Steps.Record(response.Text);
                    await body.WriteAsync(Encoding.UTF8.GetBytes(response.Text));
                });
            });
            """;

        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { Broken, TestSteps.Source }, OutputKind.ConsoleApplication), new[] { new ContentFlowAnalyzer() });

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics.Where(d => d.Id == "DSYN999").Select(d => d.ToString()));
        Assert.Contains(run.Diagnostics, d => d.Id == "DSYN001" && d.Location.GetLineSpan().StartLinePosition.Line == 16);
    }
}
