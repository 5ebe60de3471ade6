using System.Text;
using System.Text.RegularExpressions;
using Anthropic;
using Anthropic.Models.Messages;
using ZhaoPinCopilot.Data;

namespace ZhaoPinCopilot.Ai;

public sealed record ScreeningOutcome(string Summary, int FitScore, string Model, long InputTokens, long OutputTokens);

public sealed record TranscriptTurn(string Role, string Text);

public interface IRecruitingAssistant
{
    string Model { get; }

    Task<ScreeningOutcome> ScreenResumeAsync(string resumeText, JobPosting job, CancellationToken ct = default);
    Task<string> WriteRejectionLetterAsync(string candidateName, string jobTitle, string? recruiterNote, CancellationToken ct = default);
    Task<string> SummarizePracticeSessionAsync(string jobTitle, IReadOnlyList<TranscriptTurn> transcript, CancellationToken ct = default);
}

/// <summary>Long-context work (resumes, transcripts, letters) goes to Claude.</summary>
public sealed partial class ClaudeRecruitingAssistant(
    IAnthropicClient client,
    IConfiguration configuration,
    ILogger<ClaudeRecruitingAssistant> logger) : IRecruitingAssistant
{
    public string Model { get; } = configuration["Anthropic:Model"] ?? "claude-sonnet-4-6";

    public async Task<ScreeningOutcome> ScreenResumeAsync(string resumeText, JobPosting job, CancellationToken ct = default)
    {
        const string system = """
            你是企业招聘团队的简历初筛助手。阅读职位描述和候选人简历，输出：
            第一行：FIT_SCORE: <0-100 的整数>
            之后：不超过 300 字的中文初筛摘要，包括匹配点、差距和建议追问的问题。
            只依据简历中的事实，不要推断候选人的年龄、婚育、籍贯等信息。
            """;

        var prompt = $"""
            <job title="{job.Title}" department="{job.Department}">
            {job.DescriptionDraft ?? job.Requirements}
            </job>
            <resume>
            {resumeText}
            </resume>
            """;

        var message = await CompleteAsync(system, prompt, 1024, ct);
        var text = TextOf(message);

        var match = FitScorePattern().Match(text);
        var score = match.Success ? Math.Clamp(int.Parse(match.Groups[1].Value), 0, 100) : 0;
        var summary = match.Success ? text[(match.Index + match.Length)..].Trim() : text;

        return new ScreeningOutcome(summary, score, Model, message.Usage.InputTokens, message.Usage.OutputTokens);
    }

    public async Task<string> WriteRejectionLetterAsync(string candidateName, string jobTitle, string? recruiterNote, CancellationToken ct = default)
    {
        const string system = """
            你代表公司人力资源部给候选人写一封婉拒信。语气真诚、尊重，篇幅 150-250 字。
            不要透露内部评价细节或具体的淘汰原因，可以鼓励候选人关注其他岗位。
            署名：人力资源部。
            """;

        var prompt = new StringBuilder()
            .AppendLine($"候选人：{candidateName}")
            .AppendLine($"应聘岗位：{jobTitle}");
        if (!string.IsNullOrWhiteSpace(recruiterNote))
        {
            prompt.AppendLine($"招聘顾问备注（用于把握语气，不要直接引用）：{recruiterNote}");
        }

        var message = await CompleteAsync(system, prompt.ToString(), 800, ct);
        return TextOf(message);
    }

    public async Task<string> SummarizePracticeSessionAsync(string jobTitle, IReadOnlyList<TranscriptTurn> transcript, CancellationToken ct = default)
    {
        const string system = """
            你是求职辅导老师。根据一次模拟面试的对话记录，为候选人写一份练习总结：
            表现亮点（2-3 条）、需要改进的地方（2-3 条）、下一次练习建议。总字数不超过 400 字。
            """;

        var dialogue = new StringBuilder().AppendLine($"目标岗位：{jobTitle}");
        foreach (var turn in transcript)
        {
            dialogue.AppendLine($"{(turn.Role == "candidate" ? "候选人" : "面试官")}：{turn.Text}");
        }

        var message = await CompleteAsync(system, dialogue.ToString(), 1200, ct);
        return TextOf(message);
    }

    private async Task<Message> CompleteAsync(string system, string prompt, long maxTokens, CancellationToken ct)
    {
        var message = await client.Messages.Create(new MessageCreateParams
        {
            Model = Model,
            MaxTokens = maxTokens,
            System = system,
            Messages = [new UserMessageParam(prompt)],
        }, ct);

        logger.LogDebug("Claude message {Id}: {In} in / {Out} out", message.ID, message.Usage.InputTokens, message.Usage.OutputTokens);
        return message;
    }

    private static string TextOf(Message message) =>
        string.Concat(message.Content.Select(block => block.TryPickText(out var text) ? text.Text : string.Empty)).Trim();

    [GeneratedRegex(@"FIT_SCORE:\s*(\d{1,3})")]
    private static partial Regex FitScorePattern();
}
