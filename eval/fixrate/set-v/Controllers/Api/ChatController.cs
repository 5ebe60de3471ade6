using System.Runtime.CompilerServices;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Grains;
using WealthPal.Infrastructure;
using WealthPal.Models;

namespace WealthPal.Controllers.Api;

[Route("api/chat")]
[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
[RequireRealName]
public sealed class ChatController(IGrainFactory grains, WealthDbContext db, IContentReviewer review, IAigcTextLabeler label)
    : WealthApiController
{
    [HttpPost("ask")]
    public async Task<ActionResult<ApiEnvelope<ChatReplyDto>>> Ask(ChatAskRequest request, CancellationToken ct)
    {
        var sessionId = request.SessionId ?? Guid.NewGuid();
        var message = await review.EnsureAllowedAsync(request.Message, ReviewStage.Input, ct);

        var grain = grains.GetGrain<ICustomerSessionGrain>(sessionId);
        var reply = await grain.AskAsync(User.CustomerId(), User.UserId(), message);

        var text = await review.EnsureAllowedAsync(reply.Text, ReviewStage.Output, ct);
        return new ChatReplyDto(sessionId, label.Label(text), reply.Model,
            new TokenUsageDto(reply.PromptTokens, reply.CompletionTokens)).Wrap();
    }

    /// <summary>SSE for the web chat widget (DeepSeek, no session memory).</summary>
    [HttpGet("stream")]
    public async Task Stream([FromQuery] string q, [FromServices] DeepSeekClient deepSeek, CancellationToken ct)
    {
        var question = await review.EnsureAllowedAsync(q, ReviewStage.Input, ct);

        Response.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-cache";
        Response.Headers["X-Accel-Buffering"] = "no";
        await Response.WriteAsync($"event: notice\ndata: {label.Notice}\n\n", ct);

        var tokens = deepSeek.StreamAsync(
        [
            WireMessage.System("你是财富通在线客服，回答简洁，不承诺收益，不推荐个股。"),
            WireMessage.User(question)
        ], ct);

        await foreach (var chunk in review.ReviewStream(tokens, ReviewStage.Output, ct))
        {
            await Response.WriteAsync($"data: {chunk.Replace("\n", "\\n")}\n\n", ct);
            await Response.Body.FlushAsync(ct);
        }
        await Response.WriteAsync("event: done\ndata: [DONE]\n\n", ct);
    }

    /// <summary>Chunked plain-text stream used by the Android/iOS app (Azure OpenAI through the masking pipeline).</summary>
    [HttpGet("stream/v2")]
    public async IAsyncEnumerable<string> StreamV2([FromQuery] string q, [FromServices] IChatClient chat,
        [FromServices] ISynthesisAuditLog audit, [EnumeratorCancellation] CancellationToken ct)
    {
        var question = await review.EnsureAllowedAsync(q, ReviewStage.Input, ct);
        var tokens = chat.GetStreamingResponseAsync(
        [
            new ChatMessage(ChatRole.System, "你是财富通智能客服，回答简洁、准确，不承诺收益。"),
            new ChatMessage(ChatRole.User, question)
        ], cancellationToken: ct).Select(u => u.Text);

        var record = new GenerationRecord { UserId = User.UserId(), Model = "gpt-4o", Attributes = { ["feature"] = "cs-chat-stream" } };
        await foreach (var token in label.LabelStream(audit.RecordStream(review.ReviewStream(tokens, ReviewStage.Output, ct), record, ct), ct))
            yield return token;
    }

    [HttpGet("sessions")]
    public async Task<ApiEnvelope<List<ChatSessionSummaryDto>>> Sessions([FromQuery] int take = 20, CancellationToken ct = default)
    {
        var customerId = User.CustomerId();
        var rows = await db.ChatSessions.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.LastActiveAt).Take(Math.Clamp(take, 1, 100))
            .Select(s => new ChatSessionSummaryDto(s.Id, s.Channel, s.StartedAt, s.LastActiveAt, s.TurnCount, s.Rating))
            .ToListAsync(ct);
        return rows.Wrap();
    }

    [HttpGet("sessions/{id:guid}/stats")]
    public async Task<SessionStats> Stats(Guid id) => await grains.GetGrain<ICustomerSessionGrain>(id).GetStatsAsync();

    [HttpGet("sessions/{id:guid}/transcript")]
    public async Task<ActionResult<ApiEnvelope<List<ChatTurnDto>>>> Transcript(Guid id, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        if (!await db.ChatSessions.AnyAsync(s => s.Id == id && s.CustomerId == customerId, ct))
            return NotFoundProblem("会话");

        var turns = await db.ChatTurns.AsNoTracking().Where(t => t.SessionId == id).OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new ChatTurnDto(t.Role, t.Content, t.At))
            .ToListAsync(ct);
        return turns.Wrap();
    }

    [HttpPost("sessions/{id:guid}/feedback")]
    public async Task<IActionResult> Feedback(Guid id, ChatFeedbackRequest request, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var session = await db.ChatSessions.FirstOrDefaultAsync(s => s.Id == id && s.CustomerId == customerId, ct);
        if (session is null) return NotFoundProblem("会话");

        session.Rating = request.Rating;
        session.RatingComment = request.Comment;
        await db.SaveChangesAsync(ct);
        return Ok(new { sessionId = id, rating = request.Rating, status = "recorded" });
    }

    [HttpDelete("sessions/{id:guid}")]
    public async Task<IActionResult> Reset(Guid id)
    {
        await grains.GetGrain<ICustomerSessionGrain>(id).ResetAsync();
        return NoContent();
    }
}
