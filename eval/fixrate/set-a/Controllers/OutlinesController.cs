using Microsoft.AspNetCore.Mvc;
using WriterApp.Services;

namespace WriterApp.Controllers;

[ApiController]
[Route("api/outlines")]
public sealed class OutlinesController(OutlineService outlines) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Create([FromBody] string topic, CancellationToken cancellationToken)
    {
        var outline = await outlines.CreateAsync(topic, cancellationToken);
        return Ok(new { topic, outline });
    }
}
