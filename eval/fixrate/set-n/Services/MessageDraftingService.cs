using CareMessenger.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace CareMessenger.Services;

public sealed class AiOptions
{
    public const string Section = "Ai";

    public string DashScopeEndpoint { get; set; } = "https://dashscope.aliyuncs.com/compatible-mode/v1";
    public string DashScopeApiKey { get; set; } = "";
    public string ChatModel { get; set; } = "qwen-plus";
    public string LabModel { get; set; } = "qwen-max";

    public string ZhipuEndpoint { get; set; } = "https://open.bigmodel.cn/api/paas/v4/";
    public string ZhipuApiKey { get; set; } = "";
    public string SummaryModel { get; set; } = "glm-4-plus";

    public string AzureEndpoint { get; set; } = "https://caremessenger-east.openai.azure.com/";
    public string AzureApiKey { get; set; } = "";
    public string ImageDeployment { get; set; } = "dall-e-3";
    public string SpeechDeployment { get; set; } = "tts-1";

    public string MediaRoot { get; set; } = "media";
}

public sealed record DraftResult(string Text, string Model, int? OutputTokens, string? ResponseId);

public interface IMessageDraftingService
{
    Task<DraftResult> DraftReminderAsync(Patient patient, Appointment appointment, CancellationToken ct);
    Task<DraftResult> DraftFollowUpAsync(Patient patient, Appointment appointment, string doctorNotes, CancellationToken ct);
    Task<DraftResult> DraftHealthTipAsync(string theme, string season, CancellationToken ct);
    Task<ChatResponse> AnswerPortalQuestionAsync(string question, IReadOnlyList<ChatLine> history, CancellationToken ct);
    IAsyncEnumerable<string> StreamPortalAnswerAsync(string question, IReadOnlyList<ChatLine> history, CancellationToken ct);
}

public sealed class MessageDraftingService(IChatClient chat, IOptions<AiOptions> options, ILogger<MessageDraftingService> logger)
    : IMessageDraftingService
{
    private const string PortalSystemPrompt =
        "你是连锁私立诊所的患者服务助手。用通俗、礼貌的中文回答患者的问题。" +
        "不做诊断，不推荐处方药；涉及急症时提醒患者立即拨打120或前往急诊。回答控制在300字以内。";

    private ChatOptions BaseOptions(float temperature, int maxTokens) => new()
    {
        ModelId = options.Value.ChatModel,
        Temperature = temperature,
        MaxOutputTokens = maxTokens,
    };

    public async Task<DraftResult> DraftReminderAsync(Patient patient, Appointment appointment, CancellationToken ct)
    {
        var prompt = $"""
            请为患者写一条就诊提醒短信（70字以内，不要使用表情符号）。
            称呼：{patient.DisplayName}
            科室：{appointment.Department}
            医生：{appointment.DoctorName}
            时间：{appointment.StartsAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日 HH:mm}
            提醒带好身份证和医保卡，如需改约请回复本短信。
            """;
        var response = await chat.GetResponseAsync(prompt, BaseOptions(0.3f, 200), ct);
        return ToResult(response);
    }

    public async Task<DraftResult> DraftFollowUpAsync(Patient patient, Appointment appointment, string doctorNotes, CancellationToken ct)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "你为诊所撰写就诊后回访消息，语气温和专业，150字以内，结尾提醒如有不适及时复诊。"),
            new(ChatRole.User, $"患者：{patient.DisplayName}\n科室：{appointment.Department}\n医生备注：{doctorNotes}"),
        ];
        var response = await chat.GetResponseAsync(messages, BaseOptions(0.5f, 400), ct);
        logger.LogInformation("Follow-up drafted for appointment {AppointmentId} ({Tokens} tokens)",
            appointment.Id, response.Usage?.TotalTokenCount);
        return ToResult(response);
    }

    public async Task<DraftResult> DraftHealthTipAsync(string theme, string season, CancellationToken ct)
    {
        var prompt = $"为诊所公众号写一篇300字左右的健康小贴士，主题：{theme}，季节：{season}。使用Markdown，包含一个标题和3条要点。";
        var response = await chat.GetResponseAsync(prompt, BaseOptions(0.7f, 800), ct);
        return ToResult(response);
    }

    public Task<ChatResponse> AnswerPortalQuestionAsync(string question, IReadOnlyList<ChatLine> history, CancellationToken ct) =>
        chat.GetResponseAsync(BuildConversation(question, history), BaseOptions(0.4f, 600), ct);

    public async IAsyncEnumerable<string> StreamPortalAnswerAsync(string question, IReadOnlyList<ChatLine> history,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(BuildConversation(question, history), BaseOptions(0.4f, 600), ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }
    }

    private static List<ChatMessage> BuildConversation(string question, IReadOnlyList<ChatLine> history)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, PortalSystemPrompt) };
        foreach (var line in history)
        {
            messages.Add(new ChatMessage(line.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, line.Text));
        }
        messages.Add(new ChatMessage(ChatRole.User, question));
        return messages;
    }

    private DraftResult ToResult(ChatResponse response) =>
        new(response.Text.Trim(), response.ModelId ?? options.Value.ChatModel,
            (int?)response.Usage?.OutputTokenCount, response.ResponseId);
}
