using OpenAI.Chat;
using ShopAssist.Models;

namespace ShopAssist.Api;

public static class ProductApi
{
    public static void MapProductApi(this IEndpointRouteBuilder endpoints)
    {
        var products = endpoints.MapGroup("/api/products");

        products.MapPost("/{sku}/copy", async (string sku, ProductInput input, ChatClient chat) =>
        {
            ChatCompletion completion = await chat.CompleteChatAsync(
                new SystemChatMessage("You write product copy for an online shop."),
                new UserChatMessage($"Product {input.Name} for {input.Audience}; features: {string.Join(", ", input.Features)}"));
            var copy = new ProductCopy { Sku = sku };
            copy.Description = completion.Content[0].Text;
            return Results.Ok(copy);
        });

        products.MapPost("/{sku}/headline", async (string sku, ProductInput input, ChatClient chat) =>
        {
            ChatCompletion completion = await chat.CompleteChatAsync($"One catchy headline for {input.Name}");
            return Results.Ok(new { sku, headline = completion.Content[0].Text, model = completion.Model });
        });

        products.MapPost("/raw", async (ProductInput input, ChatClient chat) =>
        {
            var completion = await chat.CompleteChatAsync($"Describe {input.Name}");
            return Results.Ok(completion.Value);
        });

        products.MapPost("/tags", GenerateTags);
    }

    private static async Task<SeoTags> GenerateTags(ProductInput input, ChatClient chat)
    {
        ChatCompletion completion = await chat.CompleteChatAsync($"Comma-separated SEO tags for {input.Name}");
        var tags = completion.Content[0].Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new SeoTags(tags);
    }
}
