using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text;
using MenuMuse.Data;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace MenuMuse.Chat;

public sealed class MenuPlugin(MenuCatalog catalog)
{
    [KernelFunction("get_menu"), Description("Lists the dishes a restaurant sells, with id, price and dietary tags.")]
    public string GetMenu([Description("The restaurant id, for example m-101")] string merchantId)
    {
        var sb = new StringBuilder();
        foreach (var dish in catalog.DishesFor(merchantId))
        {
            sb.AppendLine($"#{dish.Id} {dish.Name} - {dish.Price:0.00} EUR{(dish.IsVegetarian ? " [vegetarian]" : "")}");
        }
        return sb.Length == 0 ? "This restaurant has no dishes on the app." : sb.ToString();
    }

    [KernelFunction("get_ingredients"), Description("Returns the ingredients of one dish, for allergy questions.")]
    public string GetIngredients(int dishId) => catalog.FindDish(dishId)?.Ingredients ?? $"No dish with id {dishId}.";
}

public interface IDishRecommender
{
    Task<string> ReplyAsync(string conversationId, string merchantId, string customerMessage, CancellationToken cancellationToken = default);
    void EndConversation(string conversationId);
}

public sealed class DishRecommender(Kernel kernel) : IDishRecommender
{
    private readonly ConcurrentDictionary<string, ChatHistory> _conversations = new();

    public async Task<string> ReplyAsync(string conversationId, string merchantId, string customerMessage, CancellationToken cancellationToken = default)
    {
        var history = _conversations.GetOrAdd(conversationId, _ => new ChatHistory(
            $"You are MenuMuse, a friendly assistant that helps customers choose dishes from restaurant {merchantId}. " +
            "Use the menu tools, only recommend dishes that exist, and keep answers under 80 words."));
        history.AddUserMessage(customerMessage);

        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), Temperature = 0.7 };
        ChatMessageContent answer = await chat.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);
        history.Add(answer);
        return answer.Content ?? string.Empty;
    }

    public void EndConversation(string conversationId) => _conversations.TryRemove(conversationId, out _);
}
