using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ShopCopilot.Data;

namespace ShopCopilot.Services;

public interface IBuyerAssistant
{
    Task<string> AnswerAsync(string sku, string question, IReadOnlyList<ChatMessage> history, CancellationToken ct);
    IAsyncEnumerable<string> StreamAnswerAsync(string sku, string question, CancellationToken ct);
    Task<ChatResponse> AnswerWithMetadataAsync(string sku, string question, CancellationToken ct);
}

public sealed class BuyerAssistant(IChatClient chat, IContentStore store) : IBuyerAssistant
{
    public async Task<string> AnswerAsync(string sku, string question, IReadOnlyList<ChatMessage> history, CancellationToken ct)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, await BuildSystemPromptAsync(sku, ct)) };
        messages.AddRange(history);
        messages.Add(new ChatMessage(ChatRole.User, question));
        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 400 }, ct);
        return response.Text;
    }

    public async IAsyncEnumerable<string> StreamAnswerAsync(string sku, string question, [EnumeratorCancellation] CancellationToken ct)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, await BuildSystemPromptAsync(sku, ct)),
            new(ChatRole.User, question),
        ];

        await foreach (var update in chat.GetStreamingResponseAsync(messages, cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public async Task<ChatResponse> AnswerWithMetadataAsync(string sku, string question, CancellationToken ct)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, await BuildSystemPromptAsync(sku, ct)),
            new(ChatRole.User, question),
        ];
        return await chat.GetResponseAsync(messages, cancellationToken: ct);
    }

    private async Task<string> BuildSystemPromptAsync(string sku, CancellationToken ct)
    {
        var listing = (await store.GetListingsForSkuAsync(sku, ct)).FirstOrDefault();
        var facts = listing is null ? "No listing on file." : $"Title: {listing.Title}\nDescription: {listing.Description}";
        return $"""
            You answer buyer questions for an online store. Be polite and concise, answer in the buyer's language.
            Never promise delivery dates or refunds; point buyers to the order page for those.
            Product facts:
            {facts}
            """;
    }
}
