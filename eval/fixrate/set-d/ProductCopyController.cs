using System.Text;
using LumenMarket.Catalog;
using LumenMarket.Models;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Chat;

namespace LumenMarket.Controllers;

[ApiController]
[Route("api/copy")]
public class ProductCopyController(ChatClient chatClient, IProductCatalog catalog) : ControllerBase
{
    private static readonly SystemChatMessage CopywriterPrompt = new(
        "You write product copy for the Lumen Market web shop. Output a headline on the first line, " +
        "then one paragraph, then three to five bullet points that start with '*'.");

    [HttpPost("description")]
    public async Task<IActionResult> Description(ProductCopyRequest request, CancellationToken ct)
    {
        var product = catalog.Find(request.Sku);
        if (product is null)
        {
            return NotFound();
        }

        var options = new ChatCompletionOptions { Temperature = 0.8f, MaxOutputTokenCount = 500 };
        ChatCompletion completion = await chatClient.CompleteChatAsync(
            [
                CopywriterPrompt,
                new UserChatMessage($"Product: {product.Name} ({product.Category}). Facts: {product.Summary}. " +
                                    $"Audience: {request.Audience ?? "general"}. Keywords: {request.Keywords ?? "none"}."),
            ],
            options,
            ct);

        var lines = completion.Content[0].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new ProductCopyResult { Sku = product.Sku, Headline = lines.FirstOrDefault() ?? product.Name };
        var paragraph = new StringBuilder();
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith('*'))
            {
                result.Bullets.Add(line.TrimStart('*', ' '));
            }
            else
            {
                paragraph.AppendLine(line);
            }
        }
        result.Description = paragraph.ToString().Trim();

        return Ok(result);
    }

    [HttpPost("taglines")]
    public async Task<List<string>> Taglines(TaglineRequest request)
    {
        var completion = await chatClient.CompleteChatAsync(
            new UserChatMessage($"Give {request.Count} short taglines for {request.ProductName}, one per line, no numbering."));

        var taglines = new List<string>();
        foreach (var line in completion.Value.Content[0].Text.Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                taglines.Add(line.Trim().Trim('"'));
            }
        }
        return taglines;
    }
}
