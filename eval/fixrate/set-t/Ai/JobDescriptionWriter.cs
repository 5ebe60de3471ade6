using System.ComponentModel;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using ZhaoPinCopilot.Data;

namespace ZhaoPinCopilot.Ai;

public sealed class JobDescriptionDraft
{
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public List<string> Responsibilities { get; set; } = [];
    public List<string> Requirements { get; set; } = [];
    public List<string> Benefits { get; set; } = [];

    /// <summary>One line shown on the careers list.</summary>
    public string Teaser { get; set; } = "";

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"## {Title}").AppendLine().AppendLine(Summary).AppendLine();
        AppendSection(sb, "岗位职责", Responsibilities);
        AppendSection(sb, "任职要求", Requirements);
        AppendSection(sb, "福利待遇", Benefits);
        return sb.ToString().TrimEnd();
    }

    private static void AppendSection(StringBuilder sb, string heading, List<string> items)
    {
        if (items.Count == 0) return;
        sb.AppendLine($"### {heading}");
        for (var i = 0; i < items.Count; i++) sb.AppendLine($"{i + 1}. {items[i]}");
        sb.AppendLine();
    }
}

public sealed record JobDescriptionResult(JobDescriptionDraft Draft, string Model, long? InputTokens, long? OutputTokens);

public interface IJobDescriptionWriter
{
    Task<JobDescriptionResult> DraftAsync(JobPosting job, string? tone, string? language, string? extraNotes, CancellationToken ct = default);
}

public sealed class JobDescriptionWriter(
    IChatClient chat,
    RecruitingDbContext db,
    IConfiguration configuration,
    ILogger<JobDescriptionWriter> logger) : IJobDescriptionWriter
{
    private const string SystemPrompt = """
        你是一名资深的招聘文案，为中国互联网公司撰写职位描述（JD）。
        要求：内容真实、不夸大；不得出现性别、年龄、地域、婚育等歧视性要求；
        薪资与福利只能使用工具返回的信息，不要编造。
        职责和要求各 4-6 条，每条不超过 40 字；Teaser 为一句不超过 30 字的岗位亮点。
        """;

    public async Task<JobDescriptionResult> DraftAsync(JobPosting job, string? tone, string? language, string? extraNotes, CancellationToken ct = default)
    {
        var options = new ChatOptions
        {
            Temperature = 0.5f,
            Tools =
            [
                AIFunctionFactory.Create(LookupSalaryBandAsync, "lookup_salary_band"),
                AIFunctionFactory.Create(GetEmployerBenefits, "get_employer_benefits"),
            ],
        };

        var brief = new StringBuilder()
            .AppendLine($"岗位名称：{job.Title}")
            .AppendLine($"部门：{job.Department}")
            .AppendLine($"城市：{job.City}")
            .AppendLine($"薪资范围：{job.SalaryRange}")
            .AppendLine($"用人经理提供的要求：{job.Requirements}")
            .AppendLine($"语气：{tone ?? "专业、亲和"}")
            .AppendLine($"语言：{language ?? "简体中文"}");
        if (!string.IsNullOrWhiteSpace(extraNotes))
        {
            brief.AppendLine($"补充说明：{extraNotes}");
        }

        List<ChatMessage> messages =
        [
            new(ChatRole.System, SystemPrompt),
            new(ChatRole.User, brief.ToString()),
        ];

        var response = await chat.GetResponseAsync<JobDescriptionDraft>(messages, options, cancellationToken: ct);
        if (!response.TryGetResult(out var draft) || draft is null || string.IsNullOrWhiteSpace(draft.Summary))
        {
            throw new InvalidOperationException("The model did not return a usable job description.");
        }

        logger.LogInformation("Drafted JD for {JobId} with {Model}: {In}/{Out} tokens",
            job.Id, response.ModelId, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);

        return new JobDescriptionResult(draft, response.ModelId ?? configuration["AzureOpenAI:Deployment"] ?? "gpt-4o",
            response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
    }

    [Description("查询同城市、同部门已发布岗位的薪资区间，用于校准职位描述中的薪资表述")]
    private async Task<string> LookupSalaryBandAsync(
        [Description("城市，例如 上海")] string city,
        [Description("部门，例如 平台技术部")] string department)
    {
        var bands = await db.JobPostings.AsNoTracking()
            .Where(j => j.Status == JobStatus.Published && j.City == city && j.Department == department)
            .OrderByDescending(j => j.PublishedAt)
            .Select(j => j.Title + "：" + j.SalaryRange)
            .Take(5)
            .ToListAsync();

        return bands.Count == 0 ? "暂无同类已发布岗位" : string.Join("\n", bands);
    }

    [Description("返回公司统一的福利清单")]
    private string GetEmployerBenefits() =>
        configuration["Employer:Benefits"] ?? "五险一金、补充商业保险、年度体检、带薪年假 15 天、弹性工作";
}
