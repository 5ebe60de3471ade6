using System.Threading.Channels;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.SignalR;
using OpenAI.Chat;

namespace Storyline.Hubs;

/// <summary>Interactive fiction: the model continues the story; tokens stream through a channel.</summary>
public sealed class StoryHub : Hub
{
    private readonly ChatClient _chat;
    private readonly IContentReviewer _review;

    public StoryHub(ChatClient chat, IContentReviewer review)
    {
        _chat = chat;
        _review = review;
    }

    public async Task<ChannelReader<string>> Continue(string storySoFar, CancellationToken cancellationToken)
    {
        var input = await _review.EnsureAllowedAsync(storySoFar, ReviewStage.Input, cancellationToken);
        var channel = Channel.CreateUnbounded<string>();
        _ = WriteTokensAsync(channel.Writer, input, cancellationToken);
        return channel.Reader; // expect: DSYN001, DSYN002, DSYN003, DSYN005
    }

    private async Task WriteTokensAsync(ChannelWriter<string> writer, string storySoFar, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            var messages = new List<ChatMessage>
            {
                new SystemChatMessage("Continue the story in the same voice. Two paragraphs at most."),
                new UserChatMessage(storySoFar),
            };
            await foreach (StreamingChatCompletionUpdate update in _chat.CompleteChatStreamingAsync(messages, cancellationToken: cancellationToken))
            {
                foreach (ChatMessageContentPart part in update.ContentUpdate)
                {
                    await writer.WriteAsync(part.Text, cancellationToken);
                }
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }

        writer.TryComplete(error);
    }
}
