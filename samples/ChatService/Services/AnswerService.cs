using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Review;
using OpenAI.Chat;

namespace ChatService.Services;

/// <summary>The service layer: answers questions with the OpenAI chat client.</summary>
public class AnswerService(ChatClient chat, IContentReviewer review, ISynthesisAuditLog audit)
{
    /// <summary>Reviews the question and the answer and records the generation; the caller labels and publishes.</summary>
    public async Task<string> AnswerAsync(string question, string? userId, CancellationToken cancellationToken)
    {
        var reviewed = await review.EnsureAllowedAsync(question, ReviewStage.Input, cancellationToken);
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage(reviewed)], cancellationToken: cancellationToken);
        var answer = await review.EnsureAllowedAsync(completion.Content[0].Text, ReviewStage.Output, cancellationToken);
        await audit.RecordAsync(answer, new GenerationRecord { UserId = userId, Model = completion.Model }, cancellationToken);
        return answer;
    }

    /// <summary>A first draft, for the caller to review and label. It does not record the generation.</summary>
    public async Task<string> DraftAsync(string topic, CancellationToken cancellationToken)
    {
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage("Draft a paragraph about " + topic)], cancellationToken: cancellationToken);
        return completion.Content[0].Text;
    }
}
