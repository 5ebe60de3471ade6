// kind: program
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;
using OpenAI.Moderations;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => o.ProviderCode = "ACME-WRITER");
builder.Services.AddSingleton(new ModerationClient("omni-moderation-latest", "sk-test"));
var app = builder.Build();

// OpenAI moderation in front of the SDK labeler: Flagged decides.
app.MapPost("/poems", async (PoemRequest request, IChatClient chat, IContentReviewer reviewer, ModerationClient moderation,
    IAigcTextLabeler labeler, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var topic = await reviewer.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
    var poem = (await chat.GetResponseAsync("写一首关于" + topic + "的短诗", cancellationToken: ct)).Text;
    var moderated = await moderation.ClassifyTextAsync(poem, ct);
    if (moderated.Value.Flagged)
    {
        return Results.UnprocessableEntity(new { reason = "moderation" });
    }

    await audit.RecordAsync(poem, new GenerationRecord { Model = "qwen-plus" }, ct);
    return Results.Ok(new PoemResponse(labeler.Label(poem)));
}).RequireRealName();

// The moderation call was kept "for the dashboard": nothing reads Flagged before the poem goes out.
app.MapPost("/poems/fast", async (PoemRequest request, IChatClient chat, IContentReviewer reviewer, ModerationClient moderation,
    IAigcTextLabeler labeler, ISynthesisAuditLog audit, ILogger<PoemRequest> log, CancellationToken ct) =>
{
    var topic = await reviewer.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
    var poem = (await chat.GetResponseAsync("写一首关于" + topic + "的短诗", cancellationToken: ct)).Text;
    var moderated = await moderation.ClassifyTextAsync(poem, ct); // expect: DSYN008
    log.LogInformation("moderation flagged={Flagged}", moderated.Value.Flagged);
    await audit.RecordAsync(poem, new GenerationRecord { Model = "qwen-plus" }, ct);
    return Results.Ok(new PoemResponse(labeler.Label(poem)));
}).RequireRealName();

// A refactoring kept the labeler call but returns the original text.
app.MapPost("/poems/title", async (PoemRequest request, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler,
    ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var topic = await reviewer.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
    var title = await reviewer.EnsureAllowedAsync((await chat.GetResponseAsync("给这首诗起个标题：" + topic, cancellationToken: ct)).Text, ReviewStage.Output, ct);
    await audit.RecordAsync(title, new GenerationRecord { Model = "qwen-plus" }, ct);
    var shown = labeler.Label(title); // expect: DSYN008
    return Results.Ok(new PoemResponse(title));
}).RequireRealName();

// Verdict checked with a switch on the decision.
app.MapPost("/poems/reviewed", async (PoemRequest request, IChatClient chat, IContentReviewer reviewer, IAigcTextLabeler labeler,
    ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var topic = await reviewer.EnsureAllowedAsync(request.Topic, ReviewStage.Input, ct);
    var poem = (await chat.GetResponseAsync("写一首关于" + topic + "的短诗", cancellationToken: ct)).Text;
    var verdict = await reviewer.ReviewAsync(poem, ReviewStage.Output, ct);
    switch (verdict.Decision)
    {
        case ReviewDecision.Blocked:
            return Results.UnprocessableEntity();
        case ReviewDecision.NeedsManualReview:
            return Results.Accepted();
    }

    await audit.RecordAsync(poem, new GenerationRecord { Model = "qwen-plus" }, ct);
    return Results.Ok(new PoemResponse(labeler.Label(poem)));
}).RequireRealName();

app.Run();

public sealed record PoemRequest(string Topic);

public sealed record PoemResponse(string Poem);
