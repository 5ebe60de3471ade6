// kind: program
using OpenAI.Chat;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapPost("/reply", async (Question question, ChatClient chat) =>
{
    ChatCompletion completion = await chat.CompleteChatAsync(question.Text);
    return Results.Ok(new ChatReply(completion.Content[0].Text, completion.Model));
});

app.MapPost("/named", async (Question question, ChatClient chat) =>
{
    ChatCompletion completion = await chat.CompleteChatAsync(question.Text);
    return Results.Ok(new ChatReply(Model: completion.Model, Text: completion.Content[0].Text));
});

app.MapPost("/text", async (Question question, ChatClient chat) =>
{
    ChatCompletion completion = await chat.CompleteChatAsync(question.Text);
    return Results.Text(contentType: "text/plain", content: completion.Content[0].Text);
});

app.Run();

public sealed record Question(string Text);

public sealed record ChatReply(string Text, string Model);
