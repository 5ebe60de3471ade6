using System.Runtime.CompilerServices;
using DeepSynth.Compliance.Labeling;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Chat;

namespace Media.Captions;

public record CaptionRequest(string Scene, string Language = "zh-CN");

[ApiController]
[Route("api/captions")]
public class CaptionsController(ChatClient chat, IAigcTextLabeler labeler) : ControllerBase
{
    [HttpPost("stream")]
    public async Task Stream(CaptionRequest request, CancellationToken ct)
    {
        var messages = new List<ChatMessage>
        {
            new SystemChatMessage("为短视频写三条配文。"),
            new UserChatMessage(request.Scene),
        };

        Response.Headers.ContentType = "text/event-stream";
        await foreach (var token in labeler.LabelStream(Tokens(ct), ct))
        {
            await Response.WriteAsync($"data: {token}\n\n", ct); // expect: DSYN002, DSYN003, DSYN005
            await Response.Body.FlushAsync(ct);
        }

        async IAsyncEnumerable<string> Tokens([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (StreamingChatCompletionUpdate update in chat.CompleteChatStreamingAsync(messages, cancellationToken: cancellationToken)) // expect: DSYN004
            {
                foreach (var part in update.ContentUpdate)
                {
                    yield return part.Text;
                }
            }
        }
    }
}
