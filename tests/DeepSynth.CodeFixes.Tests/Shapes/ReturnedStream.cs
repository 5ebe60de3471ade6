// kind: program
using Microsoft.Extensions.AI;

var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/chat/stream", (string prompt, IChatClient chat, CancellationToken cancellationToken) =>
    chat.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken).Select(update => update.Text));
app.Run();
