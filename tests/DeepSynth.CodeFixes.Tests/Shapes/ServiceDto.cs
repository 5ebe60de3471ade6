using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.AI;

namespace Shop.Catalog;

public sealed record ProductInput(string Name, string[] Features, string Audience);

public sealed class ProductCopy
{
    public string Sku { get; init; } = "";
    public string Headline { get; set; } = "";
    public List<string> Bullets { get; } = new();
}

public interface ICopyWriter
{
    Task<ProductCopy> WriteAsync(string sku, ProductInput input);
}

public sealed class CopyWriter(IChatClient chat) : ICopyWriter
{
    public async Task<ProductCopy> WriteAsync(string sku, ProductInput input)
    {
        var headline = await chat.GetResponseAsync($"Headline for {input.Name} ({input.Audience})");
        var copy = new ProductCopy { Sku = sku, Headline = headline.Text };
        foreach (var feature in input.Features)
        {
            var bullet = await chat.GetResponseAsync($"One bullet selling: {feature}");
            copy.Bullets.Add(bullet.Text);
        }

        return copy;
    }

    public async Task<string> SummarizeAsync(IEnumerable<string> reviews) =>
        (await chat.GetResponseAsync(string.Join("\n---\n", reviews))).Text;
}

[ApiController]
[Route("api/catalog")]
public sealed class CatalogController(CopyWriter writer) : ControllerBase
{
    [HttpPost("{sku}")]
    public async Task<ActionResult<ProductCopy>> Generate(string sku, [FromBody] ProductInput input)
    {
        var copy = await writer.WriteAsync(sku, input);
        return copy;
    }

    [HttpPost("{sku}/preview")]
    public async Task<IActionResult> Preview(string sku, [FromBody] ProductInput input) => Ok(await writer.WriteAsync(sku, input));

    [HttpPost("{sku}/draft")]
    public async Task<ProductCopy> Draft(string sku, [FromBody] ProductInput input)
    {
        return await writer.WriteAsync(sku, input);
    }

    [HttpPost("{sku}/task")]
    public Task<ProductCopy> Pass(string sku, [FromBody] ProductInput input) => writer.WriteAsync(sku, input);

    // Only the DTO's list is generated: the user's SKU next to it is neither labeled, reviewed nor recorded.
    [HttpPost("{sku}/bullets")]
    public async Task<IActionResult> Bullets(string sku, [FromBody] ProductInput input)
    {
        var copy = await writer.WriteAsync(sku, input);
        return Ok(new { sku, bullets = copy.Bullets });
    }

    [HttpPost("digest")]
    public async Task<IActionResult> Digest([FromBody] List<string> reviews)
    {
        var summary = await writer.SummarizeAsync(reviews);
        return Ok(new { summary, count = reviews.Count });
    }
}

// Through the service's interface, with the user's text from a hub call.
public sealed class CopyHub(ICopyWriter writer) : Hub
{
    public Task<ProductCopy> Draft(string sku, ProductInput input) => writer.WriteAsync(sku, input);
}
