using Microsoft.AspNetCore.Mvc;
using ShopAssist.Services;

namespace ShopAssist.Controllers;

[ApiController]
[Route("api/orders")]
public sealed class OrdersController(OrderUpdateNotifier notifier) : ControllerBase
{
    [HttpPost("{orderNumber}/delay")]
    public async Task<IActionResult> Delay(string orderNumber, [FromQuery] string connectionId, [FromQuery] int days)
    {
        await notifier.NotifyDelayAsync(connectionId, orderNumber, days);
        return NoContent();
    }
}
