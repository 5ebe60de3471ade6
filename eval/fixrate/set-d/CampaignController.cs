using LumenMarket.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace LumenMarket.Controllers;

[ApiController]
[Route("api/campaigns")]
public class CampaignController(IChatCompletionService completions, Kernel kernel) : ControllerBase
{
    [HttpPost("social-posts")]
    public async Task<IActionResult> SocialPosts([FromBody] CampaignRequest request, CancellationToken ct)
    {
        var history = new ChatHistory("You are the social media copywriter of Lumen Market. Keep every post under 280 characters.");
        var posts = new List<SocialPost>();
        foreach (var channel in request.Channels)
        {
            history.AddUserMessage($"Write a {channel} post announcing: {request.Announcement}");
            var reply = await completions.GetChatMessageContentAsync(history, kernel: kernel, cancellationToken: ct);
            history.AddAssistantMessage(reply.Content ?? string.Empty);
            posts.Add(new SocialPost(channel, reply.Content ?? string.Empty));
        }
        return Ok(posts);
    }

    [HttpGet("slogan")]
    public async Task<string> Slogan([FromQuery] string product, CancellationToken ct)
    {
        var history = new ChatHistory();
        history.AddUserMessage($"One punchy slogan for {product}. Reply with the slogan only.");
        var reply = await completions.GetChatMessageContentAsync(history, cancellationToken: ct);
        return reply.ToString();
    }
}
