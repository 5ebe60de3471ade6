using System.Text.Json;
using Mediator;
using Microsoft.Extensions.AI;
using StarHarbor.LiveOps.Data;
using StarHarbor.LiveOps.Models;

namespace StarHarbor.LiveOps.Commands;

public sealed record CreatePostCommand(string AuthorId, string AuthorName, string BoardId, string Title, string Body)
    : ICommand<PostCreatedResponse>;

internal sealed record ModerationDecision(string Verdict, string Note);

/// <summary>
/// Community-board triage. The LLM decides allow / fold / hide before a post goes live; hidden posts go to
/// the GM queue and the author sees the note.
/// </summary>
public sealed class CreatePostHandler(
    IChatClient chat,
    IDocumentStore store,
    TimeProvider clock,
    ILogger<CreatePostHandler> logger) : ICommandHandler<CreatePostCommand, PostCreatedResponse>
{
    private const string TriagePrompt =
        """
        你是《星港》社区版主。判断玩家帖子是否适合公开：
        - allow：正常讨论、攻略、吐槽
        - fold：广告、刷屏、与游戏无关但无害
        - hide：辱骂、人身攻击、外挂/代练交易、泄露他人隐私
        以JSON输出 {"verdict": "allow|fold|hide", "note": "给作者看的一句话说明，语气友善"}
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<PostCreatedResponse> Handle(CreatePostCommand command, CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, TriagePrompt),
            new ChatMessage(ChatRole.User, $"版块：{command.BoardId}\n标题：{command.Title}\n正文：{command.Body}"),
        ], new ChatOptions { Temperature = 0f, ResponseFormat = ChatResponseFormat.Json }, cancellationToken);

        ModerationDecision decision;
        try
        {
            decision = JsonSerializer.Deserialize<ModerationDecision>(response.Text, Json) ?? new("fold", "");
        }
        catch (JsonException)
        {
            logger.LogWarning("Triage model returned non-JSON, folding post");
            decision = new("fold", "帖子已提交，稍后由版主确认。");
        }

        var visibility = decision.Verdict switch
        {
            "allow" => "visible",
            "hide" => "hidden",
            _ => "folded",
        };

        var post = new PostDoc
        {
            Id = $"p_{Guid.NewGuid():N}",
            BoardId = command.BoardId,
            AuthorId = command.AuthorId,
            AuthorName = command.AuthorName,
            Title = command.Title,
            Body = command.Body,
            Visibility = visibility,
            ModerationNote = visibility == "visible" ? null : decision.Note,
            CreatedAt = clock.GetUtcNow(),
        };
        await store.UpsertAsync(Containers.Posts, post, post.BoardId, cancellationToken);

        return new PostCreatedResponse(post.Id, post.Visibility, post.ModerationNote);
    }
}
