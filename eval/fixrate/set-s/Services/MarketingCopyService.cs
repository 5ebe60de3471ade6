using System.Runtime.CompilerServices;
using System.Text;
using HuoPin.Live.Domain;
using HuoPin.Live.Infrastructure.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HuoPin.Live.Services;

public sealed record GeneratedText(string Text, string Model, int? InputTokens = null, int? OutputTokens = null);

public sealed class TitleSuggestions
{
    public List<string> Titles { get; set; } = [];
    public List<string> SearchKeywords { get; set; } = [];
}

public sealed class CampaignDraft
{
    public string SmsText { get; set; } = "";
    public string EmailSubject { get; set; } = "";
    public string EmailHtml { get; set; } = "";
}

public sealed record CampaignBrief(string Name, string Goal, string? Offer, string? Audience);

public interface IMarketingCopyService
{
    Task<(TitleSuggestions Suggestions, string Model)> SuggestTitlesAsync(Product product, string? keywords, CancellationToken ct);
    Task<GeneratedText> WriteDetailCopyAsync(Product product, string tone, string? extraNotes, CancellationToken ct);
    IAsyncEnumerable<string> StreamSellingPointsAsync(Product product, string audience, CancellationToken ct);
    Task<(CampaignDraft Draft, string Model)> DraftCampaignAsync(CampaignBrief brief, Product? product, CancellationToken ct);
    Task<GeneratedText> RewriteSmsAsync(Campaign campaign, Product? product, string? toneHint, CancellationToken ct);
    Task<string> PersonalizeGreetingAsync(string recipientName, string shopName, string campaignGoal, CancellationToken ct);
    Task<GeneratedText> WriteNarrationAsync(Product product, int seconds, CancellationToken ct);
    Task<GeneratedText> WritePushHeadlineAsync(Campaign campaign, Product? product, CancellationToken ct);
    Task<GeneratedText> WriteInsightsAsync(MerchantMetrics metrics, string audience, CancellationToken ct);
    Task<IReadOnlyList<string>> SuggestSubjectLinesAsync(Campaign campaign, string? hint, int count, CancellationToken ct);
}

public sealed class MarketingCopyService(
    IChatClient chat,
    IDashScopeApi dashScope,
    IOptions<DashScopeOptions> dashScopeOptions,
    ILogger<MarketingCopyService> logger) : IMarketingCopyService
{
    private const string CopywriterSystem =
        "你是一名资深电商文案，熟悉淘宝、抖音和快手直播带货的表达方式。遵守《广告法》，不使用“最”“第一”“国家级”等极限词，不夸大功效。";

    public async Task<(TitleSuggestions Suggestions, string Model)> SuggestTitlesAsync(Product product, string? keywords, CancellationToken ct)
    {
        var prompt = $"""
            为下面的商品写 5 个电商标题（每个不超过 30 个汉字），并给出 8 个搜索关键词。
            商品：{product.Name}
            类目：{product.Category}
            卖点属性：{string.Join("、", product.Attributes)}
            商家希望包含的关键词：{keywords ?? "无"}
            """;

        var response = await chat.GetResponseAsync<TitleSuggestions>(
            [new ChatMessage(ChatRole.System, CopywriterSystem), new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { Temperature = 0.9f },
            cancellationToken: ct);

        return (response.Result, response.ModelId ?? "default");
    }

    public async Task<GeneratedText> WriteDetailCopyAsync(Product product, string tone, string? extraNotes, CancellationToken ct)
    {
        var options = dashScopeOptions.Value;
        var user = new StringBuilder()
            .AppendLine($"请为商品“{product.Name}”写一段详情页文案，500 字左右，分 3 到 4 个小节，每节带小标题。")
            .AppendLine($"语气：{tone}")
            .AppendLine($"价格：{product.Price:0.00} 元")
            .AppendLine($"属性：{string.Join("；", product.Attributes)}");
        if (!string.IsNullOrWhiteSpace(product.MerchantNotes))
        {
            user.AppendLine($"商家备注：{product.MerchantNotes}");
        }
        if (!string.IsNullOrWhiteSpace(extraNotes))
        {
            user.AppendLine($"本次要求：{extraNotes}");
        }

        var response = await dashScope.GenerateTextAsync(
            DashScopeTextRequest.Create(options.TextModel, CopywriterSystem, user.ToString(), temperature: 0.85, maxTokens: 1500), ct);

        logger.LogInformation("Detail copy for {ProductId} generated, request {RequestId}", product.Id, response.RequestId);
        return new GeneratedText(response.FirstText().Trim(), options.TextModel, response.Usage?.InputTokens, response.Usage?.OutputTokens);
    }

    public async IAsyncEnumerable<string> StreamSellingPointsAsync(Product product, string audience, [EnumeratorCancellation] CancellationToken ct)
    {
        var prompt = $"用短句列出“{product.Name}”面向{audience}的 6 个核心卖点，每条一行，适合主播口播。属性：{string.Join("、", product.Attributes)}";
        await foreach (var update in chat.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.System, CopywriterSystem), new ChatMessage(ChatRole.User, prompt)],
            cancellationToken: ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public async Task<(CampaignDraft Draft, string Model)> DraftCampaignAsync(CampaignBrief brief, Product? product, CancellationToken ct)
    {
        var prompt = $"""
            为营销活动写一条短信（70 字以内，结尾加“拒收请回复R”）和一封营销邮件（主题 + HTML 正文，正文使用简单的 <p> 与 <ul>）。
            活动名称：{brief.Name}
            活动目标：{brief.Goal}
            优惠：{brief.Offer ?? "无"}
            目标人群：{brief.Audience ?? "店铺老客"}
            商品：{product?.Name ?? "全店"} {(product is null ? "" : $"（{product.Price:0.00} 元）")}
            """;

        var response = await chat.GetResponseAsync<CampaignDraft>(
            [new ChatMessage(ChatRole.System, CopywriterSystem), new ChatMessage(ChatRole.User, prompt)],
            cancellationToken: ct);

        return (response.Result, response.ModelId ?? "default");
    }

    public async Task<GeneratedText> RewriteSmsAsync(Campaign campaign, Product? product, string? toneHint, CancellationToken ct)
    {
        var options = dashScopeOptions.Value;
        var user = $"改写这条营销短信，70 字以内，保留优惠信息和“拒收请回复R”。语气：{toneHint ?? "亲切"}。原文：{campaign.SmsText}。商品：{product?.Name ?? "全店"}";
        var response = await dashScope.GenerateTextAsync(
            DashScopeTextRequest.Create(options.TextModel, CopywriterSystem, user, temperature: 0.9, maxTokens: 200), ct);
        return new GeneratedText(response.FirstText().Trim(), options.TextModel, response.Usage?.InputTokens, response.Usage?.OutputTokens);
    }

    public async Task<string> PersonalizeGreetingAsync(string recipientName, string shopName, string campaignGoal, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(
            $"为{shopName}写一句给老顾客“{recipientName}”的邮件开头问候语，20 字以内，和“{campaignGoal}”相关，只输出问候语。",
            new ChatOptions { Temperature = 1.0f, MaxOutputTokens = 60 },
            cancellationToken: ct);
        return response.Text.Trim();
    }

    public async Task<GeneratedText> WriteNarrationAsync(Product product, int seconds, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, CopywriterSystem),
                new ChatMessage(ChatRole.User, $"为“{product.Name}”写一段 {seconds} 秒的短视频旁白，口语化，约 {seconds * 4} 个字，不要分镜说明。"),
            ],
            cancellationToken: ct);
        return new GeneratedText(response.Text.Trim(), response.ModelId ?? "default",
            (int?)response.Usage?.InputTokenCount, (int?)response.Usage?.OutputTokenCount);
    }

    public async Task<GeneratedText> WritePushHeadlineAsync(Campaign campaign, Product? product, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(
            $"写一条 App 推送通知正文，25 字以内，活动：{campaign.Name}，目标：{campaign.Goal}，商品：{product?.Name ?? "全店"}。只输出正文。",
            new ChatOptions { MaxOutputTokens = 80 },
            cancellationToken: ct);
        return new GeneratedText(response.Text.Trim(), response.ModelId ?? "default");
    }

    public async Task<GeneratedText> WriteInsightsAsync(MerchantMetrics metrics, string audience, CancellationToken ct)
    {
        var prompt = $"""
            根据店铺数据写 3 条经营建议（{audience}），每条一句话，给出可执行动作。
            商品数：{metrics.ProductCount}，7 日评价数：{metrics.ReviewsLast7Days}，平均评分：{metrics.AverageRating:0.0}，
            进行中的活动：{metrics.ActiveCampaigns}，7 日活动触达：{metrics.DeliveredLast7Days}，低库存商品：{string.Join("、", metrics.LowStockProducts)}
            """;
        var response = await chat.GetResponseAsync(prompt, new ChatOptions { Temperature = 0.4f }, ct);
        return new GeneratedText(response.Text.Trim(), response.ModelId ?? "default",
            (int?)response.Usage?.InputTokenCount, (int?)response.Usage?.OutputTokenCount);
    }

    public async Task<IReadOnlyList<string>> SuggestSubjectLinesAsync(Campaign campaign, string? hint, int count, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync<List<string>>(
            $"为营销邮件写 {count} 个不同风格的邮件主题（每个 20 字以内），用于 A/B 测试。活动：{campaign.Name}；目标：{campaign.Goal}；当前主题：{campaign.EmailSubject}；补充要求：{hint ?? "无"}",
            cancellationToken: ct);
        return response.Result.Take(count).ToList();
    }
}
