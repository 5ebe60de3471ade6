using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Shop.Api;

public sealed record AskRequest(string Question);

public sealed record AnswerDto(string Answer, int? Tokens);

[ApiController]
[Route("api/assistant")]
public class AssistantController(IChatClient chat) : ControllerBase
{
    [HttpPost("ask")]
    public async Task<string> Ask(AskRequest request)
    {
        var response = await chat.GetResponseAsync(request.Question);
        return response.Text;
    }

    [HttpPost("outline")]
    public async Task<string[]> Outline(AskRequest request)
    {
        var response = await chat.GetResponseAsync(request.Question);
        return response.Text.Split('\n');
    }

    [HttpPost("detailed")]
    public async Task<IActionResult> Detailed(AskRequest request, CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync(request.Question, cancellationToken: cancellationToken);
        return Ok(new AnswerDto(response.Text, (int?)response.Usage?.TotalTokenCount));
    }
}
