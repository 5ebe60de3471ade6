using Microsoft.AspNetCore.SignalR;
using OpenAI.Chat;

namespace ShopAssist.Hubs;

public interface ISupportClient
{
    Task ReceiveReply(string agent, string text);

    Task ReceiveToken(string token);
}

public sealed class SupportHub(ChatClient chat) : Hub<ISupportClient>
{
    public async Task AskAgent(string question)
    {
        ChatCompletion completion = await chat.CompleteChatAsync(question);
        await Clients.Caller.ReceiveReply("assistant", completion.Content[0].Text);
    }

    public async Task AskStreaming(string question)
    {
        await foreach (StreamingChatCompletionUpdate update in chat.CompleteChatStreamingAsync(question))
        {
            foreach (var part in update.ContentUpdate)
            {
                await Clients.Caller.ReceiveToken(part.Text);
            }
        }
    }
}
