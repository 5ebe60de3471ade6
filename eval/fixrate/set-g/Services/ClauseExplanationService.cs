using LexDesk.Models;
using OpenAI.Chat;

namespace LexDesk.Services;

/// <summary>Turns contract language into something a client's operations team can read.</summary>
public class ClauseExplanationService(ChatClient client, ILogger<ClauseExplanationService> logger)
{
    public async Task<ClauseExplanation> ExplainAsync(ClauseExplanationRequest request, CancellationToken cancellationToken)
    {
        var audience = request.Audience switch
        {
            "executive" => "公司高管，关心商业影响，篇幅控制在150字以内",
            "engineer" => "技术团队，关心交付与验收义务",
            _ => "没有法律背景的普通客户"
        };

        List<OpenAI.Chat.ChatMessage> messages =
        [
            new SystemChatMessage("你把合同条款翻译成通俗易懂的中文。先用一段话解释条款含义，然后用以「- 」开头的行列出客户需要注意的要点。"),
            new UserChatMessage($"读者：{audience}。合同类型：{request.ContractType ?? "未说明"}。\n条款原文：\n{request.ClauseText}")
        ];

        var options = new ChatCompletionOptions { Temperature = 0.3f, MaxOutputTokenCount = 800 };
        ChatCompletion completion = await client.CompleteChatAsync(messages, options, cancellationToken);

        var watch = new List<string>();
        var body = new List<string>();
        foreach (var line in completion.Content[0].Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
                watch.Add(line[2..]);
            else
                body.Add(line);
        }

        logger.LogDebug("Explained clause for {Audience} with {Points} watch points", request.Audience, watch.Count);
        return new ClauseExplanation(request.ClauseText, string.Join(Environment.NewLine, body), watch,
            completion.Model, completion.Usage?.TotalTokenCount ?? 0, DateTimeOffset.UtcNow);
    }
}
