using System.Runtime.CompilerServices;
using Azure.AI.Inference;
using Microsoft.Extensions.Options;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Infrastructure.Storage;

namespace ZhengWuTong.Services;

public sealed record PolicyCompletion(string Text, string Model, int PromptTokens, int CompletionTokens);

public interface IPolicyQaService
{
    Task<PolicyCompletion> AskAsync(string question, string? policyCode, string? district, CancellationToken ct);
    IAsyncEnumerable<string> StreamAsync(string question, CancellationToken ct);
    Task<PolicyCompletion> ComposeDailyBriefingAsync(IReadOnlyList<PublicNotice> recentNotices, CancellationToken ct);
    string SaveAnswer(string citizenId, string question, string? policyCode, PolicyCompletion completion);
    PolicyAnswerRecord? FindAnswer(string id);
}

public sealed class PolicyQaService(
    ChatCompletionsClient client,
    IOptions<AzureInferenceOptions> options,
    GovDataStore store,
    ILogger<PolicyQaService> logger) : IPolicyQaService
{
    private const string SystemPrompt =
        "你是某市政务服务中心的政策咨询助手。只根据现行有效的本市政策回答，" +
        "不确定时请提示居民拨打12345热线核实，不得编造文件号。回答要简明、分点列出办理条件和材料。";

    private readonly AzureInferenceOptions _options = options.Value;

    public async Task<PolicyCompletion> AskAsync(string question, string? policyCode, string? district, CancellationToken ct)
    {
        var context = string.IsNullOrWhiteSpace(policyCode) ? string.Empty : $"相关政策编号：{policyCode}\n";
        if (!string.IsNullOrWhiteSpace(district))
        {
            context += $"居民所在区：{district}\n";
        }

        var chatOptions = new ChatCompletionsOptions
        {
            Model = _options.Model,
            Temperature = 0.2f,
            MaxTokens = 1200,
            Messages =
            {
                new ChatRequestSystemMessage(SystemPrompt),
                new ChatRequestUserMessage(context + question)
            }
        };

        var response = await client.CompleteAsync(chatOptions, ct);
        var value = response.Value;
        logger.LogDebug("Policy answer {CompletionId} finished with {Reason}", value.Id, value.FinishReason);
        return new PolicyCompletion(value.Content ?? string.Empty, value.Model ?? _options.Model,
            value.Usage?.PromptTokens ?? 0, value.Usage?.CompletionTokens ?? 0);
    }

    public async IAsyncEnumerable<string> StreamAsync(string question, [EnumeratorCancellation] CancellationToken ct)
    {
        var chatOptions = new ChatCompletionsOptions
        {
            Model = _options.Model,
            Messages =
            {
                new ChatRequestSystemMessage(SystemPrompt),
                new ChatRequestUserMessage(question)
            }
        };

        using var streaming = await client.CompleteStreamingAsync(chatOptions, ct);
        await foreach (var update in streaming.WithCancellation(ct))
        {
            if (!string.IsNullOrEmpty(update.ContentUpdate))
            {
                yield return update.ContentUpdate;
            }
        }
    }

    public async Task<PolicyCompletion> ComposeDailyBriefingAsync(IReadOnlyList<PublicNotice> recentNotices, CancellationToken ct)
    {
        var digest = string.Join("\n", recentNotices.Select(n => $"- {n.Title}（{n.Department}，{n.EffectiveFrom:yyyy-MM-dd}起施行）：{n.KeyPoints}"));
        var chatOptions = new ChatCompletionsOptions
        {
            Model = _options.Model,
            Temperature = 0.4f,
            Messages =
            {
                new ChatRequestSystemMessage("请把以下政务公告整理成一段200字以内的“今日政务早报”，语气亲切，面向普通市民。"),
                new ChatRequestUserMessage(digest)
            }
        };

        var response = await client.CompleteAsync(chatOptions, ct);
        return new PolicyCompletion(response.Value.Content ?? string.Empty, response.Value.Model ?? _options.Model,
            response.Value.Usage?.PromptTokens ?? 0, response.Value.Usage?.CompletionTokens ?? 0);
    }

    public string SaveAnswer(string citizenId, string question, string? policyCode, PolicyCompletion completion)
    {
        var record = new PolicyAnswerRecord
        {
            CitizenId = citizenId,
            Question = question,
            PolicyCode = policyCode ?? string.Empty,
            Answer = completion.Text,
            Model = completion.Model,
            PromptTokens = completion.PromptTokens,
            CompletionTokens = completion.CompletionTokens
        };
        store.PolicyAnswers.Insert(record);
        return record.Id.ToString();
    }

    public PolicyAnswerRecord? FindAnswer(string id) =>
        NoticeRepository.ObjectIdTryParse(id, out var oid) ? store.PolicyAnswers.FindById(oid) : null;
}
