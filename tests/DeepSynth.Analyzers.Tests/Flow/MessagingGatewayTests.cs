namespace DeepSynth.Analyzers.Tests.Flow;

/// <summary>
/// An app's own SMS or push gateway client, posting over plain <c>HttpClient</c>: what it posts reaches people, so the
/// generated text a caller hands it is published there (reported where the caller passes it). A client of another
/// service that posts the same text (a search index) publishes nothing, and the gateway's receipt is no content.
/// </summary>
public class MessagingGatewayTests
{
    private const string Usings = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.AI;

        """;

    private const string App = """
        public interface ISmsSender { Task<string> SendAsync(string mobile, string text, CancellationToken ct); }

        public sealed class GatewaySmsSender(HttpClient http) : ISmsSender
        {
            private sealed record SendSmsBody(string Mobile, string Content);

            public async Task<string> SendAsync(string mobile, string text, CancellationToken ct)
            {
                using var response = await http.PostAsJsonAsync("v1/messages", new SendSmsBody(mobile, text), ct);
                return (await response.Content.ReadFromJsonAsync<string>(ct)) ?? "";
            }
        }

        public sealed class SearchIndexClient(HttpClient http)
        {
            public Task IndexAsync(string id, string text, CancellationToken ct) => http.PostAsJsonAsync("documents/" + id, new { text }, ct);
        }

        [ApiController, Route("reminders")]
        public class RemindersController(IChatClient chat, ISmsSender sms, SearchIndexClient index) : ControllerBase
        {
            [HttpPost("{mobile}")]
            public async Task<string> Remind(string mobile, CancellationToken ct)
            {
                var response = await chat.GetResponseAsync("Write an appointment reminder.", cancellationToken: ct);
                await index.IndexAsync("r1", response.Text, ct);
                var receipt = await sms.SendAsync(mobile, response.Text, ct);
                return receipt;
            }
        }
        """;

    [Fact]
    public async Task The_text_handed_to_an_sms_gateway_is_published_and_nothing_else_is()
    {
        // Only the SMS (line 27) publishes: the index post (line 26) and the receipt returned (line 28) do not.
        var findings = await FlowFindings.OfAsync(Usings, App);
        Assert.Equal(new[] { "DSYN001@27", "DSYN002@27", "DSYN003@27", "DSYN005@27" }, findings);
    }

    [Fact]
    public async Task A_request_message_built_with_json_content_carries_the_text_to_the_gateway()
    {
        var app = App.Replace(
            "using var response = await http.PostAsJsonAsync(\"v1/messages\", new SendSmsBody(mobile, text), ct);",
            "using var request = new HttpRequestMessage(HttpMethod.Post, \"v1/messages\") { Content = JsonContent.Create(new { mobile, templateParam = new Dictionary<string, string> { [\"text\"] = text } }) };\n" +
            "                using var response = await http.SendAsync(request, ct);");
        var findings = await FlowFindings.OfAsync(Usings, app);
        Assert.Equal(new[] { "DSYN001@28", "DSYN002@28", "DSYN003@28", "DSYN005@28" }, findings);
    }
}
