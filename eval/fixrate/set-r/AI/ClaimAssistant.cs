using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using PeiFu.Claims.Contracts;

namespace PeiFu.Claims.AI;

public sealed class AiOptions
{
    public const string Section = "AI";

    public string ChatModel { get; set; } = "gpt-4o-mini";
    public string LocalModel { get; set; } = "qwen2.5:7b";
    public string VisionModel { get; set; } = "qwen2.5vl:7b";
    public string OllamaEndpoint { get; set; } = "http://localhost:11434";
    public string ImageDeployment { get; set; } = "dall-e-3";
    public string SpeechDeployment { get; set; } = "tts-1";
    public string? OpenAiApiKey { get; set; }
    public string? AzureEndpoint { get; set; }
    public string? AzureApiKey { get; set; }
    public int MaxHistoryTurns { get; set; } = 12;
}

public sealed record AssistantReply(string Text, string Model, int? InputTokens, int? OutputTokens);

public interface IClaimAssistant
{
    Task<AssistantReply> ReplyAsync(string claimId, IReadOnlyList<(string Role, string Text)> history, string customerMessage, CancellationToken ct);
    IAsyncEnumerable<string> StreamReplyAsync(string claimId, string customerMessage, CancellationToken ct);
    Task<AssistantReply> SummarizeSessionAsync(string claimId, IReadOnlyList<string> transcript, CancellationToken ct);
    Task<AssistantReply> DraftCustomerReplyAsync(string claimId, string customerMessage, string instruction, CancellationToken ct);
    Task<AssistantReply> AnswerCallerAsync(string transcript, CancellationToken ct);
    Task<(CoverageComparison Comparison, string Model)> CompareCoverageAsync(string policyTerms, string otherProduct, CancellationToken ct);
}

/// <summary>Claim intake and customer-facing replies on the hosted chat model.</summary>
public sealed class ClaimAssistant(IChatClient chat, IOptions<AiOptions> options, ILogger<ClaimAssistant> logger) : IClaimAssistant
{
    private const string IntakeSystemPrompt = """
        你是“赔付通”的理赔报案助手。请引导客户说明出险时间、地点、经过、损失情况和联系方式，
        每次只问一到两个问题。不要承诺是否赔付或赔付金额，涉及定损时说明由理赔员确认。
        If the customer writes in English, answer in English.
        """;

    private const string PhoneSystemPrompt = """
        你是电话客服语音助手。回答要口语化、简短（不超过三句话），不要使用列表或表情符号。
        无法确定的问题请建议客户转人工服务。
        """;

    private readonly AiOptions _options = options.Value;

    public async Task<AssistantReply> ReplyAsync(string claimId, IReadOnlyList<(string Role, string Text)> history,
        string customerMessage, CancellationToken ct)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, IntakeSystemPrompt + $"\n当前案件号：{claimId}") };
        foreach (var (role, text) in history.TakeLast(_options.MaxHistoryTurns))
        {
            messages.Add(new ChatMessage(role == "assistant" ? ChatRole.Assistant : ChatRole.User, text));
        }
        messages.Add(new ChatMessage(ChatRole.User, customerMessage));

        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 600 }, ct);
        logger.LogDebug("Intake reply for {ClaimId} finished with {FinishReason}", claimId, response.FinishReason);
        return ToReply(response);
    }

    public async IAsyncEnumerable<string> StreamReplyAsync(string claimId, string customerMessage,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, IntakeSystemPrompt + $"\n当前案件号：{claimId}"),
            new(ChatRole.User, customerMessage)
        };

        await foreach (var update in chat.GetStreamingResponseAsync(messages, new ChatOptions { Temperature = 0.3f }, ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    public async Task<AssistantReply> SummarizeSessionAsync(string claimId, IReadOnlyList<string> transcript, CancellationToken ct)
    {
        var prompt = $"""
            请把下面的报案对话整理成给客户确认的报案摘要（出险经过、损失、已提供材料、待补充材料），不超过200字。
            案件号：{claimId}

            {string.Join('\n', transcript)}
            """;
        var response = await chat.GetResponseAsync(prompt, new ChatOptions { Temperature = 0.1f }, ct);
        return ToReply(response);
    }

    public async Task<AssistantReply> DraftCustomerReplyAsync(string claimId, string customerMessage, string instruction, CancellationToken ct)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "你在为保险理赔客服起草回复客户的消息。语气礼貌、专业，不要编造保单条款。"),
            new(ChatRole.User, $"案件号：{claimId}\n客户留言：{customerMessage}\n客服要求：{instruction}")
        };
        var response = await chat.GetResponseAsync(messages, cancellationToken: ct);
        return ToReply(response);
    }

    public async Task<AssistantReply> AnswerCallerAsync(string transcript, CancellationToken ct)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, PhoneSystemPrompt),
            new(ChatRole.User, transcript)
        };
        var response = await chat.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 200 }, ct);
        return ToReply(response);
    }

    public async Task<(CoverageComparison Comparison, string Model)> CompareCoverageAsync(string policyTerms, string otherProduct, CancellationToken ct)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "Compare the customer's current policy terms with the described product. Be factual and cite clause names where possible."),
            new(ChatRole.User, $"Current policy terms:\n{policyTerms}\n\nOther product:\n{otherProduct}")
        };
        var response = await chat.GetResponseAsync<CoverageComparison>(messages, cancellationToken: ct);
        return (response.Result, response.ModelId ?? _options.ChatModel);
    }

    private AssistantReply ToReply(ChatResponse response) =>
        new(response.Text,
            response.ModelId ?? _options.ChatModel,
            (int?)response.Usage?.InputTokenCount,
            (int?)response.Usage?.OutputTokenCount);
}
