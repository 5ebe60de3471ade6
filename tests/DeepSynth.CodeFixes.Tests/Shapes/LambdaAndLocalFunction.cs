// kind: program
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapPost("/local", async (Question question, IChatClient chat) =>
{
    async Task<string> AskAsync(string text) => (await chat.GetResponseAsync(text)).Text;

    var answer = await AskAsync(question.Text);
    return Results.Ok(answer);
});

app.MapPost("/selected", async (Question question, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(question.Text);
    var lines = response.Text.Split('\n').Select(line => line.Trim()).ToList();
    return Results.Ok(lines);
});

app.Run();

public sealed record Question(string Text);
