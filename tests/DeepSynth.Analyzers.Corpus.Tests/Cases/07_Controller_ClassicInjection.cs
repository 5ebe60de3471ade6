using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

namespace Contoso.Support.Api.Controllers
{
    public class AskRequest
    {
        [Required, MaxLength(4000)]
        public string Question { get; set; } = string.Empty;

        public string? ProductLine { get; set; }
    }

    public class AnswerDto
    {
        public string Answer { get; set; } = string.Empty;

        public string Model { get; set; } = string.Empty;

        public DateTime CreatedUtc { get; set; }
    }

    public class TicketDto
    {
        public int Id { get; set; }

        public string Subject { get; set; } = string.Empty;
    }

    public interface ITicketRepository
    {
        Task<IReadOnlyList<TicketDto>> GetRecentAsync(string userName, int take);
    }

    [Authorize]
    [ApiController]
    [Route("api/[controller]")]
    public class AssistantController : ControllerBase
    {
        private readonly IChatClient _chatClient;
        private readonly ITicketRepository _tickets;
        private readonly ILogger<AssistantController> _logger;

        public AssistantController(IChatClient chatClient, ITicketRepository tickets, ILogger<AssistantController> logger)
        {
            _chatClient = chatClient;
            _tickets = tickets;
            _logger = logger;
        }

        [HttpPost("ask")]
        [ProducesResponseType(typeof(AnswerDto), StatusCodes.Status200OK)]
        public async Task<ActionResult<AnswerDto>> Ask([FromBody] AskRequest request, CancellationToken cancellationToken)
        {
            if (!ModelState.IsValid)
            {
                return ValidationProblem(ModelState);
            }

            var systemPrompt = request.ProductLine is null
                ? "You are the Contoso support assistant."
                : "You are the Contoso support assistant for " + request.ProductLine + ".";

            ChatResponse response;
            try
            {
                response = await _chatClient.GetResponseAsync(new[] { new ChatMessage(ChatRole.System, systemPrompt), new ChatMessage(ChatRole.User, request.Question) }, cancellationToken: cancellationToken); // expect: DSYN004
            }
            catch (HttpRequestException ex)
            {
                _logger.LogError(ex, "Model call failed");
                return StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            _logger.LogInformation("Answered {Length} chars for {User}", response.Text.Length, User.Identity?.Name);

            var dto = new AnswerDto
            {
                Answer = response.Text,
                Model = response.ModelId ?? "unknown",
                CreatedUtc = DateTime.UtcNow,
            };

            return dto; // expect: DSYN001, DSYN002, DSYN003, DSYN005
        }

        [HttpGet("tickets")]
        public async Task<ActionResult<IReadOnlyList<TicketDto>>> Tickets()
        {
            var recent = await _tickets.GetRecentAsync(User.Identity?.Name ?? string.Empty, 20);
            return Ok(recent);
        }
    }
}
