// kind: program
// The chat service after the compliance review: every endpoint follows docs/sdk.md.
using System.Security.Claims;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDeepSynthCompliance(o => builder.Configuration.GetSection("DeepSynth").Bind(o));
builder.Services.AddAuthentication();
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapPost("/chat", async (ChatRequest request, ClaimsPrincipal user, IChatClient chat,
        IContentReviewer review, IAigcTextLabeler label, ISynthesisAuditLog audit, CancellationToken ct) =>
{
    var prompt = await review.EnsureAllowedAsync(request.Prompt, ReviewStage.Input, ct);
    var response = await chat.GetResponseAsync(prompt, cancellationToken: ct);
    var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
    await audit.RecordAsync(text, new GenerationRecord { UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), Model = "qwen-max" }, ct);
    return Results.Ok(new { content = label.Label(text) });
})
.RequireRealName();

var writing = app.MapGroup("/writing").RequireRealName().WithTags("writing");
writing.MapPost("/polish", WritingEndpoints.PolishAsync);
writing.MapPost("/title", WritingEndpoints.SuggestTitleAsync);

app.Run();

public record ChatRequest(string Prompt);

public record PolishRequest(string Draft);

public record PolishReply(string Text, long? Tokens, DateTimeOffset GeneratedAt);

public static class WritingEndpoints
{
    private const string Instructions = "润色下面的文字，保持原意，不要添加新的事实。";

    public static async Task<IResult> PolishAsync(
        PolishRequest request,
        IChatClient chat,
        IContentReviewer reviewer,
        IAigcTextLabeler labeler,
        ISynthesisAuditLog auditLog,
        CancellationToken cancellationToken)
    {
        await reviewer.EnsureAllowedAsync(request.Draft, ReviewStage.Input, cancellationToken);

        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, request.Draft)],
            cancellationToken: cancellationToken);

        var verdict = await reviewer.ReviewAsync(response.Text, ReviewStage.Output, cancellationToken);
        if (!verdict.IsAllowed)
        {
            return TypedResults.Problem("内容未通过审核", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        await auditLog.RecordAsync(response.Text, new GenerationRecord { Model = response.ModelId, Labeled = true }, cancellationToken);
        return TypedResults.Ok(new PolishReply(labeler.Label(response.Text), response.Usage?.TotalTokenCount, DateTimeOffset.UtcNow));
    }

    public static async Task<IResult> SuggestTitleAsync(
        PolishRequest request,
        IChatClient chat,
        IContentReviewer reviewer,
        IAigcTextLabeler labeler,
        ISynthesisAuditLog auditLog,
        CancellationToken cancellationToken)
    {
        var draft = await reviewer.EnsureAllowedAsync(request.Draft, ReviewStage.Input, cancellationToken);
        var response = await chat.GetResponseAsync($"为这篇文章拟一个标题：\n{draft}", new ChatOptions { MaxOutputTokens = 40 }, cancellationToken);
        var title = (await reviewer.EnsureAllowedAsync(response.Text, ReviewStage.Output, cancellationToken)).Trim();
        await auditLog.RecordAsync(title, new GenerationRecord { Model = response.ModelId }, cancellationToken);
        return Results.Json(new { title = "《" + labeler.Label(title) + "》" });
    }
}
