using Betalgo.Ranul.OpenAI.Interfaces;
using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Review;
using Microsoft.Extensions.Options;
using ZhengWuTong.Contracts;
using ZhengWuTong.Domain;
using ZhengWuTong.Infrastructure.Ai;
using ZhengWuTong.Infrastructure.Storage;

namespace ZhengWuTong.Services;

public interface ILetterDraftingService
{
    Task<LetterDraft> DraftAsync(LetterDraftRequest request, string clerkId, CancellationToken ct);
    Task<string> TranslateToEnglishAsync(string chineseText, CancellationToken ct);
}

public sealed class LetterDraftingService(
    IOpenAIService openAi,
    IOptions<BetalgoOptions> options,
    IContentReviewer review,
    ISynthesisAuditLog audit,
    ILetterRepository letters,
    ILogger<LetterDraftingService> logger) : ILetterDraftingService
{
    private readonly BetalgoOptions _options = options.Value;

    private static readonly Dictionary<string, string> Templates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reply"] = "信访事项答复意见书",
        ["supplement"] = "补正材料告知书",
        ["acceptance"] = "受理通知书",
        ["rejection"] = "不予受理告知书"
    };

    public async Task<LetterDraft> DraftAsync(LetterDraftRequest request, string clerkId, CancellationToken ct)
    {
        await review.EnsureAllTextAllowedAsync(request, ReviewStage.Input, ct);

        var kind = Templates.GetValueOrDefault(request.LetterType, "政务服务告知函");
        var completion = await openAi.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
        {
            Model = _options.ChatModel,
            Temperature = 0.3f,
            MaxTokens = 1500,
            Messages =
            [
                ChatMessage.FromSystem($"你是政务服务中心的公文写作助手，请按照党政机关公文格式起草一份《{kind}》。不要写入任何身份证号或手机号。"),
                ChatMessage.FromUser($"案件编号：{request.CaseNumber}\n收件人：{request.RecipientName}\n经办人要点：{request.ClerkNotes}")
            ]
        }, cancellationToken: ct);

        if (!completion.Successful)
        {
            logger.LogWarning("Letter draft failed: {Code} {Message}", completion.Error?.Code, completion.Error?.Message);
            throw new AiProviderException("betalgo", (int)completion.HttpStatusCode);
        }

        var body = completion.Choices.First().Message.Content ?? string.Empty;
        body = await review.EnsureAllowedAsync(body, ReviewStage.Output, ct);

        var draft = new LetterDraft
        {
            CaseNumber = request.CaseNumber,
            RecipientName = request.RecipientName,
            RecipientEmail = request.RecipientEmail,
            LetterType = request.LetterType,
            ClerkId = clerkId,
            ClerkNotes = request.ClerkNotes,
            DraftBody = body,
            Model = completion.Model ?? _options.ChatModel,
            TotalTokens = completion.Usage?.TotalTokens ?? 0
        };
        var id = letters.Insert(draft);

        await audit.RecordAsync(body, new GenerationRecord
        {
            UserId = clerkId,
            Model = draft.Model,
            ContentId = id,
            Attributes = { ["feature"] = "letter-draft", ["letterType"] = request.LetterType }
        }, ct);

        return draft;
    }

    public async Task<string> TranslateToEnglishAsync(string chineseText, CancellationToken ct)
    {
        var completion = await openAi.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
        {
            Model = _options.ChatModel,
            Temperature = 0.1f,
            Messages =
            [
                ChatMessage.FromSystem("Translate the following municipal notice into clear English for foreign residents. Keep dates, phone numbers and document numbers unchanged."),
                ChatMessage.FromUser(chineseText)
            ]
        }, cancellationToken: ct);

        if (!completion.Successful)
        {
            throw new AiProviderException("betalgo", (int)completion.HttpStatusCode);
        }

        return completion.Choices.First().Message.Content ?? string.Empty;
    }
}
