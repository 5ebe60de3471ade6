using System.Text;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Chat;

namespace ShopAssist.Controllers;

[ApiController]
[Route("api/email")]
public sealed class EmailController(ChatClient chat) : ControllerBase
{
    [HttpPost("newsletter")]
    public async Task<IActionResult> Newsletter([FromBody] string[] topics)
    {
        var builder = new StringBuilder();
        builder.AppendLine("# This week");
        foreach (var topic in topics)
        {
            ChatCompletion completion = await chat.CompleteChatAsync($"A paragraph about {topic} for our newsletter");
            builder.AppendLine($"## {topic}").AppendLine(completion.Content[0].Text);
        }

        return Content(builder.ToString(), "text/markdown");
    }

    [HttpPost("subject")]
    public async Task<IActionResult> Subject([FromBody] string body)
    {
        ChatCompletion completion = await chat.CompleteChatAsync("Subject line for: " + body);
        var subject = completion.Content.Count > 0 ? completion.Content[0].Text : "Newsletter";
        return Ok(new { subject, tokens = completion.Usage.TotalTokenCount });
    }
}
