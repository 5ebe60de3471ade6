using MenuMuse.Models;
using OpenAI.Chat;

namespace MenuMuse.Services;

public interface IReviewReplyService
{
    Task<ReviewReplyDraft> DraftReplyAsync(Merchant merchant, ReviewReplyRequest request, CancellationToken cancellationToken);
}

public sealed class ReviewReplyService : IReviewReplyService
{
    private readonly ChatClient _chat;
    private readonly ILogger<ReviewReplyService> _logger;
    private readonly TimeProvider _clock;
    private readonly float _temperature;

    public ReviewReplyService(ChatClient chat, ILogger<ReviewReplyService> logger, TimeProvider? clock = null, float temperature = 0.6f)
    {
        _chat = chat;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _temperature = temperature;
    }

    public async Task<ReviewReplyDraft> DraftReplyAsync(Merchant merchant, ReviewReplyRequest request, CancellationToken cancellationToken)
    {
        var tone = request.Tone ?? (request.Rating <= 2 ? "apologetic and constructive" : "friendly and grateful");
        ChatMessage[] messages =
        [
            new SystemChatMessage($"You answer customer reviews for {merchant.Name}, a {merchant.Cuisine} restaurant in {merchant.City}. " +
                                  "Replies are public, under 90 words and signed \"The team\"."),
            new UserChatMessage($"Review by {request.CustomerName}, {request.Rating}/5 stars:\n\"{request.ReviewText}\"\n\nWrite a {tone} reply."),
        ];

        var options = new ChatCompletionOptions { Temperature = _temperature, MaxOutputTokenCount = 250 };
        ChatCompletion completion = await _chat.CompleteChatAsync(messages, options, cancellationToken);
        _logger.LogInformation("Drafted reply for review {ReviewId} ({Reason})", request.ReviewId, completion.FinishReason);

        var replyText = completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;
        return new ReviewReplyDraft(Guid.NewGuid(), merchant.Id, request.ReviewId, request.Rating, request.ReviewText,
            replyText, completion.Model, _clock.GetUtcNow());
    }
}
