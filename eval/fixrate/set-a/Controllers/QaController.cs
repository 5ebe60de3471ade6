using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace WriterApp.Controllers;

[ApiController]
[Route("api/qa")]
public sealed class QaController : ControllerBase
{
    private readonly IChatClient _chat;

    public QaController(IChatClient chat) => _chat = chat;

    [HttpGet("ask")]
    public async Task<string> Ask(string question)
    {
        var response = await _chat.GetResponseAsync(question);
        return $"Q: {question}\nA: {response.Text}";
    }

    [HttpGet("ideas")]
    public async Task<IActionResult> Ideas(string topic, int count = 3)
    {
        var ideas = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await _chat.GetResponseAsync($"Idea #{i + 1} about {topic}");
            ideas.Add(response.Text);
        }

        return Ok(new { topic, ideas });
    }

    [HttpGet("stream")]
    public async IAsyncEnumerable<string> Stream(string question)
    {
        await foreach (var update in _chat.GetStreamingResponseAsync(question))
        {
            yield return update.Text;
        }
    }
}
