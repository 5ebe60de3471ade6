using Coravel.Invocable;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using OpenAI.Images;
using ZhaoPinCopilot.Ai;
using ZhaoPinCopilot.Data;
using ZhaoPinCopilot.Infrastructure;

namespace ZhaoPinCopilot.Background;

/// <summary>Runs every five minutes; texts candidates the day before their interview.</summary>
public sealed class InterviewReminderJob(
    RecruitingDbContext db,
    IChatClient chat,
    ISmsSender sms,
    TimeProvider time,
    ILogger<InterviewReminderJob> logger) : IInvocable
{
    public async Task Invoke()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var horizon = now.AddHours(24);

        var upcoming = await db.Interviews
            .Include(i => i.Application).ThenInclude(a => a!.Candidate)
            .Include(i => i.Application).ThenInclude(a => a!.Job)
            .Where(i => !i.ReminderSent && i.CompletedAt == null && i.ScheduledAt > now && i.ScheduledAt <= horizon)
            .OrderBy(i => i.ScheduledAt)
            .Take(50)
            .ToListAsync();

        foreach (var interview in upcoming)
        {
            var candidate = interview.Application?.Candidate;
            var job = interview.Application?.Job;
            if (candidate is null || job is null || string.IsNullOrEmpty(candidate.Mobile)) continue;

            var local = TimeZoneInfo.ConvertTimeFromUtc(interview.ScheduledAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var response = await chat.GetResponseAsync(
                $"请为候选人{candidate.FullName}写一条不超过 70 字的面试提醒短信，开头加【招聘助手】。岗位：{job.Title}；时间：{local:M月d日 HH:mm}；地点：{interview.Location}；面试官：{interview.InterviewerName}。语气友好，提醒携带身份证。",
                new ChatOptions { MaxOutputTokens = 120, Temperature = 0.3f });

            try
            {
                await sms.SendAsync(candidate.Mobile, response.Text.Trim());
                interview.ReminderSent = true;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reminder for interview {InterviewId} failed; will retry next run", interview.Id);
            }
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>Monday 09:00: new openings of the week to candidates who opted into the talent pool.</summary>
public sealed class TalentDigestJob(
    RecruitingDbContext db,
    IInterviewKitService kit,
    IEmailSender email,
    IContentReviewer review,
    IAigcTextLabeler label,
    ILogger<TalentDigestJob> logger) : IInvocable
{
    public async Task Invoke()
    {
        var since = DateTime.UtcNow.AddDays(-7);
        var jobs = await db.JobPostings.AsNoTracking()
            .Where(j => j.Status == JobStatus.Published && j.PublishedAt >= since)
            .ToListAsync();
        if (jobs.Count == 0)
        {
            logger.LogInformation("No new openings this week; digest skipped");
            return;
        }

        var digest = await kit.WriteTalentDigestAsync(jobs);
        digest = await review.EnsureAllowedAsync(digest, ReviewStage.Output);
        var body = label.Label(digest) + "\n\n——\n不想再收到职位周报？登录招聘助手，在“订阅设置”中关闭即可。";

        var subscribers = await db.Candidates.AsNoTracking()
            .Where(c => c.TalentPoolOptIn)
            .Select(c => new { c.Email, c.FullName })
            .ToListAsync();

        foreach (var subscriber in subscribers)
        {
            await email.SendAsync(subscriber.Email, subscriber.FullName, $"本周新职位（{jobs.Count} 个）", body);
        }

        logger.LogInformation("Digest with {Jobs} openings sent to {Subscribers} subscribers", jobs.Count, subscribers.Count);
    }
}

/// <summary>Weekly campus-recruiting banner for the careers site header.</summary>
public sealed class CampusBannerJob(
    RecruitingDbContext db,
    ImageClient images,
    MinioAssetStore store,
    IConfiguration configuration,
    ILogger<CampusBannerJob> logger) : IInvocable
{
    public async Task Invoke()
    {
        var theme = configuration["Employer:CampusTheme"] ?? "秋季校园招聘，年轻工程师在明亮的开放式办公区协作";
        var result = await images.GenerateImageAsync(theme, new OpenAI.Images.ImageGenerationOptions
        {
            Size = GeneratedImageSize.W1536xH1024,
            Quality = GeneratedImageQuality.MediumQuality,
        });

        var bytes = result.Value.ImageBytes.ToArray();
        var key = $"brand/campus-{DateTime.UtcNow:yyyyMMdd}.png";
        await store.PutAsync(key, bytes, "image/png");

        db.MediaAssets.Add(new MediaAsset
        {
            Kind = "campus-banner",
            ObjectKey = key,
            ContentType = "image/png",
            Prompt = theme,
            Model = configuration["OpenAI:ImageModel"] ?? "gpt-image-1",
            Status = "ready",
            Size = bytes.Length,
            OwnerId = "system",
        });
        await db.SaveChangesAsync();
        logger.LogInformation("Campus banner {Key} generated", key);
    }
}

/// <summary>Queued from the offer endpoint so the API call does not wait on SMTP.</summary>
public sealed class SendOfferEmailInvocable(
    RecruitingDbContext db,
    IEmailSender email,
    ILogger<SendOfferEmailInvocable> logger) : IInvocable, IInvocableWithPayload<Guid>
{
    public Guid Payload { get; set; }

    public async Task Invoke()
    {
        var offer = await db.Offers
            .Include(o => o.Application).ThenInclude(a => a!.Candidate)
            .Include(o => o.Application).ThenInclude(a => a!.Job)
            .FirstOrDefaultAsync(o => o.Id == Payload);

        var candidate = offer?.Application?.Candidate;
        if (offer is null || candidate is null)
        {
            logger.LogWarning("Offer {OfferId} not found", Payload);
            return;
        }

        await email.SendAsync(candidate.Email, candidate.FullName, $"录用通知：{offer.Application!.Job?.Title}", offer.Body);
        offer.Status = "Sent";
        offer.SentAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }
}
