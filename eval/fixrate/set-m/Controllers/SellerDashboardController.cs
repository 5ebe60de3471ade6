using System.Text;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc;
using ShopCopilot.Data;
using ShopCopilot.Models;
using ShopCopilot.Services;

namespace ShopCopilot.Controllers;

[ApiController]
[Route("api/dashboard")]
public sealed class SellerDashboardController(IContentStore store, IBlobStore blobs, IListingCopywriter copywriter, JobStorage jobStorage) : ControllerBase
{
    [HttpGet("stats")]
    public async Task<ActionResult<ContentStats>> Stats(CancellationToken ct) => await store.GetStatsAsync(ct);

    [HttpGet("jobs")]
    public IActionResult Jobs()
    {
        using var connection = jobStorage.GetConnection();
        var recurring = connection.GetRecurringJobs()
            .Select(j => new { j.Id, j.Cron, j.LastExecution, j.NextExecution, j.LastJobState })
            .ToList();
        var monitor = jobStorage.GetMonitoringApi();
        return Ok(new { recurring, succeeded = monitor.SucceededListCount(), failed = monitor.FailedCount() });
    }

    [HttpGet("providers/deepseek/models")]
    public async Task<IActionResult> ProviderModels(CancellationToken ct)
    {
        try
        {
            return Ok(await copywriter.AvailableModelsAsync(ct));
        }
        catch (Refit.ApiException ex)
        {
            return StatusCode(502, new { error = "DeepSeek model list unavailable", status = (int)ex.StatusCode, ex.Message });
        }
    }

    [HttpPost("listings/{id:long}/export")]
    public async Task<IActionResult> ExportListing(long id, CancellationToken ct)
    {
        var listing = await store.GetListingAsync(id, ct);
        if (listing is null)
        {
            return NotFound();
        }

        var markdown = new StringBuilder()
            .AppendLine($"# {listing.Title}")
            .AppendLine()
            .AppendLine(listing.Description)
            .AppendLine()
            .AppendLine($"_SKU {listing.Sku} · {listing.Marketplace} · {listing.Language}_")
            .ToString();

        var path = await blobs.WriteAsync("exports", $"listing-{id}.md", BinaryData.FromString(markdown), ct);
        return File(blobs.OpenRead(path), "text/markdown; charset=utf-8", $"listing-{id}.md");
    }

    [HttpGet("listings/{id:long}/html")]
    public async Task<ContentResult> ListingHtml(long id, CancellationToken ct)
    {
        var listing = await store.GetListingAsync(id, ct);
        if (listing is null)
        {
            return Content("<p>Listing not found</p>", "text/html", Encoding.UTF8);
        }

        var html = $"<article><h1>{System.Net.WebUtility.HtmlEncode(listing.Title)}</h1><div>{System.Net.WebUtility.HtmlEncode(listing.Description).Replace("\n", "<br/>")}</div></article>";
        return Content(html, "text/html", Encoding.UTF8);
    }
}
