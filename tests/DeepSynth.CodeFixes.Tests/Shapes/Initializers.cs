// kind: program
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapPost("/dto", async (Question question, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(question.Text);
    return Results.Ok(new AnswerDto { Answer = response.Text, ModelId = response.ModelId });
});

app.MapPost("/list", async (Question question, IChatClient chat) =>
{
    var first = (await chat.GetResponseAsync(question.Text)).Text;
    var second = (await chat.GetResponseAsync("And again: " + question.Text)).Text;
    return Results.Ok(new List<string> { first, second });
});

app.MapPost("/array", async (Question question, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(question.Text);
    string[] answers = [response.Text];
    return Results.Ok(answers);
});

app.Run();

public sealed record Question(string Text);

public sealed class AnswerDto
{
    public string? Answer { get; init; }

    public string? ModelId { get; init; }
}
