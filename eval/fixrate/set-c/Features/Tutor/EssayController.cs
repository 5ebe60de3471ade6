using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace TravelDesk.Features.Tutor;

[ApiController]
[Route("api/essays")]
public sealed class EssayController(IChatClient chat) : ControllerBase
{
    [HttpPost("feedback")]
    public async Task<IActionResult> Feedback([FromForm] string essay, [FromForm] string? rubric)
    {
        var prompt = rubric is null ? $"Give feedback on this essay:\n{essay}" : $"Grade this essay against the rubric:\n{rubric}\n---\n{essay}";
        var response = await chat.GetResponseAsync(prompt);
        var feedback = response.Text;
        return Ok(new { feedback, length = essay.Length });
    }

    [HttpPost("outline")]
    public async Task<string[]> Outline([FromBody] string topic)
    {
        var response = await chat.GetResponseAsync($"Outline for an essay about {topic}, one point per line");
        return response.Text.Split('\n');
    }
}
