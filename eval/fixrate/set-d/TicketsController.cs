using LumenMarket.Models;
using LumenMarket.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace LumenMarket.Controllers;

[ApiController]
[Route("api/tickets")]
public class TicketsController(IReplyDraftService drafts, IChatClient chat) : ControllerBase
{
    [HttpPost("{ticketId}/draft")]
    public async Task<ActionResult<ReplySuggestion>> Draft(string ticketId, [FromBody] TicketReplyRequest request, CancellationToken ct)
    {
        if (ticketId != request.TicketId)
        {
            return BadRequest("Ticket id in route and body differ.");
        }
        return await drafts.DraftAsync(request, ct);
    }

    [HttpPost("{ticketId}/summary")]
    public async Task<IActionResult> Summarize(string ticketId, [FromBody] List<string> messages, CancellationToken ct)
    {
        var summary = await drafts.SummarizeThreadAsync(messages, ct);
        return Ok(new TicketSummary(ticketId, summary, messages.Count));
    }

    [HttpGet("{ticketId}/translate")]
    public async Task<string> Translate(string ticketId, [FromQuery] string text, [FromQuery] string language = "en", CancellationToken ct = default)
    {
        var response = await chat.GetResponseAsync(
            $"Translate this customer message into {language}. Keep product names and order numbers unchanged:\n{text}",
            cancellationToken: ct);
        return response.Text;
    }
}
