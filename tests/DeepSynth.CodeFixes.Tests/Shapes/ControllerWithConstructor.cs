using Microsoft.AspNetCore.Mvc;
using Microsoft.SemanticKernel;

namespace Shop.Api;

[ApiController]
[Route("api/stories")]
public class StoryController : ControllerBase
{
    private readonly Kernel _kernel;
    private readonly ILogger<StoryController> _logger;

    public StoryController(Kernel kernel, ILogger<StoryController> logger)
    {
        _kernel = kernel;
        _logger = logger;
    }

    [HttpGet("{topic}")]
    public async Task<ActionResult<string>> Write(string topic)
    {
        _logger.LogInformation("Writing a story");
        var result = await _kernel.InvokePromptAsync("Write a story about " + topic);
        if (result.ToString().Length == 0)
        {
            return NoContent();
        }

        return Content(result.ToString(), "text/plain");
    }
}
