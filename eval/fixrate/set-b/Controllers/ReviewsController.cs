using Microsoft.AspNetCore.Mvc;
using ShopAssist.Models;
using ShopAssist.Services;

namespace ShopAssist.Controllers;

[ApiController]
[Route("api/products/{productId}/reviews")]
public sealed class ReviewsController(ReviewSummarizer summarizer) : ControllerBase
{
    [HttpPost("digest")]
    public async Task<IActionResult> Digest(string productId, [FromBody] List<string> reviews, CancellationToken cancellationToken)
    {
        var summary = await summarizer.SummarizeAsync(reviews, cancellationToken);
        var digest = new ReviewDigest(productId, summary, reviews.Count);
        return Ok(digest);
    }

    [HttpPost("digest.txt")]
    public async Task<ContentResult> DigestText(string productId, [FromBody] List<string> reviews)
    {
        var summary = await summarizer.SummarizeAsync(reviews);
        return new ContentResult { Content = summary, ContentType = "text/plain", StatusCode = 200 };
    }
}
