using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ShopAssist.Services;

public sealed class ReviewSummarizer(IChatCompletionService completions)
{
    public async Task<string> SummarizeAsync(IEnumerable<string> reviews, CancellationToken cancellationToken = default)
    {
        var history = new ChatHistory("You summarize customer reviews in two sentences.");
        history.AddUserMessage(string.Join("\n---\n", reviews));
        var message = await completions.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
        return message.Content ?? string.Empty;
    }
}
