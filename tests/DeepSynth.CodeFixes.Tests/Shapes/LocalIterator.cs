// kind: program
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/stream", (string question, IChatClient chat, CancellationToken cancellationToken) => Tokens(chat, question, cancellationToken));

app.Run();

static async IAsyncEnumerable<string> Tokens(IChatClient chat, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
{
    await foreach (var update in chat.GetStreamingResponseAsync(question, cancellationToken: cancellationToken))
    {
        yield return update.Text;
    }
}
