using LinguaPath.Data;
using LinguaPath.Models;
using LinguaPath.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LinguaPath.Controllers;

[ApiController]
[Route("api/lesson-plans")]
public sealed class LessonPlansController(
    TutorDbContext db,
    ILessonPlanService planner,
    TimeProvider clock,
    ILogger<LessonPlansController> logger) : ControllerBase
{
    [HttpPost("drafts")]
    public async Task<ActionResult<LessonPlanDto>> CreateDraft(LessonPlanDraftRequest request, CancellationToken ct)
    {
        if (request.Minutes is < 15 or > 180)
        {
            return BadRequest("Lessons must be between 15 and 180 minutes.");
        }

        var (title, content) = await planner.DraftAsync(request.Topic, request.Level, request.Minutes, request.Notes, ct);

        var plan = new LessonPlan
        {
            TeacherId = request.TeacherId,
            Title = title,
            Topic = request.Topic,
            Level = request.Level,
            Content = content,
            Status = LessonPlanStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.LessonPlans.Add(plan);
        await db.SaveChangesAsync(ct);

        return CreatedAtAction(nameof(GetById), new { id = plan.Id }, ToDto(plan));
    }

    [HttpGet("{id:int}")]
    public async Task<ActionResult<LessonPlanDto>> GetById(int id, CancellationToken ct)
    {
        var plan = await db.LessonPlans.FindAsync([id], ct);
        return plan is null ? NotFound() : ToDto(plan);
    }

    [HttpPut("{id:int}/revise")]
    public async Task<ActionResult<LessonPlanDto>> Revise(int id, LessonPlanRevisionRequest request, CancellationToken ct)
    {
        var plan = await db.LessonPlans.FindAsync([id], ct);
        if (plan is null)
        {
            return NotFound();
        }

        if (plan.Status != LessonPlanStatus.Draft)
        {
            return Conflict("Only drafts can be revised.");
        }

        plan.Content = await planner.ReviseAsync(plan.Content, request.Instruction, ct);
        await db.SaveChangesAsync(ct);
        return Ok(ToDto(plan));
    }

    [HttpPost("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct)
    {
        var plan = await db.LessonPlans.FindAsync([id], ct);
        if (plan is null)
        {
            return NotFound();
        }

        plan.Status = LessonPlanStatus.Published;
        plan.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Teacher {TeacherId} published lesson plan {PlanId}", plan.TeacherId, plan.Id);
        return Ok(ToDto(plan));
    }

    [HttpGet("published")]
    public async Task<IEnumerable<LessonPlanDto>> ListPublished([FromQuery] string? level, CancellationToken ct)
    {
        var query = db.LessonPlans.AsNoTracking().Where(p => p.Status == LessonPlanStatus.Published);
        if (!string.IsNullOrWhiteSpace(level))
        {
            query = query.Where(p => p.Level == level);
        }

        var plans = await query.OrderByDescending(p => p.Id).Take(50).ToListAsync(ct);
        return plans.Select(ToDto);
    }

    [HttpGet("drafts")]
    public async Task<ActionResult<List<LessonPlanDto>>> ListDrafts([FromQuery] int teacherId, CancellationToken ct)
    {
        var drafts = await db.LessonPlans.AsNoTracking()
            .Where(p => p.TeacherId == teacherId && p.Status == LessonPlanStatus.Draft)
            .OrderByDescending(p => p.Id)
            .ToListAsync(ct);
        return drafts.Select(ToDto).ToList();
    }

    private static LessonPlanDto ToDto(LessonPlan p) =>
        new(p.Id, p.TeacherId, p.Title, p.Level, p.Content, p.Status.ToString(), p.CreatedAt, p.PublishedAt);
}
