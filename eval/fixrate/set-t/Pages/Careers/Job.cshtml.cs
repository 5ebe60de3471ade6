using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.RealName;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using ZhaoPinCopilot.Data;
using ZhaoPinCopilot.Infrastructure;
using ZhaoPinCopilot.Security;

namespace ZhaoPinCopilot.Pages.Careers;

public class JobModel(
    RecruitingDbContext db,
    PublishedJobCache cache,
    IChatClient chat,
    IZhipuApiClient zhipu,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit,
    IRealNameGate realName,
    ILogger<JobModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? Profile { get; set; }

    public CachedJobPosting? Job { get; private set; }
    public string? Description { get; private set; }
    public string? Answer { get; private set; }
    public string? MatchAdvice { get; private set; }
    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAskAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (string.IsNullOrWhiteSpace(Question))
        {
            ModelState.AddModelError(nameof(Question), "请输入你想了解的问题。");
            return Page();
        }

        try
        {
            await realName.EnsureVerifiedAsync(User, ct);
            var question = await review.EnsureAllowedAsync(Question.Trim(), ReviewStage.Input, ct);

            var response = await chat.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System,
                    $"你是「{Job!.Title}」岗位的招聘助理，只依据下面的职位描述回答候选人的问题；描述中没有的信息请回答“请在面试中向面试官确认”。\n\n{Job.Description}"),
                new ChatMessage(ChatRole.User, question),
            ], new ChatOptions { MaxOutputTokens = 600 }, ct);

            var text = await review.EnsureAllowedAsync(response.Text, ReviewStage.Output, ct);
            await audit.RecordAsync(text, new GenerationRecord
            {
                UserId = User.UserId(),
                Model = response.ModelId ?? "gpt-4o",
                ContentId = Id.ToString("N"),
            }, ct);

            Answer = label.Label(text);
        }
        catch (RealNameVerificationRequiredException)
        {
            ErrorMessage = "使用智能问答前，请先在“我的账号”中完成实名认证。";
        }
        catch (ContentBlockedException)
        {
            ErrorMessage = "抱歉，这个问题暂时无法回答。";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMatchAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (string.IsNullOrWhiteSpace(Profile) || Profile.Length > 3000)
        {
            ModelState.AddModelError(nameof(Profile), "请填写 3000 字以内的个人背景。");
            return Page();
        }

        try
        {
            var profile = await review.EnsureAllowedAsync(Profile, ReviewStage.Input, ct);
            var completion = await zhipu.ChatAsync(
                "你是求职顾问。对比职位描述和求职者的背景，指出 3 个匹配点和 2 个可以补强的地方，再给出投递前的一条建议。语气鼓励，不超过 300 字。",
                $"职位：{Job!.Title}\n职位描述：\n{Job.Description}\n\n求职者背景：\n{profile}", ct);

            var advice = await review.EnsureAllowedAsync(completion.Text, ReviewStage.Output, ct);
            MatchAdvice = label.Label(advice);
        }
        catch (ContentBlockedException)
        {
            ErrorMessage = "内容未通过审核，请修改后再试。";
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Job = await cache.GetAsync(Id);
        if (Job is null)
        {
            var entity = await db.JobPostings.AsNoTracking()
                .FirstOrDefaultAsync(j => j.Id == Id && j.Status == JobStatus.Published, ct);
            if (entity?.DescriptionDraft is null) return false;

            Job = new CachedJobPosting(entity.Id, entity.Title, entity.Department, entity.City, entity.SalaryRange,
                entity.DescriptionDraft, entity.PublishedAt ?? entity.CreatedAt);
            await cache.SetAsync(Job);
            logger.LogDebug("Job {JobId} cache refilled", Id);
        }

        Description = label.Label(Job.Description);
        return true;
    }
}
