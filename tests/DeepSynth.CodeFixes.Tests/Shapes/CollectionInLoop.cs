using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Writer.Api;

public sealed record FaqEntry(string Question, string Answer);

[ApiController]
[Route("api/ideas")]
public sealed class IdeasController(IChatClient chat) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Ideas(string topic, int count = 3)
    {
        var ideas = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await chat.GetResponseAsync($"Idea #{i + 1} about {topic}");
            ideas.Add(response.Text);
        }

        return Ok(new { topic, ideas });
    }

    [HttpPost("faq")]
    public async Task<IActionResult> Faq(string[] questions)
    {
        var entries = new List<FaqEntry>();
        foreach (var question in questions)
        {
            var response = await chat.GetResponseAsync(question);
            entries.Add(new FaqEntry(question, response.Text));
        }

        return Ok(entries);
    }
}
