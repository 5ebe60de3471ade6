namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// A web push (the real Lib.Net.Http.WebPush client) delivers its message's payload to the user's browser: generated text
/// serialized into the payload is published at the delivery; a push of the app's own status text is not.
/// </summary>
public class WebPushTests
{
    private const string Usings = """
        using System.Text.Json;
        using Lib.Net.Http.WebPush;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;

        """;

    private const string App = """
        public sealed class BrowserPush(PushServiceClient client)
        {
            public Task SendAsync(PushSubscription subscription, string title, string body, CancellationToken ct) =>
                client.RequestPushMessageDeliveryAsync(subscription, new PushMessage(JsonSerializer.Serialize(new { title, body })), ct);
        }

        [ApiController, Route("push")]
        public class PushController(IChatClient chat, BrowserPush push) : ControllerBase
        {
            [HttpPost("tip")]
            public async Task<IActionResult> Tip([FromBody] PushSubscription subscription, CancellationToken ct)
            {
                var tip = await chat.GetResponseAsync("Write today's creator tip.", cancellationToken: ct);
                await push.SendAsync(subscription, "Tip of the day", tip.Text, ct);
                return Accepted();
            }

            [HttpPost("status")]
            public async Task<IActionResult> Status([FromBody] PushSubscription subscription, CancellationToken ct)
            {
                await push.SendAsync(subscription, "Published", "Your video is live.", ct);
                return Accepted();
            }
        }
        """;

    [Fact]
    public async Task Generated_text_in_a_push_payload_is_published_where_the_push_is_sent()
    {
        var findings = await FlowFindings.OfAsync(Usings, App);
        Assert.Equal(new[] { "DSYN001@14", "DSYN002@14", "DSYN003@14", "DSYN005@14" }, findings);
    }
}
