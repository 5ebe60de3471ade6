using Microsoft.AspNetCore.Mvc;
using TalentDesk.Data;
using TalentDesk.Models;
using TalentDesk.Services;

namespace TalentDesk.Controllers;

[ApiController]
[Route("api/jobs")]
public class JobPostsController(IJobDescriptionWriter writer, JobBannerService banners, JobPostingStore store) : ControllerBase
{
    [HttpGet]
    public IEnumerable<JobPosting> List() => store.Open();

    [HttpPost("description")]
    public async Task<ActionResult<JobDescriptionDto>> WriteDescription([FromBody] JobDescriptionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title)) return ValidationProblem("A title is required.");

        var dto = await writer.WriteAsync(request, ct);
        return Ok(dto);
    }

    [HttpPost("{id}/description")]
    public async Task<IActionResult> RegenerateForPosting(string id, [FromQuery] string? tone, CancellationToken ct)
    {
        var posting = store.Get(id);
        if (posting is null) return NotFound();

        var dto = await writer.WriteAsync(
            new JobDescriptionRequest(posting.Title, posting.Team, posting.Location, "mid", ["collaboration"], null, tone ?? "friendly"), ct);
        store.Save(posting with { Description = dto.Body });

        return Ok(new { posting.Id, posting.Title, description = dto.Body, bullets = dto.Responsibilities.Count });
    }

    [HttpPost("banner")]
    public async Task<IActionResult> Banner([FromBody] BannerRequest request, CancellationToken ct)
    {
        var png = await banners.RenderBannerAsync(request, ct);
        return File(png, "image/png", $"{request.JobTitle.Replace(' ', '-').ToLowerInvariant()}-banner.png");
    }

    [HttpPost("{id}/avatar")]
    public async Task<ActionResult<object>> Avatar(string id, [FromQuery] string theme, CancellationToken ct)
    {
        var url = await banners.AvatarAsync(theme, ct);
        return new { jobId = id, avatarUrl = url.ToString() };
    }
}
