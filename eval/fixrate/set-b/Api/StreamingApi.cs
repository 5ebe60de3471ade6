using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ShopAssist.Api;

public static class StreamingApi
{
    public static void MapStreamingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/assistant/stream", Stream);
    }

    private static async IAsyncEnumerable<string> Stream(string question, IChatCompletionService completions)
    {
        var history = new ChatHistory();
        history.AddUserMessage(question);
        await foreach (var chunk in completions.GetStreamingChatMessageContentsAsync(history))
        {
            if (chunk.Content is { Length: > 0 } text)
            {
                yield return text;
            }
        }
    }
}
