using Microsoft.AspNetCore.Mvc;
using ShopAssist.Models;
using ShopAssist.Services;

namespace ShopAssist.Controllers;

[ApiController]
[Route("api/catalog")]
public sealed class CatalogController : ControllerBase
{
    private readonly ProductCopyWriter _writer;

    public CatalogController(ProductCopyWriter writer) => _writer = writer;

    [HttpPost("{sku}")]
    public async Task<ActionResult<ProductCopy>> Generate(string sku, [FromBody] ProductInput input)
    {
        var copy = await _writer.WriteAsync(sku, input);
        return copy;
    }
}
