using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace WealthPal.Ai;

public sealed record CommentaryResult(string Markdown, string Model, int PromptTokens, int CompletionTokens);
public sealed record RebalanceIdea(string FundCode, string Action, decimal SuggestedWeight, string Rationale);
public sealed record CopyDraft(string Headline, string Body);

/// <summary>Semantic Kernel flows (Qwen via DashScope compatible mode, with the portfolio and fund plugins).</summary>
public sealed class PortfolioCommentaryService(Kernel kernel, ILogger<PortfolioCommentaryService> logger)
{
    private const string CommentaryPrompt = """
        你是某商业银行财富顾问助手。请先调用 portfolio-get_holdings 和 portfolio-get_risk_level 获取客户 {{$customerId}} 的持仓和风险等级，
        然后用 Markdown 写一段 300 字以内的组合点评：本月表现、集中度、与风险等级是否匹配。
        不得承诺收益，不得推荐具体买卖时点，结尾提示“基金有风险，投资需谨慎”。
        客户的问题：{{$question}}
        """;

    private const string CopyPrompt = """
        你是银行理财产品文案。请先调用 funds-get_fund_facts 查询基金 {{$fundCode}}，根据运营同事的需求写一段 {{$channel}} 渠道的推广文案。
        需求：{{$brief}}
        要求：符合《证券期货经营机构私募资产管理业务管理办法》和基金销售适当性要求，不出现“保本”“稳赚”等字样，
        输出 JSON：{"headline": "...", "body": "..."}，body 不超过 200 字。
        """;

    private static OpenAIPromptExecutionSettings ToolSettings(double temperature) => new()
    {
        FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
        Temperature = temperature,
        MaxTokens = 1200
    };

    public async Task<CommentaryResult> WriteCommentaryAsync(Guid customerId, string question, CancellationToken ct)
    {
        var args = new KernelArguments(ToolSettings(0.3))
        {
            ["customerId"] = customerId.ToString(),
            ["question"] = question
        };
        var result = await kernel.InvokePromptAsync(CommentaryPrompt, args, cancellationToken: ct);
        var (p, c) = ReadUsage(result.Metadata);
        return new CommentaryResult(result.GetValue<string>() ?? "", ModelOf(result), p, c);
    }

    public async Task<CopyDraft> WriteCopyAsync(string fundCode, string channel, string brief, double temperature, CancellationToken ct)
    {
        var args = new KernelArguments(ToolSettings(temperature))
        {
            ["fundCode"] = fundCode,
            ["channel"] = channel,
            ["brief"] = brief
        };
        var result = await kernel.InvokePromptAsync(CopyPrompt, args, cancellationToken: ct);
        var json = StripFence(result.GetValue<string>() ?? "{}");
        try
        {
            var doc = JsonSerializer.Deserialize<CopyDraft>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            return doc ?? new CopyDraft("", json);
        }
        catch (JsonException)
        {
            logger.LogWarning("Copy model returned non-JSON output for {Fund}", fundCode);
            return new CopyDraft("", json);
        }
    }

    public async Task<IReadOnlyList<RebalanceIdea>> SuggestRebalancingAsync(Guid customerId, CancellationToken ct)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("""
            你是银行投顾助手。根据客户持仓与风险等级给出不超过 5 条调仓思路，只能在现有产品货架内。
            输出 JSON 数组：[{"fundCode":"","action":"增配|减配|持有","suggestedWeight":0.1,"rationale":""}]，不要输出其他文字。
            """);
        history.AddUserMessage($"客户ID：{customerId}");

        var reply = await chat.GetChatMessageContentAsync(history, ToolSettings(0.2), kernel, ct);
        var ideas = JsonSerializer.Deserialize<List<RebalanceIdea>>(StripFence(reply.Content ?? "[]"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return ideas ?? [];
    }

    private static string ModelOf(FunctionResult result) =>
        result.Metadata?.TryGetValue("ModelId", out var m) == true ? m?.ToString() ?? "qwen-plus" : "qwen-plus";

    private static (int Prompt, int Completion) ReadUsage(IReadOnlyDictionary<string, object?>? metadata)
    {
        if (metadata?.TryGetValue("Usage", out var u) == true && u is OpenAI.Chat.ChatTokenUsage usage)
            return (usage.InputTokenCount, usage.OutputTokenCount);
        return (0, 0);
    }

    private static string StripFence(string s)
    {
        s = s.Trim();
        if (!s.StartsWith("```")) return s;
        var first = s.IndexOf('\n');
        var last = s.LastIndexOf("```", StringComparison.Ordinal);
        return first > 0 && last > first ? s[(first + 1)..last].Trim() : s;
    }
}
