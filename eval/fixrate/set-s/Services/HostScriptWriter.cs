using Azure.AI.Inference;
using HuoPin.Live.Domain;
using Microsoft.Extensions.Options;

namespace HuoPin.Live.Services;

public sealed class InferenceOptions
{
    public string Endpoint { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public string ScriptModel { get; set; } = "DeepSeek-V3";
    public string BriefingModel { get; set; } = "DeepSeek-V3";
}

public sealed record HostScriptRequest(Guid ProductId, int DurationMinutes, string Style, string? Promotion, string? Taboos);

public sealed record HostScriptDraft(string Title, string Script, string Model, int PromptTokens, int CompletionTokens);

public interface IHostScriptWriter
{
    Task<HostScriptDraft> WriteAsync(Product product, HostScriptRequest request, CancellationToken ct);
    Task<string> WriteDailyBriefingAsync(MerchantProfile merchant, MerchantMetrics metrics, CancellationToken ct);
}

/// <summary>Livestream host scripts through the Azure AI model inference endpoint.</summary>
public sealed class HostScriptWriter(ChatCompletionsClient client, IOptions<InferenceOptions> options, ILogger<HostScriptWriter> logger) : IHostScriptWriter
{
    public async Task<HostScriptDraft> WriteAsync(Product product, HostScriptRequest request, CancellationToken ct)
    {
        var completionOptions = new ChatCompletionsOptions
        {
            Model = options.Value.ScriptModel,
            Temperature = 0.8f,
            MaxTokens = 2500,
            Messages =
            {
                new ChatRequestSystemMessage(
                    "你是直播带货编导。按“开场暖场—痛点引入—产品讲解—信任背书—限时逼单—互动收尾”的结构写主播口播稿，标注每段建议时长。不得使用虚假宣传和极限词。"),
                new ChatRequestUserMessage($"""
                    商品：{product.Name}（{product.Category}，{product.Price:0.00} 元，库存 {product.Stock}）
                    属性：{string.Join("、", product.Attributes)}
                    时长：{request.DurationMinutes} 分钟
                    风格：{request.Style}
                    优惠：{request.Promotion ?? "无"}
                    禁忌：{request.Taboos ?? "无"}
                    第一行写脚本标题。
                    """),
            },
        };

        var response = await client.CompleteAsync(completionOptions, ct);
        var completion = response.Value;
        var content = completion.Content ?? "";
        var title = content.Split('\n', 2)[0].Trim('#', ' ', '*');

        logger.LogInformation("Host script for {ProductId}: {CompletionTokens} tokens, finish {FinishReason}",
            product.Id, completion.Usage?.CompletionTokens, completion.FinishReason);

        return new HostScriptDraft(title, content, completion.Model ?? options.Value.ScriptModel,
            completion.Usage?.PromptTokens ?? 0, completion.Usage?.CompletionTokens ?? 0);
    }

    public async Task<string> WriteDailyBriefingAsync(MerchantProfile merchant, MerchantMetrics metrics, CancellationToken ct)
    {
        var completionOptions = new ChatCompletionsOptions
        {
            Model = options.Value.BriefingModel,
            Temperature = 0.3f,
            MaxTokens = 400,
            Messages =
            {
                new ChatRequestSystemMessage("你是店铺运营助理，用 5 行以内的要点总结昨日经营情况并给出今日直播建议。"),
                new ChatRequestUserMessage(
                    $"店铺：{merchant.ShopName}；商品 {metrics.ProductCount} 个；近 7 日评价 {metrics.ReviewsLast7Days} 条，均分 {metrics.AverageRating:0.0}；" +
                    $"进行中活动 {metrics.ActiveCampaigns} 个；低库存：{string.Join("、", metrics.LowStockProducts)}"),
            },
        };

        var response = await client.CompleteAsync(completionOptions, ct);
        return response.Value.Content?.Trim() ?? "";
    }
}
