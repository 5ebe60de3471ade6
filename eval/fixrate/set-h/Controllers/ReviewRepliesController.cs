using MenuMuse.Data;
using MenuMuse.Models;
using MenuMuse.Services;
using Microsoft.AspNetCore.Mvc;

namespace MenuMuse.Controllers;

[ApiController]
[Route("api/merchants/{merchantId}/review-replies")]
public sealed class ReviewRepliesController(MenuCatalog catalog, IReviewReplyService replies, IReplyDraftStore drafts) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Create(string merchantId, ReviewReplyRequest request, CancellationToken cancellationToken)
    {
        if (request.Rating is < 1 or > 5 || string.IsNullOrWhiteSpace(request.ReviewText))
        {
            return BadRequest("A rating between 1 and 5 and the review text are required.");
        }

        var merchant = catalog.FindMerchant(merchantId);
        if (merchant is null)
        {
            return NotFound();
        }

        var draft = await replies.DraftReplyAsync(merchant, request, cancellationToken);
        drafts.Save(draft);
        return CreatedAtAction(nameof(Get), new { merchantId, id = draft.Id }, draft);
    }

    [HttpGet]
    public ActionResult<IEnumerable<ReviewReplySummary>> List(string merchantId) =>
        Ok(drafts.ListFor(merchantId).Select(d => new ReviewReplySummary(
            d.Id, d.ReviewId, d.Rating, d.ReplyText.Length > 60 ? d.ReplyText[..60] + "…" : d.ReplyText, d.CreatedAt)));

    [HttpGet("{id:guid}")]
    public ActionResult<ReviewReplyDraft> Get(string merchantId, Guid id)
    {
        var draft = drafts.Get(id);
        return draft is null || draft.MerchantId != merchantId ? NotFound() : draft;
    }
}
