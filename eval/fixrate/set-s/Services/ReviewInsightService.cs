using System.Text;
using HuoPin.Live.Domain;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace HuoPin.Live.Services;

public sealed record ReviewDigest(string Summary, IReadOnlyList<string> Highlights, string Model, int ReviewCount, double AverageRating);

public interface IReviewInsightService
{
    Task<ReviewDigest> SummarizeAsync(Product product, IReadOnlyList<BuyerReview> reviews, CancellationToken ct);
}

/// <summary>Summarises buyer reviews with a Semantic Kernel prompt function.</summary>
public sealed class ReviewInsightService(Kernel kernel, IConfiguration configuration) : IReviewInsightService
{
    private const int MaxReviewsInPrompt = 80;

    private static readonly string Template = """
        下面是商品“{{$product}}”的买家评价（每行一条，格式：评分|内容）。
        请用 120 字以内总结买家的整体评价，客观呈现优点和主要不满；然后另起一行，以“亮点：”开头，列出 3 个用顿号分隔的短语。
        不要引用买家昵称，不要编造评价里没有的信息。

        {{$reviews}}
        """;

    public async Task<ReviewDigest> SummarizeAsync(Product product, IReadOnlyList<BuyerReview> reviews, CancellationToken ct)
    {
        var model = configuration["AI:SummaryModel"] ?? "qwen-plus";
        var lines = new StringBuilder();
        foreach (var review in reviews.OrderByDescending(r => r.PostedAt).Take(MaxReviewsInPrompt))
        {
            lines.Append(review.Rating).Append('|').AppendLine(review.Text.ReplaceLineEndings(" "));
        }

        var settings = new OpenAIPromptExecutionSettings { ModelId = model, Temperature = 0.2, MaxTokens = 400 };
        var result = await kernel.InvokePromptAsync(Template, new KernelArguments(settings)
        {
            ["product"] = product.Name,
            ["reviews"] = lines.ToString(),
        }, cancellationToken: ct);

        var text = result.GetValue<string>()?.Trim() ?? "";
        var parts = text.Split("亮点：", 2, StringSplitOptions.TrimEntries);
        var highlights = parts.Length > 1
            ? parts[1].Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];

        return new ReviewDigest(parts[0], highlights, model, reviews.Count, reviews.Count == 0 ? 0 : reviews.Average(r => r.Rating));
    }
}
