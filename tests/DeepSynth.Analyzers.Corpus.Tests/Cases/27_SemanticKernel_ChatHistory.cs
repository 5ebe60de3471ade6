using System.Collections.Concurrent;
using System.Text;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Travel.Planner.Api;

public record ChatTurn(string SessionId, string Message);

[ApiController]
[Route("api/planner")]
public class PlannerController(IChatCompletionService completion, Kernel kernel, IContentReviewer reviewer, IAigcTextLabeler labeler) : ControllerBase
{
    private static readonly ConcurrentDictionary<string, ChatHistory> Sessions = new();

    // The streaming client keeps its own sessions (it only ever adds reviewed messages).
    private static readonly ConcurrentDictionary<string, ChatHistory> StreamSessions = new();

    private static ChatHistory SessionFor(string id) =>
        Sessions.GetOrAdd(id, _ => new ChatHistory("你是一名旅行规划师，回答要具体到每天的行程。"));

    private static ChatHistory StreamSessionFor(string id) =>
        StreamSessions.GetOrAdd(id, _ => new ChatHistory("你是一名旅行规划师，回答要具体到每天的行程。"));

    [HttpPost("chat")]
    public async Task<IActionResult> Chat(ChatTurn turn, CancellationToken ct)
    {
        var history = SessionFor(turn.SessionId);
        history.AddUserMessage(turn.Message);
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.7, MaxTokens = 1200 };
        ChatMessageContent reply = await completion.GetChatMessageContentAsync(history, settings, kernel, ct); // expect: DSYN004
        history.Add(reply);
        return Ok(new { reply = reply.Content, turns = history.Count }); // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    // Streaming version for the web client: notice first, reviewed input, but the output is neither reviewed nor recorded.
    [HttpPost("chat/stream")]
    [RequireRealName]
    public async Task ChatStream(ChatTurn turn, CancellationToken ct)
    {
        var message = await reviewer.EnsureAllowedAsync(turn.Message, ReviewStage.Input, ct);
        var history = StreamSessionFor(turn.SessionId);
        history.AddUserMessage(message);

        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync(labeler.Notice + "\n", ct);

        var full = new StringBuilder();
        await foreach (StreamingChatMessageContent chunk in completion.GetStreamingChatMessageContentsAsync(history, kernel: kernel, cancellationToken: ct))
        {
            if (chunk.Content is { Length: > 0 } piece)
            {
                full.Append(piece);
                await Response.WriteAsync(piece, ct); // expect: DSYN003, DSYN005
                await Response.Body.FlushAsync(ct);
            }
        }

        history.AddAssistantMessage(full.ToString());
    }

    [HttpDelete("chat/{sessionId}")]
    public IActionResult Reset(string sessionId)
    {
        Sessions.TryRemove(sessionId, out _);
        StreamSessions.TryRemove(sessionId, out _);
        return NoContent();
    }
}
