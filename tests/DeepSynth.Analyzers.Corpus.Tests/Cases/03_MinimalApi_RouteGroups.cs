// kind: program
// Route groups: real-name on the group, an anonymous "preview" carved out of it, and a group that only requires login.
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
builder.Services.AddAuthorization();
var app = builder.Build();

var ai = app.MapGroup("/api/ai").RequireRealName();

ai.MapPost("/summaries", async (SummaryRequest req, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var article = await reviewer.EnsureAllowedAsync(req.Article, ReviewStage.Input, ct);
    var summary = await chat.GetResponseAsync($"用三句话总结：{article}", cancellationToken: ct);
    var text = await reviewer.EnsureAllowedAsync(summary.Text, ReviewStage.Output, ct);
    await audit.RecordAsync(text, new GenerationRecord { Model = summary.ModelId }, ct);
    return Results.Ok(new SummaryResponse(labeler.Label(text)));
});

// Marketing wanted a "try it without an account" button on the landing page.
ai.MapPost("/summaries/preview", async (SummaryRequest req, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var article = await reviewer.EnsureAllowedAsync(req.Article, ReviewStage.Input, ct);
    var summary = await chat.GetResponseAsync($"用一句话总结：{article}", cancellationToken: ct);
    var text = await reviewer.EnsureAllowedAsync(summary.Text, ReviewStage.Output, ct);
    await audit.RecordAsync(text, new GenerationRecord { Model = summary.ModelId }, ct);
    return Results.Ok(new SummaryResponse(labeler.Label(text))); // expect: DSYN002
}).AllowAnonymous();

// The partner API: partners sign in with OAuth client credentials, nobody checked real names.
var partner = app.MapGroup("/partner").RequireAuthorization();

partner.MapPost("/rewrite", async (SummaryRequest req, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var input = await reviewer.EnsureAllowedAsync(req.Article, ReviewStage.Input, ct);
    var rewritten = await chat.GetResponseAsync($"改写为正式的新闻稿：{input}", cancellationToken: ct);
    var text = await reviewer.EnsureAllowedAsync(rewritten.Text, ReviewStage.Output, ct);
    await audit.RecordAsync(text, new GenerationRecord { Model = rewritten.ModelId }, ct);
    return TypedResults.Ok(new SummaryResponse(labeler.Label(text))); // expect: DSYN002
});

partner.MapGet("/quota", () => TypedResults.Ok(new { remaining = 1000 }));

app.Run();

record SummaryRequest(string Article);

record SummaryResponse(string Summary);
