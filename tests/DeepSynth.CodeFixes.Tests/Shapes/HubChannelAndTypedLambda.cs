// kind: program
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
builder.Services.AddSingleton<Answers>();
var app = builder.Build();
// A lambda with a declared return type: made async, it returns a task of that type (without it the lambda binds to RequestDelegate).
app.MapGet("/answers/{id}", Results<Ok<string>, NotFound> (string id, Answers answers) =>
    answers.Find(id) is { } text ? TypedResults.Ok(text) : TypedResults.NotFound());
app.MapHub<TutorHub>("/tutor");
app.Run();

public sealed class Answers
{
    private readonly Dictionary<string, string> _texts = new();
    public void Keep(string id, string text) => _texts[id] = text;
    public string? Find(string id) => _texts.GetValueOrDefault(id);
}

// Two sends in one hub method (one attribute), and a channel filled by a Task.Run lambda (not app.Run: the hub's constructor takes the services).
public sealed class TutorHub(IChatClient chat, Answers answers) : Hub
{
    public async Task Ask(string id, string question)
    {
        var response = await chat.GetResponseAsync(question);
        answers.Keep(id, response.Text);
        await Clients.Caller.SendAsync("answer", response.Text);
        await Clients.Others.SendAsync("answered", response.Text);
    }

    public ChannelReader<string> Feedback(string essay, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<string>();
        _ = Task.Run(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync(essay, cancellationToken: cancellationToken))
            {
                await channel.Writer.WriteAsync(update.Text, cancellationToken);
            }

            channel.Writer.TryComplete();
        }, cancellationToken);
        return channel.Reader;
    }
}
