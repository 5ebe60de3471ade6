using MenuMuse.Models;
using Microsoft.Extensions.AI;

namespace MenuMuse.Services;

public interface IMenuTranslator
{
    Task<DishTranslationsResponse> TranslateAsync(Dish dish, string description, IReadOnlyList<string> languages, CancellationToken cancellationToken);
}

public sealed class MenuTranslator : IMenuTranslator
{
    public static readonly HashSet<string> SupportedLanguages = new(StringComparer.OrdinalIgnoreCase) { "en", "fr", "es", "pt", "de", "it", "zh", "ja" };

    private readonly IChatClient _chatClient;

    public MenuTranslator(IChatClient chatClient)
    {
        _chatClient = chatClient;
    }

    public async Task<DishTranslationsResponse> TranslateAsync(Dish dish, string description, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        var prompt = $"""
            Translate this dish for a delivery app menu into: {string.Join(", ", languages)}.
            Keep well-known dish names (for example "paella") untranslated. Use ISO 639-1 codes as Language.
            Name: {dish.Name}
            Description: {description}
            """;

        var response = await _chatClient.GetResponseAsync<TranslationBatch>(prompt, new ChatOptions { Temperature = 0.2f }, cancellationToken: cancellationToken);

        var translations = new Dictionary<string, TranslatedDish>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in response.Result.Items.Where(i => languages.Contains(i.Language, StringComparer.OrdinalIgnoreCase)))
        {
            translations[item.Language.ToLowerInvariant()] = item;
        }

        return new DishTranslationsResponse(dish.Id, dish.Name, translations, response.ModelId ?? "unknown", DateTimeOffset.UtcNow);
    }
}
