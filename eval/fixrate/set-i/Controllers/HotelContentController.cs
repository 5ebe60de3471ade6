using Microsoft.AspNetCore.Mvc;
using TripPal.Models;
using TripPal.Services;

namespace TripPal.Controllers;

[ApiController]
[Route("api/merchants/{merchantId}/hotels/{hotelId}")]
public sealed class HotelContentController : ControllerBase
{
    private static readonly string[] VariantTones = ["warm", "concise", "upscale"];
    private readonly IHotelDescriptionRewriter _rewriter;

    public HotelContentController(IHotelDescriptionRewriter rewriter) => _rewriter = rewriter;

    [HttpPost("description")]
    public async Task<ActionResult<RewrittenDescription>> Rewrite(string merchantId, string hotelId, HotelDescriptionRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.CurrentDescription))
            return BadRequest(new { error = "currentDescription is required" });

        var rewritten = await _rewriter.RewriteAsync(merchantId, hotelId, request, cancellationToken);
        return Ok(rewritten);
    }

    [HttpPost("description/variants")]
    public async Task<IActionResult> Variants(string merchantId, string hotelId, HotelDescriptionRequest request, CancellationToken cancellationToken)
    {
        var variants = new List<DescriptionVariant>();
        foreach (var tone in VariantTones)
        {
            var rewritten = await _rewriter.RewriteAsync(merchantId, hotelId, request with { Tone = tone }, cancellationToken);
            variants.Add(new DescriptionVariant(tone, rewritten.Description, rewritten.WordCount));
        }

        return Ok(new { merchantId, hotelId, variants });
    }
}
