using LumenMarket.Infrastructure;
using LumenMarket.Models;
using Microsoft.Extensions.AI;

namespace LumenMarket.Support;

public static class SupportEndpoints
{
    private const string SystemPrompt =
        "You are the support assistant of Lumen Market, an online shop for home, kitchen and outdoor goods. " +
        "Be friendly and concise. Returns are accepted within 30 days; shipping is free above 50 EUR.";

    public static void MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/support").AddEndpointFilter<StoreHeaderFilter>();

        group.MapPost("/ask", AskAsync);
        group.MapGet("/policy", ExplainPolicyAsync);

        group.MapPost("/order-status", async (SupportQuestion question, IChatClient chat, CancellationToken ct) =>
        {
            var messages = new List<ChatMessage>
            {
                new(ChatRole.System, SystemPrompt),
                new(ChatRole.User, $"Order {question.OrderNumber ?? "unknown"}: {question.Message}"),
            };
            var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f }, ct);
            return Results.Ok(new { orderNumber = question.OrderNumber, reply = response.Text, model = response.ModelId });
        });
    }

    private static async Task<IResult> AskAsync(SupportQuestion question, IChatClient chat, ILoggerFactory loggers, CancellationToken ct)
    {
        loggers.CreateLogger("Support").LogInformation("Question from customer {CustomerId}", question.CustomerId);
        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, question.Message)],
            cancellationToken: ct);
        var answer = new SupportAnswer(response.Text, "friendly", DateTimeOffset.UtcNow);
        return Results.Ok(answer);
    }

    private static async Task<string> ExplainPolicyAsync(string topic, IChatClient chat, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(
            $"{SystemPrompt}\nExplain our {topic} policy to a customer in three short sentences.",
            cancellationToken: ct);
        return $"Here is a quick summary of our {topic} policy:\n\n{response.Text}\n\nStill need help? Just reply to this message.";
    }
}
