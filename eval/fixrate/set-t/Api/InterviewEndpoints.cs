using System.Text.Json;
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

public sealed class QuestionSetRequest
{
    public Guid InterviewId { get; set; }
    public List<string> FocusAreas { get; set; } = [];
    public int Count { get; set; } = 6;
}

public sealed record QuestionSetResponse(Guid InterviewId, IReadOnlyList<InterviewQuestion> Questions);

public sealed class GenerateQuestionSetEndpoint(RecruitingDbContext db, IInterviewKitService kit) : Endpoint<QuestionSetRequest, QuestionSetResponse>
{
    public override void Configure()
    {
        Post("interviews/{InterviewId}/questions");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter, AuthPolicies.HiringManager);
    }

    public override async Task HandleAsync(QuestionSetRequest req, CancellationToken ct)
    {
        var interview = await db.Interviews
            .Include(i => i.Application).ThenInclude(a => a!.Job)
            .FirstOrDefaultAsync(i => i.Id == req.InterviewId, ct);
        if (interview?.Application?.Job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var questions = await kit.GenerateQuestionSetAsync(interview.Application.Job, req.FocusAreas, req.Count, ct);
        interview.QuestionSetJson = JsonSerializer.Serialize(questions);
        await db.SaveChangesAsync(ct);

        await Send.OkAsync(new QuestionSetResponse(interview.Id, questions), ct);
    }
}

public sealed class FollowUpRequest
{
    public Guid InterviewId { get; set; }
    public string Question { get; set; } = "";
    public string CandidateAnswer { get; set; } = "";
}

/// <summary>Live follow-up suggestions for the interviewer, streamed while the candidate is still talking.</summary>
public sealed class FollowUpStreamEndpoint(
    RecruitingDbContext db,
    IZhipuApiClient zhipu,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : Endpoint<FollowUpRequest>
{
    private const string SystemPrompt = "你是资深面试官的助手。根据面试问题和候选人的回答，给出 2-3 个有针对性的追问，每个追问一行，并用一句话说明追问目的。";

    public override void Configure()
    {
        Post("interviews/{InterviewId}/follow-ups");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter, AuthPolicies.HiringManager);
        Options(b => b.RequireRealName());
    }

    public override async Task HandleAsync(FollowUpRequest req, CancellationToken ct)
    {
        var exists = await db.Interviews.AnyAsync(i => i.Id == req.InterviewId, ct);
        if (!exists)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var question = await review.EnsureAllowedAsync(req.Question, ReviewStage.Input, ct);
        var answer = await review.EnsureAllowedAsync(req.CandidateAnswer, ReviewStage.Input, ct);

        var tokens = zhipu.StreamChatAsync(SystemPrompt, $"面试问题：{question}\n候选人回答：{answer}", ct);
        var record = new GenerationRecord
        {
            UserId = User.UserId(),
            Model = zhipu.ChatModel,
            ContentId = req.InterviewId.ToString("N"),
        };

        await Send.EventStreamAsync("follow-up",
            label.LabelStream(audit.RecordStream(review.ReviewStream(tokens, ReviewStage.Output, ct), record, ct), ct),
            ct);
    }
}

public sealed class CompleteInterviewRequest
{
    public Guid InterviewId { get; set; }
    public string Notes { get; set; } = "";
    public string? Recommendation { get; set; }
}

public sealed record InterviewStatusResponse(Guid InterviewId, string Status, DateTime? CompletedAt);

public sealed class CompleteInterviewEndpoint(RecruitingDbContext db, IPublishEndpoint bus) : Endpoint<CompleteInterviewRequest, InterviewStatusResponse>
{
    public override void Configure()
    {
        Post("interviews/{InterviewId}/complete");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter, AuthPolicies.HiringManager);
    }

    public override async Task HandleAsync(CompleteInterviewRequest req, CancellationToken ct)
    {
        var interview = await db.Interviews.FindAsync([req.InterviewId], ct);
        if (interview is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        interview.InterviewerNotes = req.Notes;
        interview.Recommendation = req.Recommendation;
        interview.CompletedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);

        await bus.Publish(new InterviewCompleted(interview.Id, User.UserId()), ct);
        await Send.OkAsync(new InterviewStatusResponse(interview.Id, "report-pending", interview.CompletedAt), ct);
    }
}

public sealed class InterviewRouteRequest
{
    public Guid InterviewId { get; set; }
}

public sealed record FeedbackReportResponse(
    Guid InterviewId,
    string InterviewerName,
    string? InterviewerNotes,
    string? Recommendation,
    string Report,
    string? Model,
    DateTime? GeneratedAt);

public sealed class GetFeedbackReportEndpoint(RecruitingDbContext db, IAigcTextLabeler label) : Endpoint<InterviewRouteRequest, FeedbackReportResponse>
{
    public override void Configure()
    {
        Get("interviews/{InterviewId}/feedback");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter, AuthPolicies.HiringManager);
    }

    public override async Task HandleAsync(InterviewRouteRequest req, CancellationToken ct)
    {
        var interview = await db.Interviews.AsNoTracking().FirstOrDefaultAsync(i => i.Id == req.InterviewId, ct);
        if (interview is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        if (interview.FeedbackReport is null)
        {
            await Send.ResultAsync(TypedResults.Problem("面试反馈报告尚未生成，请稍后再试。", statusCode: StatusCodes.Status404NotFound));
            return;
        }

        await Send.OkAsync(new FeedbackReportResponse(
            interview.Id,
            interview.InterviewerName,
            interview.InterviewerNotes,
            interview.Recommendation,
            label.Label(interview.FeedbackReport),
            interview.ReportModel,
            interview.ReportGeneratedAt), ct);
    }
}

public sealed class SpeechPromptRequestDto
{
    public Guid InterviewId { get; set; }
    public string QuestionText { get; set; } = "";
}

public sealed record SpeechPromptAccepted(Guid AssetId, string Status, string Url, int QueueLength);

public sealed class RequestSpeechPromptEndpoint(RecruitingDbContext db, SpeechPromptQueue queue) : Endpoint<SpeechPromptRequestDto, SpeechPromptAccepted>
{
    public override void Configure()
    {
        Post("interviews/{InterviewId}/speech-prompts");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
    }

    public override async Task HandleAsync(SpeechPromptRequestDto req, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(req.QuestionText) || req.QuestionText.Length > 500)
        {
            AddError(r => r.QuestionText, "题目不能为空，且不超过 500 字。");
            await Send.ErrorsAsync(cancellation: ct);
            return;
        }

        var asset = new MediaAsset
        {
            Kind = "interview-prompt",
            ContentType = "audio/wav",
            Prompt = req.QuestionText,
            Status = "queued",
            OwnerId = User.UserId(),
        };
        asset.ObjectKey = $"prompts/{asset.Id:N}.wav";
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync(ct);

        await queue.EnqueueAsync(new SpeechPromptRequest(asset.Id, req.InterviewId, req.QuestionText, asset.OwnerId), ct);
        await Send.ResultAsync(TypedResults.Accepted("/media/" + asset.ObjectKey,
            new SpeechPromptAccepted(asset.Id, asset.Status, "/media/" + asset.ObjectKey, queue.Pending)));
    }
}
