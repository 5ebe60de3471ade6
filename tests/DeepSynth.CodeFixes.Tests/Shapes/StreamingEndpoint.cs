using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Chat.Streaming;

[ApiController]
[Route("api/stream")]
public class StreamController(IChatClient chat) : ControllerBase
{
    [HttpGet("tokens")]
    public async IAsyncEnumerable<string> Tokens(string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(question, cancellationToken: cancellationToken))
        {
            yield return update.Text;
        }
    }
}
