using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using OpenAI.Chat;
using StudyBuddy.Models;
using StudyBuddy.Services;

namespace StudyBuddy.Controllers;

[ApiController]
[Route("api/tutor")]
public class TutorController(TutorService tutor, ChatClient chat) : ControllerBase
{
    [HttpPost("essay-feedback")]
    public async Task<ActionResult<EssayFeedback>> EssayFeedback(EssayFeedbackRequest request, CancellationToken ct)
        => await tutor.GiveEssayFeedbackAsync(request, ct);

    [HttpGet("explain/{topic}")]
    public async IAsyncEnumerable<string> Explain(string topic, [FromQuery] int grade = 9,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var updates = chat.CompleteChatStreamingAsync(
            [
                new SystemChatMessage($"Explain things for a grade {grade} student, with one everyday example."),
                new UserChatMessage($"Explain {topic}."),
            ],
            cancellationToken: ct);

        await foreach (var update in updates)
        {
            foreach (var part in update.ContentUpdate)
                yield return part.Text;
        }
    }
}
