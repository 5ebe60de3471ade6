using DeepSynth.Compliance;
using DeepSynth.Compliance.Audit;
using DeepSynth.Compliance.Imaging;
using DeepSynth.Compliance.Metadata;
using DeepSynth.Compliance.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WealthPal.Ai;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;

namespace WealthPal.Controllers.Api;

/// <summary>Images for quarterly reports and campaign banners. Files land in wwwroot/reports and are served statically (CDN origin).</summary>
[Route("api/reports")]
[Authorize]
public sealed class ReportAssetsController(WealthDbContext db, ArkClient ark, IContentReviewer review,
    IAigcFileLabeler fileLabeler, ISynthesisAuditLog audit, IWebHostEnvironment env) : WealthApiController
{
    [HttpPost("{customerId:guid}/illustration")]
    [RequireRealName]
    public async Task<ActionResult<ReportAssetDto>> Illustration(Guid customerId, IllustrationRequest request,
        [FromServices] IVisibleImageLabeler imageLabeler, CancellationToken ct)
    {
        if (User.CustomerId() != customerId && User.AdvisorId() is null) return Forbid();

        var weights = await db.Holdings.AsNoTracking().Where(h => h.CustomerId == customerId)
            .GroupBy(h => h.Fund.Category)
            .Select(g => new { g.Key, Value = g.Sum(h => h.Units * h.Fund.Nav) })
            .ToListAsync(ct);
        var total = weights.Sum(w => w.Value);
        var mix = string.Join("、", weights.Select(w => $"{w.Key}{(total == 0 ? 0 : w.Value / total):P0}"));

        var theme = string.IsNullOrWhiteSpace(request.Theme) ? "简洁商务风" : await review.EnsureAllowedAsync(request.Theme, ReviewStage.Input, ct);
        var image = await ark.GenerateImageAsync(
            $"为银行季度理财报告 {request.Quarter} 绘制一张封面插画，抽象表现资产配置：{mix}。风格：{theme}。不要出现文字、数字和人物面孔。",
            1024, 1024, ct);

        var bytes = await review.EnsureMediaAllowedAsync(image.Bytes, image.MediaType, ReviewStage.Output, ct);
        bytes = fileLabeler.Label(imageLabeler.Label(bytes, ct), new FileLabelRequest { FileName = "illustration.png" }, ct);

        var asset = await SaveAsync(bytes, customerId, "illustration", image, ct);
        await audit.RecordAsync(bytes, new GenerationRecord
        {
            UserId = User.UserId(), Kind = GeneratedMediaKind.Image, Model = image.Model, ContentId = asset.Id.ToString("N")
        }, ct);
        return ToDto(asset);
    }

    [HttpPost("banner")]
    [Authorize(Policy = "Marketing")]
    [RequireRealName]
    public async Task<ActionResult<ReportAssetDto>> Banner(BannerRequest request, CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Code == request.FundCode, ct);
        if (fund is null) return NotFoundProblem("基金");

        var brief = await review.EnsureAllowedAsync(request.VisualBrief, ReviewStage.Input, ct);
        var image = await ark.GenerateImageAsync(
            $"银行理财产品推广横幅背景图，产品类别：{fund.Category}。{brief}。画面留出左侧三分之一空白放文案，不要生成任何文字。",
            request.Width, request.Height, ct);

        var bytes = await review.EnsureMediaAllowedAsync(image.Bytes, image.MediaType, ReviewStage.Output, ct);
        bytes = fileLabeler.Label(bytes, new FileLabelRequest { FileName = $"banner-{fund.Code}.png" }, ct);

        var asset = await SaveAsync(bytes, null, "banner", image, ct);
        await audit.RecordAsync(bytes, new GenerationRecord
        {
            UserId = User.UserId(), Kind = GeneratedMediaKind.Image, Model = image.Model, ContentId = asset.Id.ToString("N"),
            Attributes = { ["fund"] = fund.Code }
        }, ct);
        return ToDto(asset);
    }

    [HttpGet("{customerId:guid}")]
    public async Task<ActionResult<List<ReportAssetDto>>> List(Guid customerId, CancellationToken ct)
    {
        if (User.CustomerId() != customerId && User.AdvisorId() is null) return Forbid();
        var assets = await db.ReportAssets.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.CreatedAt).Take(50).ToListAsync(ct);
        return assets.Select(ToDto).ToList();
    }

    private async Task<ReportAsset> SaveAsync(byte[] bytes, Guid? customerId, string kind, GeneratedImage image, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var relative = $"reports/{DateTime.UtcNow:yyyyMM}/{id:N}.png";
        var path = Path.Combine(env.WebRootPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await System.IO.File.WriteAllBytesAsync(path, bytes, ct);

        var asset = new ReportAsset
        {
            Id = id, CustomerId = customerId, Kind = kind, RelativePath = relative, Model = image.Model,
            Width = image.Width, Height = image.Height, CreatedBy = User.UserId(), CreatedAt = DateTimeOffset.UtcNow
        };
        db.ReportAssets.Add(asset);
        await db.SaveChangesAsync(ct);
        return asset;
    }

    private static ReportAssetDto ToDto(ReportAsset a) => new(a.Id, a.Kind, "/" + a.RelativePath, a.Width, a.Height, a.CreatedAt);
}
