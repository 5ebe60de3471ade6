using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Labeling;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using OllamaSharp;
using ZhaoPinCopilot.Ai;
using ZhaoPinCopilot.Data;
using ZhaoPinCopilot.Infrastructure;
using ZhaoPinCopilot.Security;

namespace ZhaoPinCopilot.Api;

public sealed class GenerateJobDescriptionRequest
{
    public Guid JobId { get; set; }
    public string? Tone { get; set; }
    public string? Language { get; set; }
    public string? ExtraNotes { get; set; }
}

public sealed class GenerateJobDescriptionResponse
{
    public Guid JobId { get; set; }
    public string Description { get; set; } = "";
    public string Teaser { get; set; } = "";
    public string Model { get; set; } = "";
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
}

public sealed class GenerateJobDescriptionEndpoint(
    RecruitingDbContext db,
    IJobDescriptionWriter writer,
    IContentReviewer review,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : Endpoint<GenerateJobDescriptionRequest, GenerateJobDescriptionResponse>
{
    public override void Configure()
    {
        Post("jobs/{JobId}/description");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
        Options(b => b.RequireRealName());
        Summary(s => s.Summary = "Drafts the job description of a posting with the model");
    }

    public override async Task HandleAsync(GenerateJobDescriptionRequest req, CancellationToken ct)
    {
        var job = await db.JobPostings.FindAsync([req.JobId], ct);
        if (job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        await review.EnsureAllTextAllowedAsync(req, ReviewStage.Input, ct);
        await review.EnsureAllowedAsync(job.Requirements ?? string.Empty, ReviewStage.Input, ct);

        var result = await writer.DraftAsync(job, req.Tone, req.Language, req.ExtraNotes, ct);
        await review.EnsureAllTextAllowedAsync(result.Draft, ReviewStage.Output, ct);

        var markdown = result.Draft.ToMarkdown();
        await audit.RecordAsync(markdown + "\n" + result.Draft.Teaser, new GenerationRecord
        {
            UserId = User.UserId(),
            Model = result.Model,
            ContentId = job.Id.ToString("N"),
            Kind = GeneratedMediaKind.Text,
        }, ct);

        job.DescriptionDraft = markdown;
        job.Teaser = result.Draft.Teaser;
        job.DescriptionModel = result.Model;
        job.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);

        await Send.OkAsync(new GenerateJobDescriptionResponse
        {
            JobId = job.Id,
            Description = label.Label(markdown),
            Teaser = label.Label(result.Draft.Teaser),
            Model = result.Model,
            InputTokens = result.InputTokens,
            OutputTokens = result.OutputTokens,
        }, ct);
    }
}

public sealed class PublishJobRequest
{
    public Guid JobId { get; set; }
}

public sealed record PublishJobResponse(Guid JobId, string Status, DateTime? PublishedAt);

public sealed class PublishJobEndpoint(
    RecruitingDbContext db,
    PublishedJobCache cache,
    IContentReviewer review,
    ISynthesisAuditLog audit) : Endpoint<PublishJobRequest, PublishJobResponse>
{
    public override void Configure()
    {
        Post("jobs/{JobId}/publish");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
        Options(b => b.RequireRealName());
    }

    public override async Task HandleAsync(PublishJobRequest req, CancellationToken ct)
    {
        var job = await db.JobPostings.FindAsync([req.JobId], ct);
        if (job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        if (string.IsNullOrWhiteSpace(job.DescriptionDraft))
        {
            await Send.ResultAsync(TypedResults.Problem("岗位还没有职位描述，请先生成或填写。", statusCode: StatusCodes.Status409Conflict));
            return;
        }

        // Recruiters may have edited the draft since it was generated
        var description = await review.EnsureAllowedAsync(job.DescriptionDraft, ReviewStage.Output, ct);
        var teaser = await review.EnsureAllowedAsync(job.Teaser ?? string.Empty, ReviewStage.Output, ct);

        job.DescriptionDraft = description;
        job.Teaser = teaser;
        job.Status = JobStatus.Published;
        job.PublishedAt = DateTime.UtcNow;
        job.PublishedBy = User.UserId();
        await db.SaveChangesAsync(ct);

        await audit.RecordEventAsync("job-published", job.PublishedBy, new Dictionary<string, string>
        {
            ["jobId"] = job.Id.ToString("N"),
            ["model"] = job.DescriptionModel ?? "manual",
        }, ct);

        await cache.SetAsync(new CachedJobPosting(job.Id, job.Title, job.Department, job.City, job.SalaryRange,
            description, job.PublishedAt.Value));

        await Send.OkAsync(new PublishJobResponse(job.Id, job.Status.ToString(), job.PublishedAt), ct);
    }
}

public sealed record JobStatsResponse(int Drafts, int Published, int Closed, int Applications, int Screened, double? AverageFitScore);

public sealed class JobStatsEndpoint(RecruitingDbContext db) : EndpointWithoutRequest<JobStatsResponse>
{
    public override void Configure()
    {
        Get("jobs/stats");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var byStatus = await db.JobPostings.GroupBy(j => j.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, ct);

        var applications = await db.Applications.CountAsync(ct);
        var screened = await db.Applications.CountAsync(a => a.ScreeningSummary != null, ct);
        var average = await db.Applications.Where(a => a.FitScore != null).AverageAsync(a => (double?)a.FitScore, ct);

        await Send.OkAsync(new JobStatsResponse(
            byStatus.GetValueOrDefault(JobStatus.Draft),
            byStatus.GetValueOrDefault(JobStatus.Published),
            byStatus.GetValueOrDefault(JobStatus.Closed),
            applications, screened, average), ct);
    }
}

public sealed class TranslateJobRequest
{
    public Guid JobId { get; set; }
    public string TargetLanguage { get; set; } = "English";
}

public sealed record TranslateJobResponse(Guid JobId, string TargetLanguage, string Text, string Model);

/// <summary>Translations run on the local Ollama model; nothing leaves the intranet.</summary>
public sealed class TranslateJobEndpoint(RecruitingDbContext db, IOllamaApiClient ollama) : Endpoint<TranslateJobRequest, TranslateJobResponse>
{
    public override void Configure()
    {
        Post("jobs/{JobId}/translate");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
    }

    public override async Task HandleAsync(TranslateJobRequest req, CancellationToken ct)
    {
        var job = await db.JobPostings.AsNoTracking().FirstOrDefaultAsync(j => j.Id == req.JobId, ct);
        if (job?.DescriptionDraft is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }

        var prompt = $"Translate the following job description into {req.TargetLanguage}. Keep the markdown structure, do not add content.\n\n{job.DescriptionDraft}";
        var text = new System.Text.StringBuilder();
        await foreach (var chunk in ollama.GenerateAsync(prompt, cancellationToken: ct))
        {
            text.Append(chunk?.Response);
        }

        await Send.OkAsync(new TranslateJobResponse(job.Id, req.TargetLanguage, text.ToString().Trim(), ollama.SelectedModel), ct);
    }
}

public sealed class BrandImageRequest
{
    public string Theme { get; set; } = "";
    public string Style { get; set; } = "明亮、现代的办公室摄影风格";
    public string Size { get; set; } = "1024x1024";
    public Guid? JobId { get; set; }
}

public sealed record BrandImageResponse(Guid AssetId, string Url, string Model, string Notice);

public sealed class GenerateBrandImageEndpoint(
    RecruitingDbContext db,
    IZhipuApiClient zhipu,
    MinioAssetStore store,
    IContentReviewer review,
    IVisibleImageLabeler imageLabeler,
    IAigcFileLabeler fileLabeler,
    IAigcTextLabeler label,
    ISynthesisAuditLog audit) : Endpoint<BrandImageRequest, BrandImageResponse>
{
    public override void Configure()
    {
        Post("brand/images");
        AuthSchemes(JwtBearerDefaults.AuthenticationScheme);
        Policies(AuthPolicies.Recruiter);
        Options(b => b.RequireRealName());
    }

    public override async Task HandleAsync(BrandImageRequest req, CancellationToken ct)
    {
        var prompt = await review.EnsureAllowedAsync(
            $"雇主品牌宣传图：{req.Theme}。风格：{req.Style}。画面中不要出现文字、商标或可识别的真实人物。",
            ReviewStage.Input, ct);

        var image = await zhipu.GenerateImageAsync(prompt, req.Size, ct);
        var format = MediaFormatDetector.Detect(image);
        var (extension, contentType) = format == MediaFormat.Jpeg ? ("jpg", "image/jpeg") : ("png", "image/png");

        image = await review.EnsureMediaAllowedAsync(image, contentType, ReviewStage.Output, ct);

        var assetId = Guid.NewGuid();
        var key = $"brand/{assetId:N}.{extension}";
        var labeled = fileLabeler.Label(imageLabeler.Label(image, ct), new FileLabelRequest { FileName = key }, ct);

        await audit.RecordAsync(labeled, new GenerationRecord
        {
            UserId = User.UserId(),
            Kind = GeneratedMediaKind.Image,
            Model = zhipu.ImageModel,
            ContentId = assetId.ToString("N"),
            Labeled = true,
        }, ct);

        await store.PutAsync(key, labeled, contentType, ct);
        db.MediaAssets.Add(new MediaAsset
        {
            Id = assetId,
            Kind = "brand-image",
            ObjectKey = key,
            ContentType = contentType,
            Prompt = req.Theme,
            Model = zhipu.ImageModel,
            Status = "ready",
            Size = labeled.Length,
            OwnerId = User.UserId(),
        });
        await db.SaveChangesAsync(ct);

        await Send.OkAsync(new BrandImageResponse(assetId, "/media/" + key, zhipu.ImageModel, label.Notice), ct);
    }
}
