using InkWell.Data;
using OpenAI.Chat;

namespace InkWell.Services;

public sealed record ReplyDraftRequest(string Tone, string? Guidance, string ModeratorName);

public sealed record ReplyDraftDto(Guid Id, int CommentId, int ArticleId, string ReplyText, string Moderator, string Model, DateTimeOffset CreatedAt);

public interface IReplyDraftService
{
    Task<ReplyDraftDto> DraftReplyAsync(ReaderComment comment, Article article, ReplyDraftRequest request, CancellationToken cancellationToken = default);
}

public sealed class ReplyDraftService : IReplyDraftService
{
    private static readonly Dictionary<string, string> ToneInstructions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["friendly"] = "Warm and appreciative; thank the reader first.",
        ["firm"] = "Polite but firm; restate the community guidelines.",
        ["factual"] = "Neutral; correct any factual error with a source from the article.",
    };

    private readonly ChatClient _chat;
    private readonly SavedDraftRepository _drafts;
    private readonly ILogger<ReplyDraftService> _logger;
    private readonly string _signature;

    public ReplyDraftService(ChatClient chat, SavedDraftRepository drafts, ILogger<ReplyDraftService> logger, string? signature = null)
    {
        _chat = chat;
        _drafts = drafts;
        _logger = logger;
        _signature = signature ?? "— The InkWell community team";
    }

    public async Task<ReplyDraftDto> DraftReplyAsync(ReaderComment comment, Article article, ReplyDraftRequest request, CancellationToken cancellationToken = default)
    {
        var tone = ToneInstructions.GetValueOrDefault(request.Tone, ToneInstructions["friendly"]);
        List<ChatMessage> messages =
        [
            new SystemChatMessage($"You draft replies from the newsroom's moderators to reader comments. {tone} Sign off with: {_signature}"),
            new UserChatMessage($"Article: {article.Title}\nComment by {comment.ReaderName}: {comment.Text}\nModerator guidance: {request.Guidance}"),
        ];
        var options = new ChatCompletionOptions { Temperature = 0.5f, MaxOutputTokenCount = 220 };

        ChatCompletion completion = await _chat.CompleteChatAsync(messages, options, cancellationToken);
        var reply = completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;

        var draft = new SavedDraft
        {
            Id = Guid.NewGuid(),
            Kind = DraftKind.CommentReply,
            ArticleId = article.Id,
            CommentId = comment.Id,
            Text = reply,
            CreatedBy = request.ModeratorName,
            Model = completion.Model,
        };
        _drafts.Add(draft);
        _logger.LogInformation("Reply draft {DraftId} for comment {CommentId} ({Tokens} tokens)", draft.Id, comment.Id, completion.Usage?.TotalTokenCount);

        return new ReplyDraftDto(draft.Id, comment.Id, article.Id, reply, request.ModeratorName, completion.Model, draft.CreatedAt);
    }
}
