using OpenAI.Chat;
using ShopAssist.Models;

namespace ShopAssist.Services;

public sealed class ProductCopyWriter
{
    private readonly ChatClient _chat;

    public ProductCopyWriter(ChatClient chat) => _chat = chat;

    public async Task<ProductCopy> WriteAsync(string sku, ProductInput input)
    {
        ChatCompletion headline = await _chat.CompleteChatAsync($"Headline for {input.Name}");
        ChatCompletion description = await _chat.CompleteChatAsync($"Description for {input.Name} ({input.Audience})");
        var copy = new ProductCopy
        {
            Sku = sku,
            Headline = headline.Content[0].Text,
            Description = description.Content[0].Text,
        };
        foreach (var feature in input.Features)
        {
            ChatCompletion bullet = await _chat.CompleteChatAsync($"One bullet point selling the feature: {feature}");
            copy.Bullets.Add(bullet.Content[0].Text);
        }

        return copy;
    }
}
