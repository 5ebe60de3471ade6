// kind: program
// Handlers as local functions and static method groups instead of inline lambdas.
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
var app = builder.Build();

app.MapPost("/translate", TranslateAsync);
app.MapPost("/rewrite", RewriteHandlers.RewriteAsync).RequireRealName();
app.MapPut("/glossary/{term}", UpdateGlossary);

app.Run();

// Reviewed input, labeled and audited, but the translation itself is never reviewed and anyone can call it.
async Task<Ok<TranslationResult>> TranslateAsync(TranslationRequest request, IChatClient chat, IContentReviewer reviewer,
    IAigcTextLabeler labeler, ISynthesisAuditLog audit, CancellationToken ct)
{
    var source = await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
    var response = await chat.GetResponseAsync($"Translate into {TargetName(request.Target)}:\n{source}", cancellationToken: ct);
    await audit.RecordAsync(response.Text, new GenerationRecord { Model = response.ModelId }, ct);
    return TypedResults.Ok(new TranslationResult(labeler.Label(response.Text), request.Target)); // expect: DSYN002, DSYN003
}

static string TargetName(string code) => code switch
{
    "en" => "English",
    "ja" => "Japanese",
    _ => "Simplified Chinese",
};

static IResult UpdateGlossary(string term, GlossaryEntry entry) => Results.NoContent();

record TranslationRequest(string Text, string Target);

record TranslationResult(string Text, string Target);

record GlossaryEntry(string Source, string Target);

record RewriteRequest(string Text, string Style);

record RewriteResult(string Text, string Style);

static class RewriteHandlers
{
    public static async Task<Results<Ok<RewriteResult>, ProblemHttpResult>> RewriteAsync(
        RewriteRequest request, IChatClient chat, IContentReviewer reviewer, ISynthesisAuditLog audit, CancellationToken ct)
    {
        await reviewer.EnsureAllowedAsync(request.Text, ReviewStage.Input, ct);
        await reviewer.EnsureAllowedAsync(request.Style, ReviewStage.Input, ct);
        var response = await chat.GetResponseAsync($"Rewrite in a {request.Style} style: {request.Text}", cancellationToken: ct);
        var verdict = await reviewer.ReviewAsync(response.Text, ReviewStage.Output, ct);
        if (verdict.Decision != ReviewDecision.Allowed)
        {
            return TypedResults.Problem(verdict.ToString(), statusCode: 422);
        }

        await audit.RecordAsync(response.Text, new GenerationRecord { Model = response.ModelId }, ct);
        // The label was left to the front end, which forgot it.
        return TypedResults.Ok(new RewriteResult(response.Text, request.Style)); // expect: DSYN001
    }
}
