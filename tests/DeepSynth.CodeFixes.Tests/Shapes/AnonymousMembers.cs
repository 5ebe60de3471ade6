// kind: program
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapPost("/short", async (Question question, IChatClient chat) =>
{
    var answer = (await chat.GetResponseAsync(question.Text)).Text;
    return Results.Ok(new { answer });
});

app.MapPost("/projected", async (Question question, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(question.Text);
    return Results.Ok(new { response.Text, at = DateTime.UtcNow });
});

app.Run();

public sealed record Question(string Text);
