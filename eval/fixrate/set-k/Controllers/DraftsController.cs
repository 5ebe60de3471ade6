using ListingAssistant.Data;
using ListingAssistant.Models;
using ListingAssistant.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ListingAssistant.Controllers;

[ApiController]
[Route("api/drafts")]
public sealed class DraftsController(
    ListingDbContext db,
    IListingCopyService copy,
    ILogger<DraftsController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<DraftDto>> Create([FromBody] CreateDraftRequest request, CancellationToken ct)
    {
        var listing = await db.Listings.FindAsync([request.ListingId], ct);
        if (listing is null)
        {
            return NotFound($"Listing {request.ListingId} does not exist.");
        }

        var body = await copy.WriteDescriptionAsync(listing, request.AgentNotes, request.Tone, Math.Clamp(request.MaxWords, 60, 400), ct);

        var draft = new ListingDraft
        {
            ListingId = listing.Id,
            AgentNotes = request.AgentNotes,
            Tone = request.Tone,
            Body = body
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Draft {DraftId} created for listing {ListingId}", draft.Id, listing.Id);
        return CreatedAtAction(nameof(Get), new { id = draft.Id }, ToDto(draft));
    }

    [HttpGet("{id:guid}")]
    public async Task<ActionResult<DraftDto>> Get(Guid id, CancellationToken ct)
    {
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return draft is null ? NotFound() : ToDto(draft);
    }

    [HttpGet]
    public async Task<IEnumerable<DraftDto>> ForListing([FromQuery] int listingId, CancellationToken ct)
    {
        var drafts = await db.Drafts.AsNoTracking()
            .Where(d => d.ListingId == listingId)
            .OrderByDescending(d => d.CreatedAtUtc)
            .ToListAsync(ct);
        return drafts.Select(ToDto);
    }

    [HttpPut("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, [FromBody] UpdateDraftRequest request, CancellationToken ct)
    {
        var draft = await db.Drafts.FindAsync([id], ct);
        if (draft is null)
        {
            return NotFound();
        }

        draft.Body = request.Body;
        await db.SaveChangesAsync(ct);
        return NoContent();
    }

    [HttpPost("{id:guid}/regenerate")]
    public async Task<ActionResult<DraftDto>> Regenerate(Guid id, [FromQuery] string? tone, CancellationToken ct)
    {
        var draft = await db.Drafts.Include(d => d.Listing).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft?.Listing is null)
        {
            return NotFound();
        }

        draft.Tone = tone ?? draft.Tone;
        draft.Body = await copy.WriteDescriptionAsync(draft.Listing, draft.AgentNotes, draft.Tone, 180, ct);
        await db.SaveChangesAsync(ct);
        return Ok(ToDto(draft));
    }

    [HttpPost("{id:guid}/publish")]
    public async Task<ActionResult<ListingDto>> Publish(Guid id, CancellationToken ct)
    {
        var draft = await db.Drafts.Include(d => d.Listing).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft?.Listing is null)
        {
            return NotFound();
        }

        var now = DateTime.UtcNow;
        draft.PublishedAtUtc = now;
        draft.Listing.Description = draft.Body;
        draft.Listing.Status = "Published";
        draft.Listing.PublishedAtUtc ??= now;
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Listing {ListingId} published from draft {DraftId}", draft.ListingId, draft.Id);
        var l = draft.Listing;
        return Ok(new ListingDto(l.Id, l.AgentId, l.Address, l.Suburb, l.PropertyType, l.AskingPrice, l.Bedrooms,
            l.Bathrooms, l.ParkingSpaces, l.FloorAreaSqm, l.Status, l.Description, l.OpenHouseAtUtc));
    }

    private static DraftDto ToDto(ListingDraft d) =>
        new(d.Id, d.ListingId, d.Tone, d.Body, d.CreatedAtUtc, d.PublishedAtUtc);
}
