using System.Runtime.CompilerServices;
using MenuMuse.Models;
using Microsoft.Extensions.AI;

namespace MenuMuse.Services;

public interface IDishCopywriter
{
    Task<DishDescriptionResponse> DescribeAsync(Dish dish, DescriptionRequest request, CancellationToken cancellationToken = default);
    IAsyncEnumerable<string> StreamDescriptionAsync(Dish dish, string tone, CancellationToken cancellationToken = default);
}

public sealed class DishCopywriter(IChatClient chatClient, ILogger<DishCopywriter> logger) : IDishCopywriter
{
    private const string SystemPrompt = "You write menu copy for independent restaurants on a food-delivery app. " +
                                        "Be appetising and concrete, never invent ingredients, and do not mention prices.";

    public async Task<DishDescriptionResponse> DescribeAsync(Dish dish, DescriptionRequest request, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> messages = [new(ChatRole.System, SystemPrompt), new(ChatRole.User, BuildPrompt(dish, request.Tone, request.MaxWords))];

        var options = new ChatOptions { Temperature = 0.8f, MaxOutputTokens = 300 };
        ChatResponse response = await chatClient.GetResponseAsync(messages, options, cancellationToken);
        logger.LogInformation("Described dish {DishId} ({Tokens} output tokens)", dish.Id, response.Usage?.OutputTokenCount);

        return new DishDescriptionResponse(dish.Id, dish.Name, dish.Price, response.Text.Trim(), response.ModelId ?? "unknown", DateTimeOffset.UtcNow);
    }

    public async IAsyncEnumerable<string> StreamDescriptionAsync(Dish dish, string tone, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = $"{SystemPrompt}\n\n{BuildPrompt(dish, tone, 80)}";
        await foreach (ChatResponseUpdate update in chatClient.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    private static string BuildPrompt(Dish dish, string tone, int maxWords) => $"""
        Dish: {dish.Name}
        Ingredients: {dish.Ingredients}{(dish.IsVegetarian ? " (vegetarian)" : "")}
        Write a {tone} description of at most {maxWords} words.
        """;
}
