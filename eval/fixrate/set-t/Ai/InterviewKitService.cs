using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using ZhaoPinCopilot.Data;

namespace ZhaoPinCopilot.Ai;

public sealed record InterviewQuestion(
    [property: JsonPropertyName("competency")] string Competency,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("lookFor")] string LookFor);

public sealed record FeedbackReport(string Text, string Model);

public interface IInterviewKitService
{
    Task<IReadOnlyList<InterviewQuestion>> GenerateQuestionSetAsync(JobPosting job, IReadOnlyList<string> focusAreas, int count, CancellationToken ct = default);
    Task<FeedbackReport> WriteFeedbackReportAsync(string jobTitle, string candidateName, string interviewerNotes, string? recommendation, CancellationToken ct = default);
    Task<string> WriteTalentDigestAsync(IReadOnlyList<JobPosting> jobs, CancellationToken ct = default);
}

/// <summary>
/// Question sets and the weekly digest run on Qwen through Semantic Kernel (prompt templates are
/// maintained by the recruiting team); feedback reports use the default chat client.
/// </summary>
public sealed class InterviewKitService(Kernel kernel, IChatClient chat, ILogger<InterviewKitService> logger) : IInterviewKitService
{
    private const string QuestionSetTemplate = """
        你是一名结构化面试设计专家。请为以下岗位设计 {{$count}} 道面试题，
        重点考察：{{$focus}}。
        岗位：{{$title}}
        岗位要求：{{$requirements}}
        以 JSON 输出：{"questions":[{"competency":"","question":"","lookFor":""}]}，
        lookFor 写面试官应关注的回答要点。不要涉及候选人的隐私或与岗位无关的问题。
        """;

    private const string DigestTemplate = """
        你是公司雇主品牌团队的编辑。请把下面这些本周新开放的岗位写成一封发给人才库订阅者的周报，
        开头一段问候，然后按部门分组，每个岗位一两句话介绍亮点，结尾邀请投递。不超过 600 字。
        岗位列表：
        {{$jobs}}
        """;

    public async Task<IReadOnlyList<InterviewQuestion>> GenerateQuestionSetAsync(
        JobPosting job, IReadOnlyList<string> focusAreas, int count, CancellationToken ct = default)
    {
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.7, ResponseFormat = "json_object" };
        var arguments = new KernelArguments(settings)
        {
            ["count"] = Math.Clamp(count, 3, 15),
            ["focus"] = focusAreas.Count > 0 ? string.Join("、", focusAreas) : "专业能力、协作沟通、解决问题",
            ["title"] = job.Title,
            ["requirements"] = job.Requirements ?? job.DescriptionDraft ?? "",
        };

        var result = await kernel.InvokePromptAsync(QuestionSetTemplate, arguments, cancellationToken: ct);
        var json = result.GetValue<string>() ?? "{}";

        try
        {
            var parsed = JsonSerializer.Deserialize<QuestionSetPayload>(json);
            return parsed?.Questions ?? [];
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Question set for {JobId} was not valid JSON", job.Id);
            return [];
        }
    }

    public async Task<FeedbackReport> WriteFeedbackReportAsync(
        string jobTitle, string candidateName, string interviewerNotes, string? recommendation, CancellationToken ct = default)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, """
                你是招聘团队的面试记录整理助手。把面试官的零散笔记整理成结构化的面试反馈报告：
                1. 总体评价（2-3 句）；2. 能力维度评估（专业能力 / 沟通协作 / 学习能力 / 文化匹配，各给 1-5 分并说明依据）；
                3. 风险点；4. 建议（是否进入下一轮）。只依据笔记内容，不要编造。
                """),
            new(ChatRole.User, $"岗位：{jobTitle}\n候选人：{candidateName}\n面试官结论：{recommendation ?? "未填写"}\n面试笔记：\n{interviewerNotes}"),
        ];

        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 1500 }, ct);
        return new FeedbackReport(response.Text.Trim(), response.ModelId ?? "gpt-4o");
    }

    public async Task<string> WriteTalentDigestAsync(IReadOnlyList<JobPosting> jobs, CancellationToken ct = default)
    {
        var list = new StringBuilder();
        foreach (var job in jobs.OrderBy(j => j.Department))
        {
            list.AppendLine($"- [{job.Department}] {job.Title}（{job.City}，{job.SalaryRange}）：{job.Teaser}");
        }

        var result = await kernel.InvokePromptAsync(DigestTemplate, new KernelArguments { ["jobs"] = list.ToString() }, cancellationToken: ct);
        return (result.GetValue<string>() ?? string.Empty).Trim();
    }

    private sealed class QuestionSetPayload
    {
        [JsonPropertyName("questions")] public List<InterviewQuestion> Questions { get; set; } = [];
    }
}
