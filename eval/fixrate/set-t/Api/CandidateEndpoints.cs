using System.Text;
using Coravel.Queuing.Interfaces;
using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Review;
using FastEndpoints;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using ZhaoPinCopilot.Ai;
using ZhaoPinCopilot.Background;
using ZhaoPinCopilot.Data;
using ZhaoPinCopilot.Infrastructure;
using ZhaoPinCopilot.Messaging;
using ZhaoPinCopilot.Security;

namespace ZhaoPinCopilot.Api;

public sealed class ApplicationRouteRequest
{
    public Guid ApplicationId { get; set; }
}

public sealed class ScreeningResponse
{
    public Guid ApplicationId { get; set; }
    public int FitScore { get; set; }
    public string Summary { get; set; } = "";
    public string Model { get; set; } = "";
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
}

public sealed class ScreenApplicationEndpoint(
    RecruitingDbContext db,
    MinioAssetStore store,
    IRecruitingAssistant assistant,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : Endpoint<ApplicationRouteRequest, ScreeningResponse>
{
    public override void Configure()
    {
        Post("applications/{ApplicationId}/screening");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
        Options(b => b.RequireRealName());
    }

    public override async Task HandleAsync(ApplicationRouteRequest req, CancellationToken ct)
    {
        var application = await db.Applications
            .Include(a => a.Candidate)
            .Include(a => a.Job)
            .FirstOrDefaultAsync(a => a.Id == req.ApplicationId, ct);
        if (application?.Candidate is null || application.Job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var resumeText = application.Candidate.ResumeText;
        if (resumeText is null && application.Candidate.ResumeObjectKey is { } key)
        {
            var stored = await store.GetAsync(key, ct);
            resumeText = stored is null ? null : Encoding.UTF8.GetString(stored.Content);
        }

        if (string.IsNullOrWhiteSpace(resumeText))
        {
            await Send.ResultAsync(TypedResults.Problem("候选人尚未上传可解析的简历。", statusCode: StatusCodes.Status422UnprocessableEntity));
            return;
        }

        var outcome = await assistant.ScreenResumeAsync(resumeText, application.Job, ct);

        application.ScreeningSummary = outcome.Summary;
        application.FitScore = outcome.FitScore;
        application.ScreeningModel = outcome.Model;
        application.ScreeningTokens = outcome.InputTokens + outcome.OutputTokens;
        application.ScreenedAt = DateTime.UtcNow;
        if (application.Stage == ApplicationStage.Applied)
        {
            application.Stage = ApplicationStage.Screening;
        }
        await db.SaveChangesAsync(ct);

        await audit.RecordAsync(outcome.Summary, new GenerationRecord
        {
            UserId = User.UserId(),
            Model = outcome.Model,
            ContentId = application.Id.ToString("N"),
        }, ct);

        await Send.OkAsync(new ScreeningResponse
        {
            ApplicationId = application.Id,
            FitScore = outcome.FitScore,
            Summary = label.Label(outcome.Summary),
            Model = outcome.Model,
            InputTokens = outcome.InputTokens,
            OutputTokens = outcome.OutputTokens,
        }, ct);
    }
}

public sealed record ApplicationDetails(
    Guid Id,
    string CandidateName,
    string CandidateEmail,
    string JobTitle,
    string Stage,
    string? CoverNote,
    string? ScreeningSummary,
    int? FitScore,
    DateTime AppliedAt,
    DateTime? ScreenedAt);

public sealed class GetApplicationEndpoint(RecruitingDbContext db) : Endpoint<ApplicationRouteRequest, ApplicationDetails>
{
    public override void Configure()
    {
        Get("applications/{ApplicationId}");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
    }

    public override async Task HandleAsync(ApplicationRouteRequest req, CancellationToken ct)
    {
        var details = await db.Applications.AsNoTracking()
            .Where(a => a.Id == req.ApplicationId)
            .Select(a => new ApplicationDetails(
                a.Id,
                a.Candidate!.FullName,
                a.Candidate.Email,
                a.Job!.Title,
                a.Stage.ToString(),
                a.CoverNote,
                a.ScreeningSummary,
                a.FitScore,
                a.AppliedAt,
                a.ScreenedAt))
            .FirstOrDefaultAsync(ct);

        if (details is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(details, ct);
    }
}

public sealed record ApplicationStatusResponse(
    Guid ApplicationId,
    string Stage,
    bool Screened,
    string? ScreeningModel,
    long? ScreeningTokens,
    int Interviews,
    int CompletedInterviews);

public sealed class ApplicationStatusEndpoint(RecruitingDbContext db) : Endpoint<ApplicationRouteRequest, ApplicationStatusResponse>
{
    public override void Configure()
    {
        Get("applications/{ApplicationId}/status");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter, AuthPolicies.HiringManager);
    }

    public override async Task HandleAsync(ApplicationRouteRequest req, CancellationToken ct)
    {
        var status = await db.Applications.AsNoTracking()
            .Where(a => a.Id == req.ApplicationId)
            .Select(a => new ApplicationStatusResponse(
                a.Id,
                a.Stage.ToString(),
                a.ScreeningSummary != null,
                a.ScreeningModel,
                a.ScreeningTokens,
                a.Interviews.Count,
                a.Interviews.Count(i => i.CompletedAt != null)))
            .FirstOrDefaultAsync(ct);

        if (status is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(status, ct);
    }
}

public sealed class RejectApplicationRequest
{
    public Guid ApplicationId { get; set; }
    public string? InternalNote { get; set; }
}

public sealed record StageChangeResponse(Guid ApplicationId, string Stage, string Message);

public sealed class RejectApplicationEndpoint(RecruitingDbContext db, IPublishEndpoint bus) : Endpoint<RejectApplicationRequest, StageChangeResponse>
{
    public override void Configure()
    {
        Post("applications/{ApplicationId}/reject");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
        Options(b => b.RequireRealName());
    }

    public override async Task HandleAsync(RejectApplicationRequest req, CancellationToken ct)
    {
        var application = await db.Applications.FindAsync([req.ApplicationId], ct);
        if (application is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        if (application.Stage is ApplicationStage.Rejected or ApplicationStage.Hired)
        {
            await Send.ResultAsync(TypedResults.Problem($"申请已处于 {application.Stage} 状态。", statusCode: StatusCodes.Status409Conflict));
            return;
        }

        application.Stage = ApplicationStage.Rejected;
        await db.SaveChangesAsync(ct);
        await bus.Publish(new RejectionRequested(application.Id, User.UserId(), req.InternalNote), ct);

        await Send.ResultAsync(TypedResults.Accepted($"/api/applications/{application.Id}/status",
            new StageChangeResponse(application.Id, application.Stage.ToString(), "婉拒邮件将在几分钟内发送")));
    }
}

public sealed class CreateOfferRequest
{
    public Guid ApplicationId { get; set; }
    public decimal MonthlySalary { get; set; }
    public DateOnly StartDate { get; set; }
    public string? Highlights { get; set; }
    public string? ReportTo { get; set; }
}

public sealed record OfferResponse(Guid OfferId, string Status, string Body, string Model);

public sealed class CreateOfferEndpoint(
    RecruitingDbContext db,
    IZhipuApiClient zhipu,
    IQueue queue,
    ISmsSender sms,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : Endpoint<CreateOfferRequest, OfferResponse>
{
    private const string SystemPrompt = """
        你是公司人力资源部的录用通知撰写助手。根据给定信息写一封正式、热情的录用通知邮件正文，
        包括：祝贺、岗位与汇报对象、入职日期、月薪、后续流程（背景调查、入职材料）、回复期限（5 个工作日）。
        不要承诺未提供的福利或条款。署名：人力资源部。
        """;

    public override void Configure()
    {
        Post("offers");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
        Options(b => b.RequireRealName());
    }

    public override async Task HandleAsync(CreateOfferRequest req, CancellationToken ct)
    {
        var application = await db.Applications
            .Include(a => a.Candidate)
            .Include(a => a.Job)
            .FirstOrDefaultAsync(a => a.Id == req.ApplicationId, ct);
        if (application?.Candidate is null || application.Job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await review.EnsureAllTextAllowedAsync(req, ReviewStage.Input, ct);

        var brief = $"""
            候选人：{application.Candidate.FullName}
            岗位：{application.Job.Title}（{application.Job.Department}，{application.Job.City}）
            汇报对象：{req.ReportTo ?? "部门负责人"}
            月薪（税前）：{req.MonthlySalary:N0} 元
            入职日期：{req.StartDate:yyyy年M月d日}
            招聘顾问想强调的内容：{req.Highlights ?? "无"}
            """;

        var completion = await zhipu.ChatAsync(SystemPrompt, brief, ct);
        var body = await review.EnsureAllowedAsync(completion.Text, ReviewStage.Output, ct);

        var offer = new OfferLetter
        {
            ApplicationId = application.Id,
            MonthlySalary = req.MonthlySalary,
            StartDate = req.StartDate,
            Body = label.Label(body),
            Model = completion.Model,
            Status = "Queued",
            IssuedBy = User.UserId(),
        };

        await audit.RecordAsync(body, new GenerationRecord
        {
            UserId = offer.IssuedBy,
            Model = completion.Model,
            ContentId = offer.Id.ToString("N"),
            Labeled = true,
        }, ct);

        application.Stage = ApplicationStage.Offered;
        db.Offers.Add(offer);
        await db.SaveChangesAsync(ct);

        queue.QueueInvocableWithPayload<SendOfferEmailInvocable, Guid>(offer.Id);
        await sms.SendAsync(application.Candidate.Mobile, "【招聘助手】您有一份新的录用通知，请查收邮件并在 5 个工作日内回复。", ct);

        await Send.OkAsync(new OfferResponse(offer.Id, offer.Status, offer.Body, offer.Model), ct);
    }
}

public sealed class OfferRouteRequest
{
    public Guid OfferId { get; set; }
}

public sealed record OfferDetails(Guid Id, Guid ApplicationId, string Status, decimal MonthlySalary, DateOnly StartDate, string Body, DateTime CreatedAt, DateTime? SentAt);

public sealed class GetOfferEndpoint(RecruitingDbContext db) : Endpoint<OfferRouteRequest, OfferDetails>
{
    public override void Configure()
    {
        Get("offers/{OfferId}");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
    }

    public override async Task HandleAsync(OfferRouteRequest req, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == req.OfferId, ct);
        if (offer is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await Send.OkAsync(new OfferDetails(offer.Id, offer.ApplicationId, offer.Status, offer.MonthlySalary,
            offer.StartDate, offer.Body, offer.CreatedAt, offer.SentAt), ct);
    }
}
