// kind: program
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapPost("/summary", async (Question question, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(question.Text);
    return Results.Text($"Summary: {response.Text} ({response.ModelId})");
});

app.Run();

public sealed record Question(string Text);
