using System.Runtime.CompilerServices;
using System.Text;
using OllamaSharp;
using OllamaSharp.Models;
using ShopCopilot.Models;

namespace ShopCopilot.Services;

public interface IReviewSummariser
{
    Task<string> SummariseAsync(string sku, IReadOnlyList<ReviewRow> reviews, CancellationToken ct);
    IAsyncEnumerable<string> StreamHighlightsAsync(string sku, IReadOnlyList<ReviewRow> reviews, CancellationToken ct);
    Task<IReadOnlyList<string>> LocalModelsAsync(CancellationToken ct);
}

public sealed class OllamaReviewSummariser(IOllamaApiClient ollama, IConfiguration configuration) : IReviewSummariser
{
    private string Model => configuration["Providers:Ollama:Model"] ?? "qwen2.5:7b";

    public async Task<string> SummariseAsync(string sku, IReadOnlyList<ReviewRow> reviews, CancellationToken ct)
    {
        var builder = new StringBuilder();
        await foreach (var chunk in ollama.GenerateAsync(new GenerateRequest
        {
            Model = Model,
            Prompt = BuildPrompt(sku, reviews, "Summarise what buyers like and dislike in at most 6 bullet points, then one line of advice for the seller."),
            Stream = true,
        }, ct))
        {
            builder.Append(chunk?.Response);
        }

        return builder.ToString().Trim();
    }

    public async IAsyncEnumerable<string> StreamHighlightsAsync(string sku, IReadOnlyList<ReviewRow> reviews, [EnumeratorCancellation] CancellationToken ct)
    {
        var chat = new Chat(ollama, "You analyse product reviews for marketplace sellers.") { Model = Model };
        await foreach (var token in chat.SendAsync(BuildPrompt(sku, reviews, "List the three most useful quotes a seller could reuse in the listing."), ct))
        {
            yield return token;
        }
    }

    public async Task<IReadOnlyList<string>> LocalModelsAsync(CancellationToken ct)
    {
        var models = await ollama.ListLocalModelsAsync(ct);
        return models.Select(m => m.Name).ToList();
    }

    private static string BuildPrompt(string sku, IReadOnlyList<ReviewRow> reviews, string task)
    {
        var lines = reviews.Select(r => $"- ({r.Rating}/5) {r.Body}");
        return $"Reviews for {sku}:\n{string.Join('\n', lines)}\n\n{task}";
    }
}
