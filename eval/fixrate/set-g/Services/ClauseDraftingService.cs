using System.Runtime.CompilerServices;
using System.Text;
using LexDesk.Configuration;
using LexDesk.Data;
using LexDesk.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LexDesk.Services;

public interface IClauseDrafter
{
    Task<ClauseDraftResult> DraftAsync(ClauseDraftRequest request, CancellationToken cancellationToken = default);
    IAsyncEnumerable<string> StreamDraftAsync(ClauseDraftRequest request, CancellationToken cancellationToken = default);
}

public sealed class ClauseDraftingService(
    IChatClient chatClient, IMatterStore store, IOptions<LexDeskOptions> options, ILogger<ClauseDraftingService> logger) : IClauseDrafter
{
    private const string SystemPrompt = "你是一名中国执业律师助理，负责起草商事合同条款。条款须符合中国现行法律，用语严谨，编号清晰，不得编造法条。";

    public async Task<ClauseDraftResult> DraftAsync(ClauseDraftRequest request, CancellationToken cancellationToken = default)
    {
        var chatOptions = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 1200 };
        var response = await chatClient.GetResponseAsync(BuildMessages(request), chatOptions, cancellationToken);

        var draft = new ClauseDraftResult(
            DraftId: $"D-{Guid.NewGuid():N}"[..14],
            MatterId: request.MatterId,
            ClauseType: request.ClauseType,
            ClauseText: response.Text.Trim(),
            Model: response.ModelId ?? "unknown",
            InputTokens: response.Usage?.InputTokenCount,
            OutputTokens: response.Usage?.OutputTokenCount,
            CreatedAt: DateTimeOffset.UtcNow);

        store.SaveDraft(draft);
        logger.LogInformation("Drafted {ClauseType} clause {DraftId} for matter {MatterId}", draft.ClauseType, draft.DraftId, draft.MatterId);
        return draft;
    }

    public async IAsyncEnumerable<string> StreamDraftAsync(
        ClauseDraftRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in chatClient.GetStreamingResponseAsync(BuildMessages(request), cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(update.Text))
                yield return update.Text;
        }
    }

    private List<ChatMessage> BuildMessages(ClauseDraftRequest request)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine($"请起草一条「{request.ClauseType}」条款。甲方：{request.PartyA}；乙方：{request.PartyB}。");
        prompt.AppendLine($"适用法律：{request.GoverningLaw ?? options.Value.DefaultJurisdiction}法律。");
        if (store.FindMatter(request.MatterId) is { } matter)
            prompt.AppendLine($"案件背景：{matter.Title}（{matter.PracticeArea}）。");
        if (!string.IsNullOrWhiteSpace(request.Instructions))
            prompt.AppendLine($"特别要求：{request.Instructions}");
        if (request.Language != "zh-CN")
            prompt.AppendLine("请同时提供英文译本，中文版本为准。");

        return [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, prompt.ToString())];
    }
}
