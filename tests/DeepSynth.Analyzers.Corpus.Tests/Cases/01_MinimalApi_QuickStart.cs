// kind: program
// A first prototype of a chat service, straight from a quick-start: no compliance steps at all.
using Microsoft.Extensions.AI;
using OpenAI;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddChatClient(
    new OpenAIClient(builder.Configuration["OpenAI:ApiKey"]!).GetChatClient("gpt-4o-mini").AsIChatClient());

var app = builder.Build();

app.MapGet("/", () => "Assistant API v0.3");

app.MapGet("/health", () => Results.Ok(new { status = "ok", at = DateTimeOffset.UtcNow }));

app.MapPost("/chat", async (ChatRequest request, IChatClient chat, CancellationToken ct) =>
{
    var response = await chat.GetResponseAsync(request.Prompt, cancellationToken: ct); // expect: DSYN004
    return Results.Ok(new { content = response.Text }); // expect: DSYN001, DSYN002, DSYN003, DSYN005
});

// Used by the ops dashboard: only the token count and model leave the service.
app.MapPost("/chat/dry-run", async (ChatRequest request, IChatClient chat) =>
{
    var response = await chat.GetResponseAsync(request.Prompt); // expect: DSYN004
    return Results.Ok(new
    {
        model = response.ModelId,
        tokens = response.Usage?.TotalTokenCount ?? 0,
        finishedAt = DateTimeOffset.UtcNow,
    });
});

app.MapPost("/chat/system", async (SystemChatRequest request, IChatClient chat) =>
{
    List<ChatMessage> messages =
    [
        new(ChatRole.System, "你是一名乐于助人的客服助手，请用简体中文回答。"),
        new(ChatRole.User, request.Question),
    ];
    var options = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 800 };
    ChatResponse answer = await chat.GetResponseAsync(messages, options); // expect: DSYN004
    return TypedResults.Ok(answer.Text); // expect: DSYN001, DSYN002, DSYN003, DSYN005
});

app.MapGet("/joke", async (IChatClient chat) =>
{
    var response = await chat.GetResponseAsync("讲一个关于程序员的冷笑话。");
    return Results.Text(response.Text, "text/plain; charset=utf-8"); // expect: DSYN001, DSYN002, DSYN003, DSYN005
});

app.Run();

record ChatRequest(string Prompt);

record SystemChatRequest(string Question, string? Locale);
