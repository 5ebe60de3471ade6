using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WealthPal.Data;
using WealthPal.Infrastructure;
using WealthPal.Models;

namespace WealthPal.Controllers.Api;

[Route("api/inbox")]
[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
public sealed class InboxController(WealthDbContext db) : WealthApiController
{
    [HttpGet]
    public async Task<ApiEnvelope<List<InboxItemDto>>> List([FromQuery] string? category, [FromQuery] long? before,
        [FromQuery] int take = 30, CancellationToken ct = default)
    {
        var customerId = User.CustomerId();
        var q = db.InAppMessages.AsNoTracking().Where(m => m.CustomerId == customerId);
        if (!string.IsNullOrEmpty(category)) q = q.Where(m => m.Category == category);
        if (before is not null) q = q.Where(m => m.Id < before);

        var items = await q.OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 100))
            .Select(m => new InboxItemDto(m.Id, m.Category, m.Title, m.Body, m.DeepLink, m.IsRead, m.CreatedAt))
            .ToListAsync(ct);
        return items.Wrap();
    }

    [HttpGet("unread-count")]
    public async Task<object> UnreadCount(CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var byCategory = await db.InAppMessages.AsNoTracking().Where(m => m.CustomerId == customerId && !m.IsRead)
            .GroupBy(m => m.Category).Select(g => new { category = g.Key, count = g.Count() }).ToListAsync(ct);
        return new { total = byCategory.Sum(x => x.count), byCategory };
    }

    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> MarkRead(long id, CancellationToken ct)
    {
        var customerId = User.CustomerId();
        var updated = await db.InAppMessages.Where(m => m.Id == id && m.CustomerId == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsRead, true), ct);
        return updated == 0 ? NotFoundProblem("消息") : Ok(new { id, isRead = true });
    }
}
