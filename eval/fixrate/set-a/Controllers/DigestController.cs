using Microsoft.AspNetCore.Mvc;
using WriterApp.Services;

namespace WriterApp.Controllers;

[ApiController]
[Route("api/digest")]
public sealed class DigestController(DigestNotifier notifier) : ControllerBase
{
    [HttpPost("{userId}")]
    public async Task<IActionResult> Send(string userId, [FromBody] string notes)
    {
        await notifier.SendDailyDigestAsync(userId, notes);
        return Accepted();
    }
}
