using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using XueBa.Coach.Infrastructure.Ai;
using XueBa.Coach.Infrastructure.Data;

namespace XueBa.Coach.Services;

public sealed record EssayCritique(string Feedback, int? Score, string Model, long OutputTokens);

public interface IEssayCoachService
{
    Task<EssayCritique> CritiqueAsync(EssayRow essay, string? focus, CancellationToken ct);
    Task<string> RewriteAsync(EssayRow essay, string style, int? targetWords, CancellationToken ct);
    IAsyncEnumerable<string> StreamOutlineAsync(string topic, int grade, string genre, CancellationToken ct);
}

public sealed partial class EssayCoachService(IClaudeWriter claude, IChatClient chat, ILogger<EssayCoachService> logger) : IEssayCoachService
{
    private const string CritiqueSystem = """
        你是一位有二十年经验的语文/英语作文老师。请先肯定优点，再指出最多三个需要改进的地方，
        每个问题都引用原文并给出修改示范。最后一行必须是“评分：NN/100”。
        """;

    public async Task<EssayCritique> CritiqueAsync(EssayRow essay, string? focus, CancellationToken ct)
    {
        var user = $"""
            年级：{essay.Grade}  文体：{essay.Genre}
            {(string.IsNullOrWhiteSpace(focus) ? "" : $"重点关注：{focus}\n")}题目：{essay.Title}

            {essay.Body}
            """;

        var completion = await claude.CompleteAsync(CritiqueSystem, user, 1800, ct);
        var score = ParseScore(completion.Text);
        if (score is null)
        {
            logger.LogWarning("Critique for essay {EssayId} had no score line", essay.Id);
        }

        var feedback = ScoreLine().Replace(completion.Text, "").TrimEnd();
        return new EssayCritique(feedback, score, completion.Model, completion.OutputTokens);
    }

    public async Task<string> RewriteAsync(EssayRow essay, string style, int? targetWords, CancellationToken ct)
    {
        var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "在保留学生原意和主要情节的前提下润色作文，不要添加与原文无关的内容。"),
                new ChatMessage(ChatRole.User, $"风格：{style}；字数：{targetWords?.ToString() ?? "与原文相近"}\n\n{essay.Body}"),
            ],
            new ChatOptions { Temperature = 0.7f },
            ct);
        return response.Text;
    }

    public async IAsyncEnumerable<string> StreamOutlineAsync(string topic, int grade, string genre, [EnumeratorCancellation] CancellationToken ct)
    {
        var prompt = $"为{grade}年级学生写一篇{genre}《{topic}》列出提纲：开头、三个段落要点、结尾，每点一句话。";
        await foreach (var update in chat.GetStreamingResponseAsync(prompt, cancellationToken: ct))
        {
            yield return update.Text;
        }
    }

    private static int? ParseScore(string text)
    {
        var match = ScoreLine().Match(text);
        return match.Success && int.TryParse(match.Groups["score"].Value, out var s) ? Math.Clamp(s, 0, 100) : null;
    }

    [GeneratedRegex(@"评分[:：]\s*(?<score>\d{1,3})\s*/\s*100\s*$", RegexOptions.Multiline)]
    private static partial Regex ScoreLine();
}
